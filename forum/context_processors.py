from functools import cache

from community.models import standing_of
from forum import unread
from forum.support import SESSION_KEY, take_support_note


def support_note(request):
    """The supportive note after crisis words, shown once on the next page."""
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:
        return {}
    return {"support_note": take_support_note(session)}


def notifications(request):
    """The header's unread counts (notifications and private messages: loaded
    with the member, forum/unread.py), and whether the member may post."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def unread_counts():
        return unread.counts(user)

    def posting_blocked_by():
        standing = standing_of(user)
        return standing.blocking if standing.is_silenced else None

    return {
        "unread_notifications": lambda: unread_counts()[0],
        "unread_private_messages": lambda: unread_counts()[1],
        "posting_blocked_by": posting_blocked_by,
    }
