"""Erasing private conversations for good, once every participant deleted them.

This is the one place in the site where member text is hard-deleted, and it is
because the members asked: every participant chose "Delete my copy". Everywhere
else a removal leaves a tombstone. A conversation with an open report waits the
report-retention period, so the moderators can still act on the report.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from forum import pictures
from forum.models import MessageReview, Participant, PrivateConversation, PrivateMessage


def purgeable(*, now=None):
    """Conversations every participant has deleted, with no report open inside
    the retention period."""
    now = now or timezone.now()
    kept_since = now - timedelta(
        days=settings.FORUM_PRIVATE_MESSAGE_REPORT_RETENTION_DAYS
    )
    someone_keeps_it = Participant.objects.filter(
        conversation=OuterRef("pk"), deleted_at__isnull=True
    )
    recent_open_report = MessageReview.objects.filter(
        message__conversation=OuterRef("pk"),
        kind=MessageReview.Kind.REPORTED,
        closed_at__isnull=True,
        created_at__gt=kept_since,
    )
    return PrivateConversation.objects.filter(
        ~Q(Exists(someone_keeps_it)), ~Q(Exists(recent_open_report))
    )


def purge_private_messages(*, now=None) -> int:
    """Hard-delete what `purgeable` finds, pictures from storage too. Returns how
    many conversations went."""
    purged = 0
    for conversation_id in list(purgeable(now=now).values_list("pk", flat=True)):
        with transaction.atomic():
            conversation = (
                purgeable(now=now)
                .select_for_update()
                .filter(pk=conversation_id)
                .first()
            )
            if conversation is None:
                continue
            stored = [
                name
                for pair in PrivateMessage.objects.filter(
                    conversation=conversation
                ).values_list("picture", "thumbnail")
                for name in pair
                if name
            ]
            conversation.delete()  # participants, messages and reviews cascade
            transaction.on_commit(lambda names=stored: pictures.delete_stored(names))
        purged += 1
    return purged
