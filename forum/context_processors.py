from community.models import standing_of
from forum import message_visibility
from forum.models import Notification
from forum.support import SESSION_KEY, take_support_note


def support_note(request):
    """The supportive note after crisis words, shown once on the next page."""
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:
        return {}
    return {"support_note": take_support_note(session)}


def notifications(request):
    """The unread count for the header, counted only if a template asks."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def unread_notifications():
        return Notification.objects.filter(recipient=user, read_at__isnull=True).count()

    def posting_blocked_by():
        standing = standing_of(user)
        return standing.blocking if standing.is_silenced else None

    def unread_private_messages():
        return message_visibility.unread_count(user)

    return {
        "unread_notifications": unread_notifications,
        "unread_private_messages": unread_private_messages,
        "posting_blocked_by": posting_blocked_by,
    }
