from functools import cache

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from community.compiled_queries import CompiledQuery
from community.models import User, standing_of
from forum import message_visibility
from forum.models import Notification
from forum.support import SESSION_KEY, take_support_note


def support_note(request):
    """The supportive note after crisis words, shown once on the next page."""
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:
        return {}
    return {"support_note": take_support_note(session)}


def _count(subquery):
    return Coalesce(Subquery(subquery, output_field=IntegerField()), 0)


def _unread_counts(member_id):
    """(unread notifications, unread private messages) of one member."""
    notices = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(unread=Count("pk"))
        .values("unread")
    )
    return User.objects.filter(pk=member_id).values_list(
        _count(notices), _count(message_visibility.unread_count_per_member())
    )


# On every member's page: compiled once (community/compiled_queries.py).
UNREAD_COUNTS = CompiledQuery(_unread_counts, "member_id")


def notifications(request):
    """The header's unread counts (notifications and private messages), read in
    one query, and only if a template asks."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def unread_counts():
        return UNREAD_COUNTS.rows(member_id=user.pk)[0]

    def posting_blocked_by():
        standing = standing_of(user)
        return standing.blocking if standing.is_silenced else None

    return {
        "unread_notifications": lambda: unread_counts()[0],
        "unread_private_messages": lambda: unread_counts()[1],
        "posting_blocked_by": posting_blocked_by,
    }
