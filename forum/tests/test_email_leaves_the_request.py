"""Email summaries are queued in the database and sent by the worker process."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from community.models import Profile
from forum.tests.factories import make_reply, make_update

pytestmark = pytest.mark.django_db(transaction=True)

QUEUED = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


@pytest.fixture
def wants_email(member):
    Profile.objects.filter(user=member).update(email_digest="daily")
    return member


def test_replying_sends_no_email_in_the_request(
    settings, client, wants_email, other_member, mailoutbox
):
    settings.TASKS = QUEUED
    post = make_update(wants_email)
    client.force_login(other_member)
    client.post(f"/posts/{post.pk}/reply/", {"body": "Thinking of you"})
    assert mailoutbox == []
    assert not DBTaskResult.objects.exists()


def test_the_hourly_command_queues_the_summaries_for_the_worker(
    settings, wants_email, other_member, mailoutbox
):
    settings.TASKS = QUEUED
    make_reply(make_update(wants_email), other_member, body="Thinking of you")
    call_command("send_email_digests", verbosity=0)
    assert mailoutbox == []
    assert DBTaskResult.objects.get().status == "READY"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.to for m in mailoutbox] == [[wants_email.email]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_failing_mail_server_leaves_the_summary_due_for_the_next_run(
    settings, wants_email, other_member, mailoutbox
):
    settings.TASKS = QUEUED
    working_mailers = settings.MAILERS
    settings.MAILERS = {
        "default": {"BACKEND": "forum.tests.failing_mail.UnreachableMailServer"}
    }
    make_reply(make_update(wants_email), other_member)
    call_command("send_email_digests", verbosity=0)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert DBTaskResult.objects.get().status == "FAILED"
    assert Profile.objects.get(user=wants_email).last_digest_at is None

    settings.MAILERS = working_mailers
    call_command("send_email_digests", verbosity=0)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.to for m in mailoutbox] == [[wants_email.email]]
