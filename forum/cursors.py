"""Keyset paging of top-level posts: newest first, a conversation's own list
with its pinned posts first, each page starting where the last one ended.

A cursor carries the last post's creation time and id (and, in a conversation's
own list, when it was pinned), encoded for a URL. A garbled one reads as no
cursor: the first page.
"""

import base64
from datetime import UTC, datetime

from django.db.models import F, Q
from django.db.models.lookups import IsNull

MAX_ID = 2**63 - 1  # the largest id a bigint column holds


def encode_cursor(created_at: datetime, post_id: int, pinned_at=None) -> str:
    parts = [created_at.isoformat(), str(post_id)]
    if pinned_at is not None:
        parts.append(pinned_at.isoformat())
    raw = "|".join(parts).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None):
    """(created_at, id, pinned_at or None) from a cursor, or None for a missing or
    garbled one.

    Garbled includes a date without a time zone, or one that leaves the
    calendar when converted to UTC (the databases store UTC).
    """
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, post_id, *pinned = raw.split("|")
        if len(pinned) > 1:
            return None
        created_at, post_id = datetime.fromisoformat(stamp), int(post_id)
        pinned_at = datetime.fromisoformat(pinned[0]) if pinned else None
        stamps = [created_at] if pinned_at is None else [created_at, pinned_at]
        if any(s.tzinfo is None for s in stamps) or not 0 < post_id <= MAX_ID:
            return None
        for s in stamps:
            s.astimezone(UTC)  # raises OverflowError past year 1 or 9999
    except (ValueError, UnicodeDecodeError, OverflowError):
        return None
    return created_at, post_id, pinned_at


def _after(cursor, *, pinned_first):
    """The posts that follow `cursor` in a list's order (top_level_in_order)."""
    created_at, post_id, pinned_at = cursor
    older = Q(created_at__lt=created_at) | Q(created_at=created_at, id__lt=post_id)
    if not pinned_first:
        return older
    if pinned_at is None:  # past the pinned posts
        return Q(pinned_at__isnull=True) & older
    return (
        Q(pinned_at__lt=pinned_at)
        | (Q(pinned_at=pinned_at) & older)
        | Q(pinned_at__isnull=True)
    )


def top_level_in_order(queryset, cursor, *, size, pinned_first):
    """`queryset`'s top-level posts after `cursor` (None: from the first), newest
    first, `size` + 1 of them. With `pinned_first` (a conversation's own list) the
    pinned posts come first, most recently pinned first; the cursor then carries
    when its post was pinned."""
    queryset = queryset.filter(depth=0)
    if cursor:
        queryset = queryset.filter(_after(cursor, pinned_first=pinned_first))
    order = ["-created_at", "-id"]  # index post_top_level_recent
    in_pinned_part = cursor is None or cursor[2] is not None
    if pinned_first and in_pinned_part:  # index post_top_level_pinned_first
        order[:0] = [IsNull(F("pinned_at"), True).asc(), F("pinned_at").desc()]
    return queryset.order_by(*order)[: size + 1]


def paged(rows, size, pinned_first):
    """(the page's rows, the cursor to the next page or None) from `size` + 1 rows."""
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        pinned_at = last.pinned_at if pinned_first else None
        next_cursor = encode_cursor(last.created_at, last.pk, pinned_at)
    return rows, next_cursor
