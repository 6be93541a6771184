"""Work that leaves the request: notification email.

Runs through Django's tasks framework, so a slow or failing mail server never
slows or fails posting once a queued backend is configured (see README).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from forum.models import Notification


@task
def send_notification_email(notification_ids: list[int]) -> int:
    """Email the members who asked for it. Subjects and bodies stay discreet."""
    notifications = Notification.objects.filter(
        pk__in=notification_ids, recipient__profile__email_notifications=True
    ).select_related("recipient")
    sent = 0
    for notification in notifications:
        context = {
            "notification": notification,
            "notification_url": settings.SITE_URL + reverse("forum:notifications"),
        }
        send_mail(
            subject="You have a new notification",
            message=render_to_string("forum/email/notification.txt", context),
            from_email=None,
            recipient_list=[notification.recipient.email],
        )
        sent += 1
    return sent
