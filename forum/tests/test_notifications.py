import pytest

from community.models import Profile
from forum import actions
from forum.digests import send_due_digests
from forum.models import Follow, Notification
from forum.tests.factories import make_reply, make_update

pytestmark = pytest.mark.django_db


def test_replying_notifies_the_parent_author(member, other_member):
    post = make_update(member)
    reply = make_reply(post, other_member)
    notification = Notification.objects.get(recipient=member)
    assert (notification.kind, notification.actor, notification.post) == (
        "reply",
        other_member,
        reply,
    )
    assert not Notification.objects.filter(recipient=other_member).exists()


def test_followers_hear_about_new_replies(member, other_member, moderator):
    post = make_update(member)
    actions.follow_thread(post, member=moderator)
    make_reply(post, other_member)
    kinds = dict(Notification.objects.values_list("recipient__display_name", "kind"))
    assert kinds == {"Wren": "reply", "Keel": "followed_reply"}


def test_unfollowing_stops_notifications(member, other_member, moderator):
    post = make_update(member)
    actions.follow_thread(post, member=moderator)
    actions.unfollow_thread(post, member=moderator)
    make_reply(post, other_member)
    assert not Notification.objects.filter(recipient=moderator).exists()


def test_writing_in_a_thread_follows_it(member, other_member):
    post = make_update(member)
    make_reply(post, other_member)
    assert Follow.objects.filter(member=other_member, thread=post).exists()


def test_unread_count_shows_in_the_header_and_clears(client, member, other_member):
    post = make_update(member)
    make_reply(post, other_member)
    actions.set_reaction(post, member=other_member, kind="hug", on=True)
    client.force_login(member)
    html = client.get("/").content.decode()
    assert (
        '<span aria-hidden="true">2</span><span class="visually-hidden">2 unread</span>'
        in html
    )
    client.post("/notifications/read/")
    assert "unread" not in client.get("/").content.decode()


def test_follow_button_toggles(client, member, other_member):
    post = make_update(member)
    client.force_login(other_member)
    client.post(f"/posts/{post.pk}/follow/", {"follow": "1"})
    assert Follow.objects.filter(member=other_member, thread=post).exists()
    client.post(f"/posts/{post.pk}/follow/", {"follow": "0"})
    assert not Follow.objects.filter(member=other_member, thread=post).exists()


def test_no_email_as_notifications_happen(
    member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    Profile.objects.filter(user=member).update(email_digest="daily")
    post = make_update(member)
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(post, other_member)
    assert mailoutbox == []  # it waits for the member's summary (test_email_digest)


def test_no_summary_unless_the_member_chose_one(member, other_member, mailoutbox):
    make_reply(make_update(member), other_member)
    assert send_due_digests() == 0
    assert mailoutbox == []


def test_member_chooses_a_weekly_summary_with_post_text_in_the_profile(client, member):
    client.force_login(member)
    client.post(
        "/account/profile/",
        {
            "display_name": "Wren",
            "bio": "",
            "email_digest": "weekly",
            "digest_includes_post_text": "on",
        },
    )
    member.profile.refresh_from_db()
    assert member.profile.email_digest == "weekly"
    assert member.profile.digest_includes_post_text is True


def test_an_unknown_summary_choice_is_refused_and_keeps_what_was_typed(client, member):
    client.force_login(member)
    response = client.post(
        "/account/profile/",
        {"display_name": "Wren", "bio": "Still here", "email_digest": "hourly"},
    )
    assert response.status_code == 400
    assert "Still here" in response.content.decode()
    member.profile.refresh_from_db()
    assert member.profile.email_digest == "never"
