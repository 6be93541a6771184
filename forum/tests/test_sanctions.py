import pytest
from django.core.exceptions import PermissionDenied

from community.models import ModeratorMessage
from forum import actions, moderation
from forum.models import ModerationLog, Post
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


def silence(member, moderator, days=1):
    return moderation.sanction_member(
        member,
        moderator=moderator,
        kind="silence",
        reason="Heated exchange",
        member_message="Let's take a day away from posting.",
        days=days,
    )


def test_silenced_members_read_but_cannot_post_react_or_report(
    member, other_member, moderator
):
    post = make_update(other_member)
    silence(member, moderator)
    member = type(member).objects.get(pk=member.pk)  # a fresh request's user
    with pytest.raises(PermissionDenied):
        actions.post_update(author=member, body="Trying to post")
    with pytest.raises(PermissionDenied):
        actions.reply_to_post(post, author=member, body="Trying to reply")
    with pytest.raises(PermissionDenied):
        actions.set_reaction(post, member=member, kind="hug", on=True)
    with pytest.raises(PermissionDenied):
        moderation.report_post(post, reporter=member, reason="spam")
    assert Post.objects.count() == 1


def test_silenced_member_sees_why_the_banner_and_a_way_to_write(
    client, member, moderator
):
    silence(member, moderator)
    client.force_login(member)
    html = client.get("/community/").content.decode()
    assert "You can't post right now." in html
    assert "Let&#x27;s take a day away from posting." in html
    assert "data-crisis-banner" in html
    assert 'href="/contact-moderators/"' in html
    response = client.post("/contact-moderators/", {"body": "I'm sorry, can we talk?"})
    assert response.status_code == 302
    assert ModeratorMessage.objects.get().member == member


def test_suspended_members_are_signed_out_and_told_why(client, member, moderator):
    moderation.sanction_member(
        member,
        moderator=moderator,
        kind="suspension",
        reason="Repeated harassment",
        member_message="Your account is paused for a week.",
        days=7,
    )
    client.force_login(member)
    response = client.get("/community/", follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/account/suspended/"
    assert "Your account is paused for a week." in html
    assert 'href="tel:988"' in html
    assert "_auth_user_id" not in client.session
    client.post("/account/suspended/", {"body": "Please reconsider"})
    assert ModeratorMessage.objects.get().member == member


def test_lifting_restores_posting_and_is_logged(member, moderator):
    sanction = silence(member, moderator)
    moderation.lift_sanction(sanction, moderator=moderator, reason="Apologised")
    member = type(member).objects.get(pk=member.pk)
    assert (
        actions.post_update(author=member, body="Back again").post.status == "published"
    )
    assert list(
        ModerationLog.objects.order_by("id").values_list("action", flat=True)
    ) == [
        "sanction_silence",
        "lift_silence",
    ]


def test_bans_have_no_end_and_members_cannot_sanction(member, other_member, moderator):
    ban = moderation.sanction_member(
        member,
        moderator=moderator,
        kind="ban",
        reason="Selling drugs",
        member_message="Your account is closed.",
        days=3,
    )
    assert ban.ends_at is None
    with pytest.raises(PermissionDenied):
        moderation.sanction_member(
            other_member,
            moderator=member,
            kind="warning",
            reason="x",
            member_message="x",
        )


def test_moderator_sanctions_through_the_page(client, member, moderator):
    client.force_login(moderator)
    response = client.post(
        f"/moderation/members/{member.pk}/",
        {
            "kind": "silence",
            "days": "2",
            "reason": "Heated",
            "member_message": "Take two days.",
        },
    )
    assert response.status_code == 302
    assert member.sanctions.get().kind == "silence"


def test_a_warning_reaches_the_member(client, member, moderator):
    moderation.sanction_member(
        member,
        moderator=moderator,
        kind="warning",
        reason="Dose advice",
        member_message="Please share experience rather than dosing instructions.",
    )
    client.force_login(member)
    html = client.get("/notifications/").content.decode()
    assert "Please share experience rather than dosing instructions." in html
    assert (
        actions.post_update(author=member, body="Understood").post.status == "published"
    )
