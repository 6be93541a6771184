"""Content state: the only code that assigns Post.status.

Every change goes through `_transition`, which refuses moves the table below does
not allow and writes one ModerationLog row in the same transaction.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from community.permissions import can_moderate
from forum.models import ModerationLog, Notification, Post, Status

# (from, to) -> who may make the move.
MODERATOR, AUTHOR, SYSTEM = "moderator", "author", "system"
ALLOWED_TRANSITIONS = {
    (Status.HELD, Status.PUBLISHED): MODERATOR,
    (Status.HELD, Status.REJECTED): MODERATOR,
    (Status.PUBLISHED, Status.HELD): SYSTEM,
    (Status.PUBLISHED, Status.HIDDEN_REPORTS): SYSTEM,
    (Status.PUBLISHED, Status.HIDDEN): MODERATOR,
    (Status.HIDDEN_REPORTS, Status.HIDDEN): MODERATOR,
    (Status.HIDDEN_REPORTS, Status.PUBLISHED): MODERATOR,
    (Status.HIDDEN, Status.PUBLISHED): MODERATOR,
    (Status.REMOVED, Status.PUBLISHED): MODERATOR,
    (Status.PUBLISHED, Status.REMOVED): MODERATOR,
    (Status.HIDDEN_REPORTS, Status.REMOVED): MODERATOR,
    (Status.HIDDEN, Status.REMOVED): MODERATOR,
    (Status.HELD, Status.WITHDRAWN): AUTHOR,
    (Status.PUBLISHED, Status.WITHDRAWN): AUTHOR,
    (Status.HIDDEN_REPORTS, Status.WITHDRAWN): AUTHOR,
    (Status.HIDDEN, Status.WITHDRAWN): AUTHOR,
}


def initial_status(*, author) -> Status:
    """The state a new post starts in. A visitor's question always waits."""
    if author is None:
        return Status.HELD
    return Status.PUBLISHED


def _transition(post, *, to, actor, role, action, reason=""):
    allowed_role = ALLOWED_TRANSITIONS.get((post.status, to))
    if allowed_role != role:
        raise ValidationError(
            f"A post that is {post.get_status_display().lower()} can't be "
            f"changed that way.",
            code="bad_transition",
        )
    ModerationLog.objects.create(
        actor=actor,
        action=action,
        post=post,
        member=post.author,
        from_status=post.status,
        to_status=to,
        reason=reason,
    )
    post.previous_status = post.status
    post.status = to
    post.save(update_fields=["status", "previous_status", "updated_at"])


def _locked(post):
    return Post.objects.select_for_update().get(pk=post.pk)


@transaction.atomic
def approve_post(post: Post, *, moderator, reason: str = "") -> Post:
    if not can_moderate(moderator):
        raise PermissionDenied
    post = _locked(post)
    _transition(
        post,
        to=Status.PUBLISHED,
        actor=moderator,
        role=MODERATOR,
        action="approve",
        reason=reason,
    )
    _tell_author(post, "Your post was approved and is now visible to members.")
    return post


@transaction.atomic
def reject_post(post: Post, *, moderator, reason: str) -> Post:
    if not can_moderate(moderator):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError("Please give a reason.", code="reason_required")
    post = _locked(post)
    _transition(
        post,
        to=Status.REJECTED,
        actor=moderator,
        role=MODERATOR,
        action="reject",
        reason=reason,
    )
    _tell_author(post, f"Your post was not approved: {reason}")
    return post


@transaction.atomic
def withdraw_post(post: Post, *, author) -> Post:
    """The author deletes their post: it becomes a tombstone; replies stay."""
    if not author.is_authenticated or post.author_id != author.pk:
        raise PermissionDenied
    post = _locked(post)
    _transition(post, to=Status.WITHDRAWN, actor=author, role=AUTHOR, action="withdraw")
    return post


def _tell_author(post, detail):
    if post.author_id is not None:
        Notification.objects.create(
            recipient_id=post.author_id,
            kind=Notification.Kind.MODERATION,
            post=post,
            detail=detail[:200],
        )
