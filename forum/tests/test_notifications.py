import pytest

from forum import actions
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


def test_no_email_unless_the_member_turned_it_on(
    member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    post = make_update(member)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_reply(post, other_member)
    assert callbacks  # the email task ran and chose to send nothing
    assert mailoutbox == []


def test_email_notifications_are_discreet(
    member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    member.profile.email_notifications = True
    member.profile.save()
    post = make_update(member, body="My opioid recovery story, week two")
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(post, other_member, body="Methadone helped me too")
    (message,) = mailoutbox
    assert message.to == [member.email]
    text = (message.subject + message.body).lower()
    for word in ["opioid", "recovery", "methadone", "overdose", "addiction", "crisis"]:
        assert word not in text
    assert "/notifications/" in message.body


def test_member_turns_email_notifications_on_in_the_profile(client, member):
    client.force_login(member)
    client.post(
        "/account/profile/",
        {"display_name": "Wren", "bio": "", "email_notifications": "on"},
    )
    member.profile.refresh_from_db()
    assert member.profile.email_notifications is True
