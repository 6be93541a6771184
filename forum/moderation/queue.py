"""The review queue: opening, adding to and closing items, and what the queue page
reads."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from community.models import Sanction
from forum.models import Post, QueueItem, Report, Status
from forum.moderation.states import (
    Action,
    available_decisions,
    log,
    require_moderator,
)

QUEUE_PAGE_SIZE = 100
RECENTLY_ACTIONED_DAYS = 30


def queue_post(post, priority, reasons, matched=()):
    """Open (or add to) the post's one open queue item; raise its priority."""
    item = QueueItem.objects.select_for_update().filter(post=post).open().first()
    if item is None:
        try:
            with transaction.atomic():
                return QueueItem.objects.create(
                    post=post,
                    priority=priority,
                    reasons=list(dict.fromkeys(str(r) for r in reasons)),
                    matched=list(matched),
                )
        except IntegrityError:
            item = QueueItem.objects.select_for_update().filter(post=post).open().get()
    return add_to_item(item, priority, reasons, matched)


def add_to_item(item, priority, reasons, matched=()):
    item.priority = min(item.priority, priority)
    item.reasons = item.reasons + [str(r) for r in reasons if r not in item.reasons]
    item.matched = item.matched + [m for m in matched if m not in item.matched]
    item.save(update_fields=["priority", "reasons", "matched"])
    return item


def close_items_of(post, moderator):
    """A decision about `post` closes its open item."""
    QueueItem.objects.filter(post=post).open().update(
        closed_at=timezone.now(), closed_by=moderator
    )


@transaction.atomic
def close_item(item: QueueItem, *, moderator, note: str = "") -> QueueItem:
    """Close an item without changing the post (e.g. crisis: reached out)."""
    require_moderator(moderator)
    close_items_of(item.post, moderator)
    log(actor=moderator, action=Action.CLOSE_ITEM, post=item.post, reason=note)
    return item


# --- What the queue page reads ----------------------------------------------------


@dataclass(frozen=True)
class AuthorHistory:
    published: int = 0
    removed: int = 0  # removed or not approved
    sanctions: list = field(default_factory=list)  # newest first


@dataclass(frozen=True)
class QueueEntry:
    item: QueueItem
    author: AuthorHistory
    decisions: frozenset  # what the state machine allows on the post now


def open_queue(limit=QUEUE_PAGE_SIZE) -> list[QueueEntry]:
    """The open items, most urgent and oldest first, each with its author's
    history. The same few queries however many items (tests count them)."""
    reports = Prefetch(
        "post__reports",
        queryset=Report.objects.filter(state=Report.State.OPEN).select_related(
            "reporter"
        ),
        to_attr="open_reports",
    )
    items = list(
        QueueItem.objects.open()
        .select_related(
            "post__author",
            "post__conversation",
            "post__parent__author",
            "post__root",
        )
        .prefetch_related(reports, "post__conversation__host", "crisis_matches")
        .order_by("priority", "created_at", "id")[:limit]
    )
    histories = author_histories({item.post.author_id for item in items})
    return [
        QueueEntry(
            item,
            histories.get(item.post.author_id, AuthorHistory()),
            available_decisions(item.post),
        )
        for item in items
    ]


def author_histories(author_ids) -> dict[int, AuthorHistory]:
    """Published and removed counts and past sanctions per author. Two queries."""
    author_ids = {pk for pk in author_ids if pk is not None}
    if not author_ids:
        return {}
    counts = {
        row["author"]: row
        for row in Post.objects.filter(author__in=author_ids)
        .values("author")
        .annotate(
            published=Count("id", filter=Q(status=Status.PUBLISHED)),
            removed=Count("id", filter=Q(status__in=[Status.REMOVED, Status.REJECTED])),
        )
    }
    sanctions = {}
    for sanction in Sanction.objects.filter(member__in=author_ids).order_by(
        "-created_at"
    ):
        sanctions.setdefault(sanction.member_id, []).append(sanction)
    return {
        pk: AuthorHistory(
            published=counts.get(pk, {}).get("published", 0),
            removed=counts.get(pk, {}).get("removed", 0),
            sanctions=sanctions.get(pk, []),
        )
        for pk in author_ids
    }


def recently_actioned(limit=50):
    """Hidden and removed posts of the last 30 days: their items are closed, but a
    moderator may want to undo the decision."""
    since = timezone.now() - timedelta(days=RECENTLY_ACTIONED_DAYS)
    return list(
        Post.objects.filter(
            status__in=[Status.HIDDEN, Status.REMOVED], updated_at__gte=since
        )
        .select_related("author")
        .order_by("-updated_at")[:limit]
    )
