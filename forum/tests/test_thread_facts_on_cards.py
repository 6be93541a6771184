"""A card's thread lock and, past the display depth, the name of the member it
replies to are read from the page's other cards (forum/card_rows.py), and from
the database only for a root or parent the page doesn't hold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_member
from forum import actions, threads
from forum.models import Post, Status
from forum.moderation.locks import set_thread_lock
from forum.tests.factories import make_conversation, make_reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(member, other_member, moderator, settings):
    """A locked thread whose replies nest past the display depth, each by a
    different member than its parent."""
    settings.FORUM_DISPLAY_DEPTH = 2
    conversation = make_conversation()
    third = make_member("third@example.com", "Juniper")
    root = actions.post_comment(conversation, author=member, body="Day one.").post
    posts = [root]
    for depth, author in enumerate([other_member, third, other_member, third]):
        posts.append(make_reply(posts[-1], author, body=f"Reply at {depth + 1}"))
    set_thread_lock(root, moderator=moderator, locked=True)
    return conversation, posts


def _cards(page):
    cards = []
    for post in page.posts:
        cards.append(post)
        cards.extend(getattr(post, "inline_replies", []))
    return {card.pk: card for card in cards}


def _expected(pk, display_depth=2):
    post = Post.objects.select_related("parent__author").get(pk=pk)
    name = None
    if post.depth > display_depth:
        name = post.parent.author.display_name
    return post.thread_locked_at, name


@pytest.mark.parametrize(
    "page",
    [
        lambda conversation, viewer: threads.conversation_page(conversation, viewer),
        lambda conversation, viewer: threads.whole_conversation(conversation, viewer),
    ],
    ids=["conversation page", "print view"],
)
def test_every_card_knows_its_threads_lock_and_whom_it_answers(chain, member, page):
    conversation, posts = chain
    cards = _cards(page(conversation, member))
    assert set(cards) == {post.pk for post in posts}
    for pk, card in cards.items():
        assert (card.thread_locked_at, card.replying_to) == _expected(pk)
        assert not card.viewer_can_reply  # the thread is locked
    assert [cards[post.pk].replying_to for post in posts] == [
        None,
        None,
        None,
        "Juniper",
        "Marlow",
    ]


def test_a_parent_the_reader_cannot_see_is_named_from_the_database(
    chain, member, other_member
):
    """A held reply isn't on another member's page, but the reply beneath it
    still says whom it answers, for one more query."""
    conversation, posts = chain
    Post.objects.filter(pk=posts[3].pk).update(status=Status.HELD)
    with CaptureQueriesContext(connection) as with_parent_missing:
        cards = _cards(threads.conversation_page(conversation, member))
    assert posts[3].pk not in cards
    assert cards[posts[4].pk].replying_to == "Marlow"
    assert (
        cards[posts[4].pk].thread_locked_at
        == Post.objects.get(pk=posts[0].pk).locked_at
    )
    Post.objects.filter(pk=posts[3].pk).update(status=Status.PUBLISHED)
    with CaptureQueriesContext(connection) as with_every_parent:
        threads.conversation_page(conversation, member)
    assert len(with_parent_missing) == len(with_every_parent) + 1


def test_a_print_page_after_the_first_reads_the_threads_it_continues(
    chain, member, settings
):
    conversation, posts = chain
    settings.FORUM_PRINT_LIMIT = 3
    first = threads.whole_conversation(conversation, member)
    second = threads.whole_conversation(conversation, member, after=first.next_cursor)
    cards = {card.pk: card for card in second.posts}
    assert set(cards) == {posts[3].pk, posts[4].pk}
    for pk, card in cards.items():
        assert (card.thread_locked_at, card.replying_to) == _expected(pk)
