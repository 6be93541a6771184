"""Rate limits: the one place that says how often someone may do something.

Counters live in the cache (Redis in production), so every app server shares them.
Visitors are counted by a hash of their address, kept only in the cache.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from community.permissions import can_moderate


class RateLimited(Exception):
    """Refused for now; the person's draft must be kept."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


MESSAGES = {
    "post_gap": "You're posting very quickly. Please wait a few seconds and try again.",
    "visitor_question": "Thanks for your questions! You've reached today's limit for "
    "visitors. Please try again tomorrow, or join to keep the conversation going.",
}
DEFAULT_MESSAGE = (
    "You've reached today's limit for this. It resets within a day; your text is "
    "still here."
)


def visitor_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def check_rate_limit(who, action: str) -> None:
    """Count one `action` by `who` (a member, or a visitor key); raise if over.

    Moderators are never limited.
    """
    if not isinstance(who, str) and can_moderate(who):
        return
    allowed, period = settings.FORUM_RATE_LIMITS[action]
    key = _counter_key(who, action)
    cache.add(key, 0, timeout=period)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        used = 1
    if used > allowed:
        raise RateLimited(MESSAGES.get(action, DEFAULT_MESSAGE))


def reset_rate_limits(member_ids, actions) -> None:
    """Forget members' current counts for `actions` (used by the benchmark, whose
    synthetic members would otherwise carry one run's posts into the next)."""
    cache.delete_many(
        [
            _counter_key(_member_subject(pk), action)
            for pk in member_ids
            for action in actions
        ]
    )


def _member_subject(member_id) -> str:
    return f"member:{member_id}"


def _counter_key(who, action: str) -> str:
    """`who` is a member, or a visitor key (a string)."""
    subject = who if isinstance(who, str) else _member_subject(who.pk)
    return f"ratelimit:{action}:{subject}"
