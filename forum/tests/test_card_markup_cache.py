"""Kept card markup (forum/card_memo.py) is the markup a card would get afresh:
its key holds everything a card reads, so any change to a post shows at once."""

import pytest

from community.actions import update_profile
from forum import actions, card_memo
from forum.card_rows import PostCard
from forum.cards import CardRenderer
from forum.moderation.decisions import hide_post
from forum.tests.factories import make_conversation, make_reply

from .test_card_markup_stays_byte_for_byte import _interactive, _posts

# Read through `id` and `author_id` (PostCard's own properties).
DERIVED = {"pk", "is_visitor_question"}


class _RecordingCard(PostCard):
    read = set()

    def __getattribute__(self, name):
        if not name.startswith("__"):
            _RecordingCard.read.add(name)
        return super().__getattribute__(name)


@pytest.mark.parametrize("show_replies_link", [False, True])
@pytest.mark.parametrize("variant", sorted(_posts()))
def test_a_card_reads_nothing_its_key_leaves_out(variant, show_replies_link):
    post = _posts()[variant]
    post.visible_replies = 3
    post.__class__ = _RecordingCard
    _RecordingCard.read = set()

    CardRenderer()._card(post, show_replies_link)

    keyed = set(card_memo.CARD_READS) | {"visible_replies"} | DERIVED
    assert _RecordingCard.read <= keyed, _RecordingCard.read - keyed


@pytest.mark.parametrize("variant", sorted(_posts()))
def test_a_kept_card_is_the_card_rendered_afresh(variant):
    renderer = CardRenderer()
    fresh = renderer._card(_posts()[variant], False)

    first = renderer.card(_posts()[variant])
    kept = renderer.card(_posts()[variant])

    with_token = fresh.replace(card_memo.CSRF_SLOT, renderer.csrf_token_input)
    assert first == kept == with_token


def test_each_page_gets_its_own_csrf_token_in_a_kept_card():
    post = _interactive(_posts()["interactive"])
    one = CardRenderer(csrf_token="token-one").card(post)
    two = CardRenderer(csrf_token="token-two").card(post)

    assert 'value="token-one"' in one
    assert "token-two" not in one
    assert 'value="token-two"' in two
    assert "token-one" not in two
    assert "\x00" not in one + two


def test_the_store_starts_over_when_full(monkeypatch):
    monkeypatch.setattr(card_memo, "_MARKUP", {})
    monkeypatch.setattr(card_memo, "CARD_MARKUP_LIMIT", 2)
    renderer = CardRenderer()
    for pk in (1, 2, 3):
        post = _posts()["published reply"]
        post.id = pk
        renderer.card(post)

    assert len(card_memo._MARKUP) == 1


def test_a_changed_post_is_rendered_afresh_in_place_of_its_kept_card(monkeypatch):
    monkeypatch.setattr(card_memo, "_MARKUP", {})
    renderer = CardRenderer()
    post = _posts()["published reply"]
    before = renderer.card(post)
    post.body_html = "<p>Edited: a week at a time.</p>"
    after = renderer.card(post)

    assert "Edited: a week at a time." in after
    assert after != before
    assert renderer.card(post) == after
    assert len(card_memo._MARKUP) == 1  # one card a post and page, the latest


@pytest.mark.django_db
def test_a_conversation_page_shows_every_change_at_once(
    client, member, other_member, moderator
):
    conversation = make_conversation()
    post = actions.post_comment(conversation, author=other_member, body="Day 12").post
    reply = make_reply(post, member, body="Proud of you")
    client.force_login(member)
    page = f"/conversations/{conversation.pk}/"
    assert "Marlow" in client.get(page).content.decode()

    update_profile(other_member, display_name="Marlowe Renamed", bio="")
    actions.set_reaction(post, member=moderator, kind="hug", on=True)
    html = client.get(page).content.decode()
    assert "Marlowe Renamed" in html
    assert '<span class="count">1</span>' in html

    hide_post(reply, moderator=moderator, reason="Off topic")
    html = client.get(page).content.decode()
    assert "Proud of you" in html  # its author still reads it...
    assert "Hidden by a moderator" in html  # ...under a note

    client.force_login(other_member)
    html = client.get(page).content.decode()
    assert "Proud of you" not in html  # another member sees a placeholder
