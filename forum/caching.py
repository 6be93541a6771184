"""Version counters that let pages built from a conversation know when it changed.

Kept in the shared cache (Redis in production), so every app server sees a bump.
"""

from django.db import transaction

from community.cache import bump


def conversation_version_key(conversation_id) -> str:
    return f"conversation-version:{conversation_id}"


def touch_conversation(conversation_id) -> None:
    """Mark a conversation changed once the current transaction commits."""
    transaction.on_commit(lambda: bump(conversation_version_key(conversation_id)))
