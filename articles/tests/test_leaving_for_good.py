"""A member leaves for good, in each mode, and the site shows exactly what the mode
promises: on pages, in search, at picture addresses, in feeds, in the moderation
record; nothing of another member changes. (Asking, cancelling and the grace
period: community/tests/test_deleting_an_account.py.)"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings

from articles import polls
from articles.models import PollVote
from articles.tests.factories import make_poll, make_published
from community import account_deletion
from community.models import User
from community.personal_data import ErasureMode
from forum import actions, moderation
from forum.models import (
    Follow,
    ModerationLog,
    Notification,
    Post,
    QueueItem,
    Reaction,
    Revision,
    Status,
)
from forum.tests.factories import make_reply, make_update, picture_upload

pytestmark = pytest.mark.django_db

WALK = "My quiet morning walk by the river."
WALK_BEFORE_EDIT = "A first draft about the river walk."
SUNRISE = "Sunrise from the river bridge."
PHONE = "555-201-3344"


@pytest.fixture
def activity(member, other_member, moderator, editor, medical_reviewer):
    """What Wren (member) did, and what Marlow (other_member) did around it."""
    walk = make_update(member, body=WALK_BEFORE_EDIT)
    actions.edit_post(walk, editor=member, body=WALK)
    photo_only = make_update(member, body="", picture=picture_upload())
    sunrise = make_update(member, body=SUNRISE, picture=picture_upload())
    hidden = make_update(member, body="A river post a moderator hid.")
    moderation.hide_post(hidden, moderator=moderator, reason="Off topic")
    held = make_update(member, body=f"river friends, call me at {PHONE}")
    assert Post.objects.get(pk=held.pk).status == Status.HELD
    reply = make_reply(walk, other_member, body="Glad you got out by the river.")
    marlows = make_update(other_member, body="Marlow's own river update.")
    actions.set_reaction(marlows, member=member, kind="hug", on=True)
    actions.set_reaction(marlows, member=other_member, kind="like", on=True)
    actions.follow_thread(marlows, member=member)
    article = make_published(editor, medical_reviewer, title="Naloxone basics")
    poll = make_poll(article)
    polls.cast_vote(poll, option=poll.options.first(), member=member)
    return {
        "walk": walk,
        "photo_only": photo_only,
        "sunrise": sunrise,
        "held": held,
        "reply": reply,
        "marlows": marlows,
        "poll": poll,
    }


def leave(member, mode, django_capture_on_commit_callbacks, *, keep_pictures=False):
    deletion = account_deletion.request_deletion(
        member, mode=mode, keep_pictures=keep_pictures
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = account_deletion.finish_due_deletions(
            now=deletion.due_at + timedelta(seconds=1)
        )
    assert done == [deletion.pseudonym]
    return deletion


def page_for(client, user, url, **params):
    client.force_login(user)
    response = client.get(url, params)
    return response.status_code, response.content.decode()


def picture_status(client, user, post, size="picture"):
    client.force_login(user)
    response = client.get(f"/posts/{post.pk}/{size}/")
    if response.streaming:  # read to the end: the test client then closes it
        b"".join(response.streaming_content)
    return response.status_code


def stored_files():
    return sorted(p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())


def test_keep_mode_keeps_posts_signed_a_former_member(
    client, member, other_member, activity, django_capture_on_commit_callbacks
):
    assert stored_files()  # two pictures, two sizes each
    leave(member, ErasureMode.KEEP_WITHOUT_NAME, django_capture_on_commit_callbacks)

    status, html = page_for(client, other_member, activity["walk"].get_absolute_url())
    assert status == 200
    assert WALK in html
    assert "A former member" in html
    assert "Glad you got out" in html  # the reply is untouched
    assert "Wren" not in html
    _, feed = page_for(client, other_member, "/community/")
    assert SUNRISE in feed
    assert "Wren" not in feed
    _, found = page_for(client, other_member, "/search/", q="river")
    assert "quiet morning walk" in found
    assert "Wren" not in found
    assert "A former member" in found
    # Pictures were not kept: gone from storage and from their addresses.
    sunrise = activity["sunrise"]
    assert picture_status(client, other_member, sunrise) == 404
    assert stored_files() == []
    photo_only = Post.objects.get(pk=activity["photo_only"].pk)
    assert photo_only.status == Status.WITHDRAWN  # nothing left to show
    # Earlier versions are kept too: nothing written is hard-deleted in this mode.
    assert Revision.objects.filter(body=WALK_BEFORE_EDIT).exists()


def test_keep_mode_keeps_pictures_when_the_member_chose_so(
    client, member, other_member, activity, django_capture_on_commit_callbacks
):
    files = stored_files()
    leave(
        member,
        ErasureMode.KEEP_WITHOUT_NAME,
        django_capture_on_commit_callbacks,
        keep_pictures=True,
    )
    sunrise = activity["sunrise"]
    assert picture_status(client, other_member, sunrise) == 200
    photo = activity["photo_only"]
    assert picture_status(client, other_member, photo, "thumbnail") == 200
    assert stored_files() == files


def test_remove_mode_leaves_tombstones_and_replies(
    client,
    member,
    other_member,
    moderator,
    activity,
    django_capture_on_commit_callbacks,
):
    leave(member, ErasureMode.REMOVE_EVERYTHING, django_capture_on_commit_callbacks)

    walk = activity["walk"]
    status, html = page_for(client, other_member, walk.get_absolute_url())
    assert status == 200
    assert "Removed by its author" in html
    assert "Glad you got out" in html  # replies stay readable
    assert "quiet morning walk" not in html
    assert "Wren" not in html
    # Not even moderators read it now: the text is gone, not hidden.
    _, as_moderator = page_for(client, moderator, walk.get_absolute_url())
    assert "quiet morning walk" not in as_moderator
    _, found = page_for(client, other_member, "/search/", q="walk")
    assert "quiet morning walk" not in found
    _, feed = page_for(client, other_member, "/community/")
    assert SUNRISE not in feed
    assert "own river update." in feed
    for post in (activity["sunrise"], activity["photo_only"]):
        for size in ("picture", "thumbnail"):
            assert picture_status(client, moderator, post, size) == 404
    assert stored_files() == []

    for post in Post.objects.filter(author=member):
        assert post.status in {Status.WITHDRAWN, Status.HIDDEN, Status.REJECTED}
        assert (post.body, post.body_html, post.picture.name) == (
            "Removed by its author",
            "",
            "",
        )
    assert not Revision.objects.exclude(body="").filter(post__author=member).exists()


def test_remove_mode_keeps_the_moderation_record_without_the_text(
    member, moderator, activity, django_capture_on_commit_callbacks
):
    entries_before = set(ModerationLog.objects.values_list("pk", flat=True))
    assert QueueItem.objects.get(post=activity["held"]).matched == [PHONE]

    deletion = leave(
        member, ErasureMode.REMOVE_EVERYTHING, django_capture_on_commit_callbacks
    )

    log = ModerationLog.objects.all()
    assert entries_before <= set(log.values_list("pk", flat=True))
    assert log.filter(member=member, action="hide").exists()
    shell = User.objects.get(pk=member.pk)
    assert shell.email == f"former-member-{deletion.pseudonym}"  # the pseudonym
    recorded = repr(list(log.values())) + repr(list(QueueItem.objects.values()))
    for text in (PHONE, "quiet morning walk", "moderator hid", "Wren", member.email):
        assert text not in recorded
    assert QueueItem.objects.get(post=activity["held"]).matched == []


@pytest.mark.parametrize(
    "mode", [ErasureMode.KEEP_WITHOUT_NAME, ErasureMode.REMOVE_EVERYTHING]
)
def test_links_to_other_people_go_and_their_data_stays(
    member, other_member, activity, mode, django_capture_on_commit_callbacks
):
    marlows = activity["marlows"]
    leave(member, mode, django_capture_on_commit_callbacks)

    marlows.refresh_from_db()
    assert (marlows.hug_count, marlows.like_count) == (0, 1)
    assert not Reaction.objects.filter(member=member).exists()
    assert Reaction.objects.filter(member=other_member).count() == 1
    assert not Follow.objects.filter(member=member).exists()
    assert not Notification.objects.filter(recipient=member).exists()
    assert not PollVote.objects.filter(member=member).exists()
    activity["poll"].refresh_from_db()
    assert activity["poll"].votes.count() == 1  # the vote still counts
    assert marlows.body == "Marlow's own river update."
    assert Post.objects.get(pk=activity["reply"].pk).body.startswith("Glad you")
    other_member.refresh_from_db()
    assert other_member.display_name == "Marlow"
    assert other_member.is_active


@pytest.mark.parametrize(
    "mode", [ErasureMode.KEEP_WITHOUT_NAME, ErasureMode.REMOVE_EVERYTHING]
)
def test_the_articles_feed_never_names_a_member(
    client, member, activity, mode, django_capture_on_commit_callbacks
):
    leave(member, mode, django_capture_on_commit_callbacks)
    client.logout()
    feed = client.get("/articles/feed/").content.decode()
    assert "Naloxone basics" in feed
    assert "Wren" not in feed
    assert "river" not in feed


def test_a_cancelled_deletion_changes_nothing(
    client, member, other_member, activity, django_capture_on_commit_callbacks
):
    _, before = page_for(client, other_member, activity["walk"].get_absolute_url())
    files = stored_files()
    deletion = account_deletion.request_deletion(
        member, mode=ErasureMode.REMOVE_EVERYTHING
    )
    account_deletion.cancel_deletion(deletion)
    with django_capture_on_commit_callbacks(execute=True):
        assert account_deletion.finish_due_deletions(now=deletion.due_at) == []

    _, after = page_for(client, other_member, activity["walk"].get_absolute_url())
    assert "Wren" in after
    assert WALK in after
    assert after.count("Wren") == before.count("Wren")
    assert stored_files() == files
    assert Reaction.objects.filter(member=member).exists()


def test_an_editor_who_leaves_is_no_longer_named_on_cached_article_pages(
    client, editor, medical_reviewer, django_capture_on_commit_callbacks
):
    article = make_published(editor, medical_reviewer, title="Naloxone basics")
    client.logout()
    assert "Rowan Page" in client.get(article.get_absolute_url()).content.decode()

    leave(editor, ErasureMode.KEEP_WITHOUT_NAME, django_capture_on_commit_callbacks)

    page = client.get(article.get_absolute_url()).content.decode()
    assert "Rowan Page" not in page
    assert "A former member" in page
