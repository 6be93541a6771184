"""The header's unread counts: notifications and private messages.

Every member's page shows them, so they are loaded with the member, in the
member's own query (community/backends.load_with_member): no query of their own.
Those are the counts as the request began. A request that marks something read
says so (`counts_changed`), and its page reads them afresh.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from community.backends import load_with_member
from community.compiled_queries import CompiledQuery
from community.models import User
from forum import message_visibility
from forum.models import Notification

NOTIFICATIONS_AT_LOAD = "unread_notifications_at_load"
MESSAGES_AT_LOAD = "unread_private_messages_at_load"


def _count(subquery):
    return Coalesce(Subquery(subquery, output_field=IntegerField()), 0)


def _unread_notifications():
    """Over members' rows (OuterRef "pk"): their unread notifications."""
    return _count(
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(unread=Count("pk"))
        .values("unread")
    )


def _unread_messages():
    return _count(message_visibility.unread_count_per_member())


def _unread_counts(member_id):
    return User.objects.filter(pk=member_id).values_list(
        _unread_notifications(), _unread_messages()
    )


# For a member loaded otherwise (a test's, say), or after a change: compiled once.
UNREAD_COUNTS = CompiledQuery(_unread_counts, "member_id")


def load_with_every_member():
    """From forum's AppConfig.ready()."""
    load_with_member(NOTIFICATIONS_AT_LOAD, _unread_notifications)
    load_with_member(MESSAGES_AT_LOAD, _unread_messages)


def counts(member) -> tuple[int, int]:
    """(unread notifications, unread private messages) of `member`."""
    loaded = (
        getattr(member, NOTIFICATIONS_AT_LOAD, None),
        getattr(member, MESSAGES_AT_LOAD, None),
    )
    if None not in loaded:
        return loaded
    return UNREAD_COUNTS.rows(member_id=member.pk)[0]


def counts_changed(member) -> None:
    """`member` (the request's) read something: the counts loaded with them are
    past, and the page reads them afresh."""
    for name in (NOTIFICATIONS_AT_LOAD, MESSAGES_AT_LOAD):
        if getattr(member, name, None) is not None:
            delattr(member, name)
