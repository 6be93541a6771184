"""A conversation's first page, kept for the members who see the same
(forum/kept_pages.py): shared when it may be, never stale, never someone else's.

The page's rows are read on every request and compared, so these run on every
database, inside the test's transaction.
"""

import pytest

from community.actions import update_profile
from community.relations import keep_away
from conftest import make_member
from forum import actions, kept_pages, moderation, threads
from forum.cards import MARKUPS_PER_PAGE
from forum.models import Post, Status
from forum.tests.factories import make_conversation
from forum.tests.kept_page_helpers import (
    edit,
    react,
    remove,
    rename,
    reply,
    small_conversation,
    thread_markup,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nothing_kept(monkeypatch):
    monkeypatch.setattr(kept_pages, "_KEPT", {})


@pytest.fixture
def builds(monkeypatch):
    """How many times a page of cards was built (not served kept)."""
    count = {"pages": 0}
    build = threads._with_replies

    def counted(*args, **kwargs):
        count["pages"] += 1
        return build(*args, **kwargs)

    monkeypatch.setattr(threads, "_with_replies", counted)
    return count


@pytest.fixture
def conversation(member, other_member):
    return small_conversation(member, other_member)


@pytest.fixture
def reader(db):
    return make_member("reader@example.com", "Heron")


def page_as(client, viewer, conversation):
    """The conversation page's thread markup, as `viewer` gets it."""
    client.force_login(viewer)
    response = client.get(conversation.get_absolute_url())
    assert response.status_code == 200
    return thread_markup(response.content.decode())


def _token(markup):
    return markup.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]


def first_post(conversation):
    return conversation.posts.get(body="Day one.")


def test_members_who_may_do_the_same_share_one_built_page(
    client, conversation, reader, builds
):
    first = page_as(client, reader, conversation)
    second = page_as(client, make_member("second@example.com", "Kestrel"), conversation)

    assert builds["pages"] == 1
    assert "Day one." in second
    assert "Proud of you." in second
    # The same cards, each page with its own CSRF token.
    assert _token(first) != _token(second)
    assert first.replace(_token(first), "") == second.replace(_token(second), "")


def test_the_article_page_and_the_conversation_page_keep_their_own_sizes(
    conversation, reader, settings
):
    settings.FORUM_INLINE_REPLIES = 10
    on_its_page = threads.conversation_page(conversation, reader)
    on_the_article = threads.conversation_page(conversation, reader, inline_replies=1)

    assert on_its_page is threads.conversation_page(conversation, reader)
    assert on_the_article is not on_its_page
    assert on_the_article is threads.conversation_page(
        conversation, reader, inline_replies=1
    )


def _lock_thread(post, moderator, **_):
    moderation.set_thread_lock(post, moderator=moderator, locked=True)


def _lock_conversation(post, moderator, **_):
    moderation.set_conversation_lock(
        post.conversation, moderator=moderator, locked=True
    )


@pytest.mark.parametrize(
    ("change", "shows", "no_longer"),
    [
        (remove, "Removed by a moderator", "Day one."),
        (edit, "Day one, edited.", None),
        (react, 'class="count">1<', None),
        (rename, "Wren Again", None),
        (reply, "Same here, a new reply.", None),
        (_lock_thread, "Locked: no new replies", "/reply/"),
        (_lock_conversation, "Day one.", "/reply/"),
    ],
    ids=[
        "removal",
        "edit",
        "reaction",
        "rename",
        "reply",
        "thread-lock",
        "conversation-lock",
    ],
)
def test_every_change_shows_on_the_next_request(
    client, conversation, reader, moderator, change, shows, no_longer
):
    viewer = make_member("viewer@example.com", "Kestrel")
    before = page_as(client, viewer, conversation)
    assert "/reply/" in before
    if shows != "Day one.":
        assert shows not in before

    change(first_post(conversation), moderator=moderator, reader=reader)

    after = page_as(client, viewer, conversation)
    assert shows in after
    if no_longer:
        assert no_longer not in after


def test_a_member_who_reacted_sees_their_reaction_and_no_one_else_does(
    client, conversation, reader, builds
):
    plain = page_as(client, make_member("plain@example.com", "Kestrel"), conversation)
    assert 'aria-pressed="true"' not in plain
    actions.set_reaction(first_post(conversation), member=reader, kind="hug", on=True)

    theirs = page_as(client, reader, conversation)
    others = page_as(client, make_member("later@example.com", "Finch"), conversation)

    assert 'aria-pressed="true"' in theirs
    assert 'aria-pressed="true"' not in others
    assert 'class="count">1<' in others
    # Built for the reader each time and not kept: the page others share stays.
    assert builds["pages"] == 3
    assert page_as(client, reader, conversation).count('aria-pressed="true"') == 1
    page_as(client, make_member("third@example.com", "Tern"), conversation)
    assert builds["pages"] == 4


def test_an_author_gets_their_own_controls_and_others_never_do(
    client, conversation, member, reader, builds
):
    page_as(client, reader, conversation)  # kept for members who wrote none of it

    theirs = page_as(client, member, conversation)
    others = page_as(client, make_member("later@example.com", "Finch"), conversation)

    assert "/edit/" in theirs
    assert "/edit/" not in others
    assert builds["pages"] == 2  # the author's own, then served kept


def test_a_post_only_its_author_reads_never_comes_from_a_kept_page(
    client, reader, moderator, builds
):
    conversation = make_conversation()
    author = make_member("author@example.com", "Plover")
    post = actions.post_comment(conversation, author=author, body="Hard week.").post
    moderation.hide_post(post, moderator=moderator, reason="Names a clinic.")
    assert "Hard week." not in page_as(client, reader, conversation)  # kept

    theirs = page_as(client, author, conversation)

    assert "Hard week." in theirs
    assert "Names a clinic." in theirs


def test_an_authors_held_post_shows_to_them_and_to_no_one_else(
    client, conversation, reader, settings
):
    settings.FORUM_HOLD_FIRST_POSTS = 1  # a newcomer's first post waits
    newcomer = make_member("newcomer@example.com", "Sparrow")
    actions.reply_to_post(first_post(conversation), author=newcomer, body="My first.")
    assert "My first." not in page_as(client, reader, conversation)  # kept

    theirs = page_as(client, newcomer, conversation)
    later = page_as(client, make_member("later@example.com", "Finch"), conversation)

    assert "My first." in theirs
    assert "Waiting for review" in theirs
    assert "My first." not in later


def test_muted_blocked_and_silenced_members_get_pages_of_their_own(
    client, conversation, reader, member, other_member, moderator
):
    shared = page_as(client, reader, conversation)
    assert "muted-post" not in shared
    muter = make_member("muter@example.com", "Kestrel")
    keep_away(muter, other_member, "mute")
    blocked = make_member("blocked@example.com", "Ash")
    keep_away(member, blocked, "block")
    silenced = make_member("silenced@example.com", "Sage")
    moderation.sanction_member(
        silenced,
        moderator=moderator,
        kind="silence",
        reason="Heated exchange",
        member_message="Let's take some time away.",
        days=1,
    )

    assert "muted-post" in page_as(client, muter, conversation)
    blocked_page = page_as(client, blocked, conversation)
    day_one = f"/posts/{first_post(conversation).pk}/reply/"
    assert day_one in shared
    assert day_one not in blocked_page
    assert "/reply/" in blocked_page  # the other member's reply, as ever
    assert "/reply/" not in page_as(client, silenced, conversation)
    again = page_as(client, reader, conversation)
    assert again.replace(_token(again), "") == shared.replace(_token(shared), "")


def test_a_page_that_names_a_parent_off_the_page_is_not_kept(
    client, reader, member, other_member, settings, builds
):
    settings.FORUM_DISPLAY_DEPTH = 1
    conversation = make_conversation()
    root = actions.post_comment(conversation, author=member, body="Root.").post
    middle = actions.reply_to_post(root, author=other_member, body="Middle.").post
    actions.reply_to_post(middle, author=member, body="Deep.")
    # A reply whose parent no one but its author sees (not by a normal path).
    Post.objects.filter(pk=middle.pk).update(status=Status.HELD)

    assert "replying to Marlow" in page_as(client, reader, conversation)
    assert "replying to Marlow" in page_as(client, reader, conversation)
    assert builds["pages"] == 2  # read the parent's name off the page: not kept
    update_profile(other_member, display_name="Marlow Again", bio="")

    assert "replying to Marlow Again" in page_as(client, reader, conversation)


def test_a_hostile_query_string_keeps_a_bounded_number_of_markups(
    client, conversation, reader
):
    client.force_login(reader)
    for n in range(30):
        assert client.get(f"{conversation.get_absolute_url()}?n={n}").status_code == 200

    (kept,) = kept_pages._KEPT.values()
    assert 0 < len(kept.page.markup) <= MARKUPS_PER_PAGE


def test_a_full_store_starts_over(conversation, reader, monkeypatch):
    monkeypatch.setattr(kept_pages, "KEPT_PAGES_LIMIT", 2)
    for limit in (1, 2, 3):
        threads.conversation_page(conversation, reader, inline_replies=limit)

    assert len(kept_pages._KEPT) == 1
    assert threads.conversation_page(conversation, reader, inline_replies=3) is (
        threads.conversation_page(conversation, reader, inline_replies=3)
    )
