"""Version counters that let pages built from a conversation know when it changed.

Kept in the shared cache (Redis in production), so every app server sees a bump.
"""

from django.core.cache import cache
from django.db import transaction


def conversation_version_key(conversation_id) -> str:
    return f"conversation-version:{conversation_id}"


def bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not there yet (or evicted): any new value invalidates
        cache.set(key, 1, timeout=None)


def touch_conversation(conversation_id) -> None:
    """Mark a conversation changed once the current transaction commits."""
    transaction.on_commit(lambda: bump(conversation_version_key(conversation_id)))
