"""Work that leaves the request: email, and finishing account deletions
(see TASKS in settings)."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_email_message(
    *, subject: str, body: str, to: list[str], from_email: str, html: str = ""
) -> None:
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@task
def finish_account_deletions() -> list[str]:
    """Carry out the account deletions whose grace period is over (see README).

    Returns their pseudonyms: the task's result never names anyone."""
    from community.account_deletion import finish_due_deletions

    return finish_due_deletions()
