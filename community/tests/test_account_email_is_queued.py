import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from community.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def test_signup_confirmation_waits_for_the_worker(settings, client, mailoutbox):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    response = client.post(
        "/accounts/signup/",
        {
            "email": "newcomer@example.com",
            "display_name": "NorthStar",
            "password1": "a-long-test-password",
            "password2": "a-long-test-password",
            "is_adult": "on",
            "accepts_guidelines": "on",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="newcomer@example.com").exists()
    assert mailoutbox == []
    assert DBTaskResult.objects.get().status == "READY"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    (message,) = mailoutbox
    assert message.to == ["newcomer@example.com"]
    assert "/accounts/confirm-email/" in message.body
