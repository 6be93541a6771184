"""Email that leaves the request (see TASKS in settings)."""

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
