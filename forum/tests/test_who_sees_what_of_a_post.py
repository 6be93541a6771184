"""What members, authors and moderators see of a post in each state (issue 11, #6).

The rule lives in forum/visibility.py; these tests drive it through the pages.
"""

import pytest
from django.utils.html import escape

from conftest import make_member
from forum import actions
from forum.models import Post, Status
from forum.tests.factories import (
    make_conversation,
    make_reply,
    make_update,
    picture_upload,
)

pytestmark = pytest.mark.django_db

SECRET = "My sponsor lives on Alder Street"
REASON = "Shared a home address"
NOT_READABLE_BY_OTHERS = [
    Status.HELD,
    Status.REJECTED,
    Status.HIDDEN_REPORTS,
    Status.HIDDEN,
    Status.WITHDRAWN,
    Status.REMOVED,
]


def post_in(status, author, **kwargs):
    post = make_update(author, body=SECRET, **kwargs)
    Post.objects.filter(pk=post.pk).update(status=status, status_reason=REASON)
    return post


# Shown to members as a tombstone, which can still be reported.
TOMBSTONED = [Status.HIDDEN_REPORTS, Status.HIDDEN, Status.WITHDRAWN, Status.REMOVED]


@pytest.mark.parametrize("status", NOT_READABLE_BY_OTHERS)
@pytest.mark.parametrize("page", ["edit", "reply", "report"])
def test_other_members_get_no_text_from_the_edit_reply_and_report_pages(
    client, member, other_member, status, page
):
    post = post_in(status, member)
    client.force_login(other_member)
    response = client.get(f"/posts/{post.pk}/{page}/")
    if page == "report" and status in TOMBSTONED:
        assert response.status_code == 200
        tombstone = f'<p class="tombstone">{escape(Status(status).label)}</p>'
        assert tombstone in response.content.decode()
    else:
        assert response.status_code == 404
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("page", ["edit", "reply"])
def test_the_author_still_gets_their_hidden_post_on_the_edit_and_reply_pages(
    client, member, page
):
    post = post_in(Status.HIDDEN, member)
    client.force_login(member)
    response = client.get(f"/posts/{post.pk}/{page}/")
    assert response.status_code == 200
    assert SECRET in response.content.decode()


def test_other_members_see_a_published_post_on_the_reply_page(
    client, member, other_member
):
    post = make_update(member, body=SECRET)
    client.force_login(other_member)
    assert SECRET in client.get(f"/posts/{post.pk}/reply/").content.decode()


def removed_with_a_reply(author, replier):
    post = make_update(author, body=SECRET)
    make_reply(post, replier, body="Sending you strength.")
    Post.objects.filter(pk=post.pk).update(status=Status.REMOVED, status_reason=REASON)
    return post


def test_the_removal_reason_is_not_shown_to_other_members(client, member, other_member):
    post = removed_with_a_reply(member, other_member)
    client.force_login(other_member)
    for url in ["/community/", post.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert f'id="post-{post.pk}"' in html
        assert "Removed by a moderator" in html
        assert REASON not in html
        assert SECRET not in html


def test_the_removal_reason_is_shown_to_the_author_and_moderators(
    client, member, other_member, moderator
):
    post = removed_with_a_reply(member, other_member)
    for viewer in [member, moderator]:
        client.force_login(viewer)
        html = client.get(post.get_absolute_url()).content.decode()
        assert f"Reason: {REASON}." in html


def test_a_deleted_post_page_does_not_name_its_author(client, member, other_member):
    post = make_update(member, body=SECRET)
    make_reply(post, other_member, body="Sending you strength.")
    Post.objects.filter(pk=post.pk).update(status=Status.WITHDRAWN)
    client.force_login(other_member)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Deleted by its author" in html or "Removed by its author" in html
    assert member.display_name not in html
    assert SECRET not in html


def removed_whose_only_reply_is_held(author, replier, conversation=None):
    if conversation is None:
        post = make_update(author, body=SECRET)
    else:
        post = actions.post_comment(conversation, author=author, body=SECRET).post
    reply = make_reply(post, replier, body="A reply still waiting for review.")
    Post.objects.filter(pk=reply.pk).update(status=Status.HELD)
    Post.objects.filter(pk=post.pk).update(status=Status.REMOVED, status_reason=REASON)
    return post


def test_feed_and_conversation_drop_a_placeholder_whose_only_reply_is_held(
    client, member, other_member
):
    in_feed = removed_whose_only_reply_is_held(member, other_member)
    conversation = make_conversation()
    in_conversation = removed_whose_only_reply_is_held(
        member, other_member, conversation
    )
    bystander = make_member("bystander@example.com", "Heron")
    client.force_login(bystander)
    feed = client.get("/community/").content.decode()
    page = client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert f'id="post-{in_feed.pk}"' not in feed
    assert f'id="post-{in_conversation.pk}"' not in page


def test_feed_and_conversation_keep_the_placeholder_for_the_held_replys_author(
    client, member, other_member
):
    in_feed = removed_whose_only_reply_is_held(member, other_member)
    conversation = make_conversation()
    in_conversation = removed_whose_only_reply_is_held(
        member, other_member, conversation
    )
    client.force_login(other_member)
    feed = client.get("/community/").content.decode()
    page = client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert f'id="post-{in_feed.pk}"' in feed
    assert f'id="post-{in_conversation.pk}"' in page
    assert REASON not in feed + page


def test_a_hidden_posts_picture_is_served_to_its_author_only(
    client, member, other_member
):
    post = make_update(member, body=SECRET, picture=picture_upload())
    Post.objects.filter(pk=post.pk).update(status=Status.HIDDEN, status_reason=REASON)
    client.force_login(other_member)
    assert client.get(f"/posts/{post.pk}/thumbnail/").status_code == 404
    client.force_login(member)
    response = client.get(f"/posts/{post.pk}/thumbnail/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"  # a JPEG


def test_every_page_drops_a_removed_reply_whose_only_reply_is_held(
    client, member, other_member, moderator
):
    conversation = make_conversation()
    root = actions.post_comment(conversation, author=member, body="How was today?").post
    removed = make_reply(root, member, body=SECRET)
    held = make_reply(removed, other_member, body="A reply still waiting for review.")
    Post.objects.filter(pk=held.pk).update(status=Status.HELD)
    Post.objects.filter(pk=removed.pk).update(
        status=Status.REMOVED, status_reason=REASON
    )
    pages = [
        f"/conversations/{conversation.pk}/",
        f"/conversations/{conversation.pk}/print/",
        root.get_absolute_url(),
    ]
    client.force_login(make_member("bystander@example.com", "Heron"))
    for url in pages:
        html = client.get(url).content.decode()
        assert f'id="post-{root.pk}"' in html, url
        assert f'id="post-{removed.pk}"' not in html, url
    client.force_login(other_member)
    for url in pages:
        html = client.get(url).content.decode()
        assert f'id="post-{removed.pk}"' in html, url
        assert f'id="post-{held.pk}"' in html, url
        assert SECRET not in html, url
    client.force_login(moderator)
    for url in pages:
        html = client.get(url).content.decode()
        assert SECRET in html, url  # moderators read everything, with its state
        assert f"Reason: {REASON}." in html, url
        assert f'id="post-{held.pk}"' in html, url
