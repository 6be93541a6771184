"""What moderators may see and do with private messages, and nothing more.

They have no list of conversations and no way to open one (forum/message_visibility.py).
A held message shows alone; a reported message shows with up to ten messages
before it in its conversation (those its reporter could see); a crisis review
shows who and when, never the text. Every view of message text is logged.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import (
    MessageReview,
    MessageStatus,
    ModerationLog,
    PrivateConversation,
    PrivateMessage,
)
from forum.moderation.states import log

REPORT_CONTEXT = 10  # messages shown before a reported one

Action = ModerationLog.Action


def _target(message):
    return f"message:{message.pk}"


def open_reviews():
    return (
        MessageReview.objects.open()
        .select_related("message__author", "reporter")
        .order_by("kind", "created_at", "id")
    )


def review_slice(review, *, moderator) -> list:
    """The messages the moderator may read for this review, logged as read.

    Held: the message alone. Reported: it and up to ten before it that the
    reporter could see. Crisis: none (the review names the author, not the text).
    """
    message = review.message
    if review.kind == MessageReview.Kind.CRISIS:
        return []
    if review.kind == MessageReview.Kind.HELD:
        shown = [message]
    else:
        earlier = (
            PrivateMessage.objects.filter(
                conversation_id=message.conversation_id,
                status=MessageStatus.PUBLISHED,
            )
            .filter(
                # strictly before, in the conversation's order
                created_at__lte=message.created_at
            )
            .exclude(pk=message.pk)
            .exclude(created_at=message.created_at, id__gt=message.pk)
            .select_related("author")
            .order_by("-created_at", "-id")[:REPORT_CONTEXT]
        )
        shown = [*reversed(list(earlier)), message]
    log(
        actor=moderator,
        action=Action.VIEW_PRIVATE_MESSAGES,
        member=message.author,
        target=_target(message),
        review=review.pk,
        messages=[shown_message.pk for shown_message in shown],
    )
    return shown


def _close(review, moderator):
    review.closed_at = timezone.now()
    review.closed_by = moderator
    review.save(update_fields=["closed_at", "closed_by"])


@transaction.atomic
def decide_held(review, *, moderator, release: bool):
    """Release a held message to its recipients, or reject it for good."""
    review = MessageReview.objects.select_for_update().get(pk=review.pk)
    message = PrivateMessage.objects.select_for_update().get(pk=review.message_id)
    if review.closed_at or message.status != MessageStatus.HELD:
        raise ValidationError(
            _("Someone has already decided about this message."), code="decided"
        )
    message.status = MessageStatus.PUBLISHED if release else MessageStatus.REJECTED
    message.save(update_fields=["status"])
    if release:
        # Released messages come in as new for the recipients.
        PrivateConversation.objects.filter(pk=message.conversation_id).update(
            last_message_at=timezone.now()
        )
    log(
        actor=moderator,
        action=Action.RELEASE_MESSAGE if release else Action.REJECT_MESSAGE,
        member=message.author,
        target=_target(message),
        from_status=MessageStatus.HELD,
        to_status=message.status,
    )
    _close(review, moderator)


@transaction.atomic
def close_review(review, *, moderator):
    """A report or crisis review needs nothing more."""
    review = MessageReview.objects.select_for_update().get(pk=review.pk)
    if review.kind == MessageReview.Kind.HELD:
        raise ValidationError(
            _("Release or reject a held message instead."), code="held"
        )
    if review.closed_at is None:
        _close(review, moderator)
        log(
            actor=moderator,
            action=Action.CLOSE_MESSAGE_REVIEW,
            member=review.message.author,
            target=_target(review.message),
            review=review.pk,
        )
