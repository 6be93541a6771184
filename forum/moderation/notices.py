"""Telling an author what moderation did to their post."""

from django.db import transaction

from forum.models import Notification
from forum.tasks import send_notification_email


def tell_author(post, detail):
    """A notification (and its email, after commit); visitors' posts have no one
    to tell."""
    if post.author_id is not None:
        notification = Notification.objects.create(
            recipient_id=post.author_id,
            kind=Notification.Kind.MODERATION,
            post=post,
            detail=detail[:200],
        )
        transaction.on_commit(
            lambda: send_notification_email.enqueue([notification.pk])
        )
