"""The email summary: one email a day or a week, discreet, easy to stop."""

import threading
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import signing
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from community.email_unsubscribe import token_for, unsubscribe_url
from community.models import Profile, Sanction, User
from forum import actions, moderation
from forum.digests import send_due_digests
from forum.tests.factories import make_reply, make_update

pytestmark = pytest.mark.django_db

LATER = timedelta(hours=1)


def wants(member, frequency="daily", *, with_text=False):
    Profile.objects.filter(user=member).update(
        email_digest=frequency, digest_includes_post_text=with_text
    )


def summaries_to(mailoutbox, member):
    return [message for message in mailoutbox if message.to == [member.email]]


def test_a_days_notifications_arrive_as_one_email(member, other_member, mailoutbox):
    wants(member, "daily")
    post = make_update(member)
    make_reply(post, other_member, body="Glad you posted")
    make_reply(post, other_member, body="Me again")
    actions.set_reaction(post, member=other_member, kind="hug", on=True)
    assert mailoutbox == []  # nothing is emailed as it happens

    assert send_due_digests() == 1
    (message,) = summaries_to(mailoutbox, member)
    assert message.subject == "Your daily summary"
    assert "2 replies to your posts" in message.body
    assert "1 reaction to your posts" in message.body
    assert f"/posts/{post.pk}/" in message.body


def test_a_weekly_summary_says_so_in_its_subject(member, other_member, mailoutbox):
    wants(member, "weekly")
    make_reply(make_update(member), other_member)
    send_due_digests()
    (message,) = summaries_to(mailoutbox, member)
    assert message.subject == "Your weekly summary"
    assert "once a week" in message.body


def test_nothing_is_sent_when_nothing_is_new(member, other_member, mailoutbox):
    wants(member, "daily")
    assert send_due_digests() == 0
    make_reply(make_update(member), other_member)
    member.notifications.update(read_at=timezone.now())  # read on the site already
    assert send_due_digests() == 0
    assert mailoutbox == []


def test_the_next_summary_waits_a_full_period(member, other_member, mailoutbox):
    wants(member, "daily")
    post = make_update(member)
    make_reply(post, other_member, body="First")
    now = timezone.now()
    assert send_due_digests(now=now) == 1
    make_reply(post, other_member, body="Second")
    assert send_due_digests(now=timezone.now() + LATER) == 0
    assert send_due_digests(now=now + timedelta(days=1)) == 1
    latest = summaries_to(mailoutbox, member)[-1]
    assert "1 reply to your posts" in latest.body  # only what came since


def test_a_weekly_member_hears_nothing_for_a_week(member, other_member, mailoutbox):
    wants(member, "weekly")
    post = make_update(member)
    make_reply(post, other_member)
    now = timezone.now()
    send_due_digests(now=now)
    make_reply(post, other_member)
    assert send_due_digests(now=now + timedelta(days=3)) == 0
    assert send_due_digests(now=now + timedelta(days=7)) == 1


def test_no_email_for_members_who_chose_none(member, other_member, mailoutbox):
    make_reply(make_update(member), other_member)
    assert send_due_digests() == 0
    assert mailoutbox == []


def test_no_post_text_unless_the_member_opted_in(member, other_member, mailoutbox):
    wants(member, "daily")
    make_reply(make_update(member), other_member, body="Methadone helped me too")
    send_due_digests()
    (message,) = summaries_to(mailoutbox, member)
    text = (message.subject + message.body).lower()
    for word in ["methadone", "opioid", "recovery", "overdose", "addiction"]:
        assert word not in text


def test_post_text_is_included_for_members_who_opted_in(
    member, other_member, mailoutbox
):
    wants(member, "daily", with_text=True)
    make_reply(make_update(member), other_member, body="Methadone helped me too")
    send_due_digests()
    (message,) = summaries_to(mailoutbox, member)
    assert "Methadone helped me too" in message.body
    assert "methadone" not in message.subject.lower()


def test_a_removed_post_is_never_quoted_even_when_opted_in(
    member, other_member, moderator, mailoutbox
):
    wants(member, "daily", with_text=True)
    reply = make_reply(make_update(member), other_member, body="Words taken down")
    moderation.remove_post(reply, moderator=moderator, reason="Off topic")
    send_due_digests()
    (message,) = summaries_to(mailoutbox, member)
    assert "Words taken down" not in message.body
    assert "Off topic" not in message.body


def test_the_summary_is_in_the_members_language(member, other_member, mailoutbox):
    wants(member, "daily")
    Profile.objects.filter(user=member).update(language="es")
    make_reply(make_update(member), other_member)
    send_due_digests()
    (message,) = summaries_to(mailoutbox, member)
    assert message.subject == "Tu resumen diario"
    assert "1 respuesta a tus publicaciones" in message.body


@pytest.mark.parametrize("shut_out", ["inactive", "suspended", "banned", "unverified"])
def test_members_who_cannot_be_emailed_get_no_summary(
    shut_out, member, other_member, moderator, mailoutbox
):
    wants(member, "daily")
    make_reply(make_update(member), other_member)
    if shut_out == "inactive":
        User.objects.filter(pk=member.pk).update(is_active=False)
    elif shut_out == "unverified":
        EmailAddress.objects.filter(user=member).update(verified=False)
    else:
        Sanction.objects.create(
            member=member,
            kind=Sanction.Kind.BAN if shut_out == "banned" else "suspension",
            reason="Test",
            member_message="Test",
            created_by=moderator,
        )
    assert send_due_digests() == 0
    assert summaries_to(mailoutbox, member) == []


def test_a_summary_carries_one_click_unsubscribe_headers(
    member, other_member, mailoutbox
):
    wants(member, "daily")
    make_reply(make_update(member), other_member)
    send_due_digests()
    (message,) = summaries_to(mailoutbox, member)
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url(member)}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    assert unsubscribe_url(member) in message.body
    sent = message.message()
    assert sent["List-Unsubscribe"] == f"<{unsubscribe_url(member)}>"
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_one_click_post_unsubscribes_without_signing_in(member):
    wants(member, "weekly")
    mail_client = Client(enforce_csrf_checks=True)  # no cookie, no CSRF token
    response = mail_client.post(
        f"/email/unsubscribe/{token_for(member)}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    member.profile.refresh_from_db()
    assert member.profile.email_digest == "never"


def test_opening_the_unsubscribe_link_only_asks(client, member):
    wants(member, "daily")
    response = client.get(f"/email/unsubscribe/{token_for(member)}/")
    assert response.status_code == 200
    assert b"Stop emailing me summaries" in response.content
    member.profile.refresh_from_db()
    assert member.profile.email_digest == "daily"


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_bad_unsubscribe_token_is_not_found(client, member, method):
    wants(member, "daily")
    forged = token_for(member)[:-2] + "xx"
    other_salt = signing.Signer(salt="elsewhere").sign(str(member.pk))
    for token in [forged, other_salt, "nonsense"]:
        response = getattr(client, method)(f"/email/unsubscribe/{token}/")
        assert response.status_code == 404
    member.profile.refresh_from_db()
    assert member.profile.email_digest == "daily"


def test_a_second_run_sends_nothing_more(member, other_member, mailoutbox):
    wants(member, "daily")
    make_reply(make_update(member), other_member)
    now = timezone.now()
    assert send_due_digests(now=now) == 1
    assert send_due_digests(now=now + timedelta(seconds=1)) == 0
    assert len(summaries_to(mailoutbox, member)) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a database with real concurrency"
)
def test_concurrent_runs_send_each_summary_once(member, other_member, mailoutbox):
    wants(member, "daily")
    wants(other_member, "weekly")
    make_reply(make_update(member), other_member)
    make_reply(make_update(other_member), member)
    start = threading.Barrier(4)
    errors = []

    def run():
        try:
            start.wait()
            send_due_digests()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    runs = [threading.Thread(target=run) for _ in range(4)]
    for thread in runs:
        thread.start()
    for thread in runs:
        thread.join()
    assert errors == []
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [member.email, other_member.email]
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a database with real concurrency"
)
def test_a_run_skips_members_another_run_is_claiming(member, other_member, mailoutbox):
    wants(member, "daily")
    make_reply(make_update(member), other_member)
    results = []

    def second_run():
        try:
            results.append(send_due_digests())
        finally:
            connection.close()

    with transaction.atomic():  # the first run, between its claim and its commit
        list(Profile.objects.select_for_update().filter(user=member))
        thread = threading.Thread(target=second_run)
        thread.start()
        thread.join(timeout=10)
        assert not thread.is_alive(), "the second run waited instead of skipping"
    assert results == [0]
    assert mailoutbox == []


def test_queries_stay_constant_as_members_grow(
    member, other_member, mailoutbox, django_assert_max_num_queries
):
    from conftest import make_member

    for number in range(6):
        reader = make_member(f"reader{number}@example.com", f"Reader{number}")
        wants(reader, "daily", with_text=True)
        make_reply(make_update(reader), other_member)
    with django_assert_max_num_queries(10):
        assert send_due_digests() == 6
