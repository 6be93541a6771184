"""Every email is written in its recipient's language (community.languages),
whatever language the person whose action sent it was reading."""

import pytest
from django.utils import translation

from community.models import Profile
from forum import moderation
from forum.digests import send_due_digests
from forum.tests.factories import make_reply, make_update

pytestmark = pytest.mark.django_db


def speaks(member, language):
    Profile.objects.filter(user=member).update(language=language)


def test_a_spanish_speaking_members_summary_is_in_spanish(
    member, other_member, mailoutbox
):
    Profile.objects.filter(user=member).update(email_digest="daily")
    speaks(member, "es")
    make_reply(make_update(member), other_member)
    send_due_digests()
    (message,) = mailoutbox
    assert message.subject == "Tu resumen diario"
    assert f"Hola, {member.display_name}:" in message.body
    assert "1 respuesta a tus publicaciones" in message.body
    assert "Hello" not in message.body


def test_a_member_who_chose_no_language_gets_english_whatever_the_replier_reads(
    member, other_member, mailoutbox
):
    Profile.objects.filter(user=member).update(email_digest="weekly")
    with translation.override("es"):
        make_reply(make_update(member), other_member)
        send_due_digests()
    (message,) = mailoutbox
    assert message.subject == "Your weekly summary"
    assert f"Hello {member.display_name}," in message.body


def test_the_moderators_notice_is_in_the_members_language(
    member, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    speaks(member, "es")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.sanction_member(
            member,
            moderator=moderator,
            kind="warning",
            reason="Second report this week",
            member_message="Please keep dosing advice out of your posts.",
        )
    (message,) = [m for m in mailoutbox if m.to == [member.email]]
    assert message.subject == "Un mensaje sobre tu cuenta"
    assert "El equipo de moderación" in message.body


def test_a_password_reset_follows_the_saved_language_not_the_browser(
    client, member, mailoutbox
):
    speaks(member, "es")
    client.post(
        "/accounts/password/reset/",
        {"email": member.email},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    (message,) = mailoutbox
    english_subject = "Password Reset Email"  # allauth's; a variable, so not extracted
    with translation.override("es"):
        spanish_subject = translation.gettext(english_subject)
    assert spanish_subject != english_subject  # allauth's own catalogue has it
    assert spanish_subject in message.subject


def test_a_visitor_signing_up_in_spanish_keeps_spanish(client):
    client.post(
        "/accounts/signup/",
        {
            "email": "newcomer@example.com",
            "display_name": "NorthStar",
            "password1": "a-long-test-password",
            "password2": "a-long-test-password",
            "is_adult": "on",
            "accepts_guidelines": "on",
        },
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert Profile.objects.get(user__email="newcomer@example.com").language == "es"
