"""Moderators' pin and lock controls do what they say.

Pin puts a post first in its list; lock closes one thread (in the feed, never the
whole feed); both can be undone from the thread itself once the queue item is gone.
"""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from forum import actions, moderation, threads
from forum.models import Conversation, ModerationLog, Post
from forum.tests.factories import make_conversation, make_reply, make_update

pytestmark = pytest.mark.django_db


def card_order(html):
    """Post ids in the order their cards appear on a page."""
    return [int(pk) for pk in re.findall(r'<article id="post-(\d+)"', html)]


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- Pin: first in its list ---------------------------------------------------------


def test_a_pinned_update_comes_first_in_the_feed(client, member, moderator):
    oldest, middle, newest = (make_update(member, body=f"u{n}") for n in range(3))
    client.force_login(moderator)
    client.post(f"/moderation/posts/{oldest.pk}/pin/")
    client.force_login(member)
    assert card_order(page_html(client, "/community/")) == [
        oldest.pk,
        newest.pk,
        middle.pk,
    ]


def test_a_pinned_post_comes_first_in_its_conversation(client, member, moderator):
    conversation = make_conversation()
    first, second, third = (
        actions.post_comment(conversation, author=member, body=f"c{n}").post
        for n in range(3)
    )
    moderation.set_pinned(first, moderator=moderator, pinned=True)
    client.force_login(member)
    html = page_html(client, f"/conversations/{conversation.pk}/")
    assert card_order(html) == [first.pk, third.pk, second.pk]


def test_the_most_recently_pinned_comes_first_and_unpinning_restores_the_order(
    member, moderator
):
    feed = Conversation.objects.feed()
    first, second, third = (make_update(member, body=f"u{n}") for n in range(3))
    moderation.set_pinned(first, moderator=moderator, pinned=True)
    moderation.set_pinned(second, moderator=moderator, pinned=True)
    assert [p.pk for p in threads.feed_page(feed, member).posts] == [
        second.pk,
        first.pk,
        third.pk,
    ]
    moderation.set_pinned(second, moderator=moderator, pinned=False)
    moderation.set_pinned(first, moderator=moderator, pinned=False)
    assert [p.pk for p in threads.feed_page(feed, member).posts] == [
        third.pk,
        second.pk,
        first.pk,
    ]
    assert list(
        ModerationLog.objects.order_by("id").values_list("action", flat=True)
    ) == ["pin", "pin", "unpin", "unpin"]


@pytest.mark.parametrize("pinned_count", [1, 3, 4])
def test_every_post_shows_exactly_once_across_pages_with_pins(
    settings, member, moderator, pinned_count
):
    settings.FORUM_PAGE_SIZE = 3
    feed = Conversation.objects.feed()
    posts = [make_update(member, body=f"u{n}") for n in range(8)]
    pinned = posts[:pinned_count]  # the oldest ones
    for post in pinned:
        moderation.set_pinned(post, moderator=moderator, pinned=True)
    seen, cursor = [], None
    while True:
        page = threads.feed_page(feed, member, before=cursor)
        seen += [p.pk for p in page.posts]
        if not (cursor := page.next_cursor):
            break
    unpinned_newest_first = [p.pk for p in reversed(posts[pinned_count:])]
    pinned_last_pinned_first = [p.pk for p in reversed(pinned)]
    assert seen == pinned_last_pinned_first + unpinned_newest_first


def test_questions_page_stays_newest_first_across_conversations(member, moderator):
    older = actions.ask_question(author=member, body="An older question?").post
    newer = actions.ask_question(author=member, body="A newer question?").post
    moderation.set_pinned(older, moderator=moderator, pinned=True)
    assert [p.pk for p in threads.question_page(member).posts] == [
        newer.pk,
        older.pk,
    ]


def test_replies_cannot_be_pinned(member, moderator):
    reply = make_reply(make_update(member), member)
    with pytest.raises(ValidationError):
        moderation.set_pinned(reply, moderator=moderator, pinned=True)
    assert Post.objects.get(pk=reply.pk).pinned_at is None
    assert not ModerationLog.objects.exists()


# --- Lock: a feed post's lock locks its thread, never the feed -----------------------


def test_locking_from_a_feed_post_locks_its_thread_not_the_feed(
    client, member, other_member, moderator
):
    locked = make_update(member, body="This one gets heated")
    reply = make_reply(locked, other_member, body="A reply in it")
    elsewhere = make_update(member, body="A calm one")
    client.force_login(moderator)
    client.post(f"/moderation/posts/{reply.pk}/lock/")  # from a reply in the queue

    assert Conversation.objects.feed().is_locked is False
    assert Post.objects.get(pk=locked.pk).locked_at is not None
    for parent in [locked, reply]:
        with pytest.raises(PermissionDenied):
            actions.reply_to_post(parent, author=other_member, body="Me too")
    assert Post.objects.filter(root=locked).count() == 2  # nothing was added
    # The rest of the feed is open: replies elsewhere and new updates.
    actions.reply_to_post(elsewhere, author=other_member, body="Thanks")
    make_update(other_member, body="A new update")
    entry = ModerationLog.objects.get()
    assert (entry.action, entry.post_id) == ("lock_thread", locked.pk)


def test_a_locked_thread_offers_no_reply_link(client, member, other_member, moderator):
    locked = make_update(member, body="Locked")
    open_one = make_update(member, body="Open")
    moderation.set_thread_lock(locked, moderator=moderator, locked=True)
    client.force_login(other_member)
    html = page_html(client, "/community/")
    assert f'href="/posts/{locked.pk}/reply/"' not in html
    assert f'href="/posts/{open_one.pk}/reply/"' in html
    assert "Locked: no new replies" in html
    response = client.post(f"/posts/{locked.pk}/reply/", {"body": "Sneaking in"})
    assert response.status_code == 403
    assert Post.objects.filter(root=locked).count() == 1


def test_the_feed_itself_can_never_be_locked(client, member, moderator):
    feed = Conversation.objects.feed()
    with pytest.raises(ValidationError) as refused:
        moderation.set_conversation_lock(feed, moderator=moderator, locked=True)
    assert "Lock a post's thread instead" in " ".join(refused.value.messages)
    client.force_login(moderator)
    client.post(f"/moderation/conversations/{feed.pk}/lock/", {"locked": "1"})
    assert Conversation.objects.feed().is_locked is False
    assert not ModerationLog.objects.exists()
    make_update(member, body="Still open")


def test_the_queue_offers_a_thread_lock_for_feed_posts_not_a_feed_lock(
    client, member, other_member, moderator
):
    post = make_update(member, body="Reported update")
    moderation.report_post(post, reporter=other_member, reason="spam")
    client.force_login(moderator)
    html = page_html(client, "/moderation/")
    assert f'action="/moderation/posts/{post.pk}/lock/"' in html
    assert "Lock this thread" in html
    assert "/moderation/conversations/" not in html
    assert "Lock the whole conversation" not in html


# --- Unlock and unpin live on the thread itself ------------------------------------


def test_a_moderator_unlocks_a_thread_from_its_page_after_the_queue_item_closed(
    client, member, other_member, moderator
):
    post = make_update(member, body="Locked for a while")
    moderation.report_post(post, reporter=other_member, reason="spam")
    client.force_login(moderator)
    client.post(f"/moderation/posts/{post.pk}/lock/")
    moderation.dismiss_reports(post, moderator=moderator)  # the queue item closes

    html = page_html(client, post.get_absolute_url())
    assert "This thread is locked" in html
    assert f'action="/moderation/posts/{post.pk}/unlock/"' in html
    response = client.post(
        f"/moderation/posts/{post.pk}/unlock/", {"next": post.get_absolute_url()}
    )
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert Post.objects.get(pk=post.pk).locked_at is None
    actions.reply_to_post(post, author=other_member, body="Glad it's open again")


def test_a_moderator_unpins_from_the_thread_page(client, member, moderator):
    post = make_update(member, body="Pinned notice")
    moderation.set_pinned(post, moderator=moderator, pinned=True)
    client.force_login(moderator)
    html = page_html(client, post.get_absolute_url())
    assert f'action="/moderation/posts/{post.pk}/unpin/"' in html
    client.post(f"/moderation/posts/{post.pk}/unpin/")
    assert Post.objects.get(pk=post.pk).pinned_at is None


def test_a_moderator_unlocks_a_conversation_from_its_page(client, member, moderator):
    conversation = make_conversation()
    moderation.set_conversation_lock(conversation, moderator=moderator, locked=True)
    client.force_login(moderator)
    html = page_html(client, f"/conversations/{conversation.pk}/")
    assert f'action="/moderation/conversations/{conversation.pk}/lock/"' in html
    assert "Unlock the whole conversation" in html
    client.post(f"/moderation/conversations/{conversation.pk}/lock/", {"locked": "0"})
    assert Conversation.objects.get(pk=conversation.pk).is_locked is False
    actions.post_comment(conversation, author=member, body="Open again")


def test_members_see_no_moderator_controls(client, member, other_member):
    post = make_update(member, body="An update")
    conversation = make_conversation()
    client.force_login(other_member)
    html = page_html(client, post.get_absolute_url())
    html += page_html(client, f"/conversations/{conversation.pk}/")
    assert "/moderation/" not in html
    response = client.post(f"/moderation/posts/{post.pk}/lock/")
    assert response.status_code == 403
    assert Post.objects.get(pk=post.pk).locked_at is None


def test_only_a_threads_first_post_holds_a_lock_or_pin(member):
    reply = make_reply(make_update(member), member)
    reply.locked_at = reply.created_at
    with pytest.raises(ValidationError):
        reply.validate_constraints()
