"""Notification email is queued in the database and sent by the worker process."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from forum.tests.factories import make_reply, make_update

pytestmark = pytest.mark.django_db(transaction=True)

QUEUED = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


@pytest.fixture
def wants_email(member):
    member.profile.email_notifications = True
    member.profile.save()
    return member


def test_a_reply_queues_the_email_instead_of_sending_it(
    settings, wants_email, other_member, mailoutbox
):
    settings.TASKS = QUEUED
    post = make_update(wants_email)
    make_reply(post, other_member, body="Thinking of you")
    assert mailoutbox == []
    task = DBTaskResult.objects.get()
    assert task.status == "READY"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.to for m in mailoutbox] == [[wants_email.email]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_failing_mail_server_never_fails_posting(
    settings, client, wants_email, other_member, mailoutbox
):
    settings.TASKS = QUEUED
    settings.MAILERS = {
        "default": {"BACKEND": "forum.tests.failing_mail.UnreachableMailServer"}
    }
    post = make_update(wants_email)
    client.force_login(other_member)
    response = client.post(f"/posts/{post.pk}/reply/", {"body": "Still posting"})
    assert response.status_code == 302
    assert post.children.get().body == "Still posting"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert DBTaskResult.objects.get().status == "FAILED"
