"""A member's pages read through compiled queries (forum/card_rows.py) show
exactly what the ORM's querysets show, whatever state each post is in."""

import pytest

from forum import actions, card_rows, threads
from forum.models import Conversation, Post, Status
from forum.tests.factories import make_conversation, make_reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(member, other_member):
    """Posts and replies in every state, by the viewer (member) and others."""
    conversation = make_conversation()
    states = [
        Status.PUBLISHED,
        Status.HELD,
        Status.HIDDEN,
        Status.WITHDRAWN,
        Status.REMOVED,
        Status.REJECTED,
    ]
    for number, state in enumerate(states * 2):
        author = member if number % 2 else other_member
        root = actions.post_comment(
            conversation, author=author, body=f"Post {number}"
        ).post
        replies = [make_reply(root, other_member), make_reply(root, member)]
        replies.append(make_reply(replies[0], other_member))
        actions.set_reaction(replies[0], member=member, kind="hug", on=True)
        Post.objects.filter(pk=root.pk).update(status=state)
        Post.objects.filter(pk=replies[number % 3].pk).update(status=state)
    return conversation


def seen(page):
    """What a page shows, card by card."""
    cards = []
    for post in page.posts:
        cards.append(
            (
                post.pk,
                post.shown,
                post.body_html,
                post.author_name,
                tuple(sorted(post.my_reactions)),
                getattr(post, "visible_replies", None),
                getattr(post, "hidden_reply_count", None),
                [(r.pk, r.shown, r.replying_to) for r in post.inline_replies]
                if hasattr(post, "inline_replies")
                else None,
            )
        )
    return cards, page.next_cursor


def pages(conversation, viewer):
    return [
        seen(threads.conversation_page(conversation, viewer)),
        seen(threads.conversation_page(conversation, viewer, inline_replies=1)),
        seen(threads.feed_page(conversation, viewer)),
        seen(threads.whole_conversation(conversation, viewer)),
    ]


def test_a_members_pages_match_the_orms(conversation, member, monkeypatch):
    compiled = pages(conversation, member)
    monkeypatch.setattr(card_rows, "compiled_for", lambda viewer: False)
    assert compiled == pages(conversation, member)
    assert any(cards for cards, _next in compiled)


def test_another_member_sees_their_own_posts_not_the_first_members(
    conversation, member, other_member
):
    first = pages(conversation, member)
    second = pages(conversation, other_member)
    assert first != second  # each sees their own held and rejected posts


def test_pages_longer_than_compiled_for_take_the_orm_and_show_every_post(
    member, other_member, settings, monkeypatch
):
    conversation = make_conversation()
    for number in range(25):
        root = actions.post_comment(
            conversation, author=member, body=f"Post {number}"
        ).post
        make_reply(root, other_member)
    settings.FORUM_PAGE_SIZE = 25  # more top-level posts than compiled for (20)
    compiled = seen(threads.conversation_page(conversation, member))
    assert len(compiled[0]) == 25
    monkeypatch.setattr(card_rows, "compiled_for", lambda viewer: False)
    assert compiled == seen(threads.conversation_page(conversation, member))


def test_the_feeds_page_is_compiled_for_the_feed_alone(
    conversation, member, other_member, monkeypatch
):
    """The feed's first page has the feed's id written into its SQL: it shows the
    feed's posts, never another conversation's, and what the ORM shows."""
    feed = Conversation.objects.feed()
    for number, state in enumerate([Status.PUBLISHED, Status.HELD, Status.HIDDEN]):
        for author in (member, other_member):
            update = actions.post_update(author=author, body=f"Update {number}").post
            Post.objects.filter(pk=update.pk).update(status=state)
    feed_cards = seen(threads.feed_page(feed, member))
    conversation_cards = seen(threads.feed_page(conversation, member))
    assert {card[2] for card in feed_cards[0]} == {
        "<p>Update 0</p>",
        "<p>Update 1</p>",
        "<p>Update 2</p>",
    }
    assert not {card[0] for card in feed_cards[0]} & {
        card[0] for card in conversation_cards[0]
    }
    monkeypatch.setattr(card_rows, "compiled_for", lambda viewer: False)
    assert feed_cards == seen(threads.feed_page(feed, member))
