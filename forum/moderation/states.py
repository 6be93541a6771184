"""The post state machine: the one place Post.status changes after creation.

Every change goes through `transition`, which checks ALLOWED_TRANSITIONS and writes
the ModerationLog row in the same transaction.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from community.permissions import can_moderate
from forum import visitor_questions
from forum.caching import touch_conversation
from forum.models import ModerationLog, Post, Status
from forum.notify import notify_mentions


class Role(StrEnum):
    """Who is making a move."""

    MODERATOR = "moderator"
    AUTHOR = "author"
    SYSTEM = "system"  # a rule acting on its own (reports, an edit's new words)


MODERATOR, AUTHOR, SYSTEM = Role.MODERATOR, Role.AUTHOR, Role.SYSTEM

# (from, to) -> who may make the move. Anything else is refused.
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
    (Status.HELD, Status.REMOVED): MODERATOR,
    (Status.HELD, Status.WITHDRAWN): AUTHOR,
    (Status.PUBLISHED, Status.WITHDRAWN): AUTHOR,
    (Status.HIDDEN_REPORTS, Status.WITHDRAWN): AUTHOR,
    (Status.HIDDEN, Status.WITHDRAWN): AUTHOR,
}

Action = ModerationLog.Action


def moves_for(status, role: Role) -> set:
    """The statuses `role` may move a post in `status` to."""
    return {
        to
        for (start, to), who in ALLOWED_TRANSITIONS.items()
        if start == status and who == role
    }


def available_decisions(post) -> frozenset:
    """The moderator's decisions (forum/moderation/decisions.py) the table allows on
    `post` now. Approving and restoring both publish: approving a held post,
    restoring any other."""
    moves = moves_for(post.status, MODERATOR)
    publish = "approve" if post.status == Status.HELD else "restore"
    targets = {
        Status.PUBLISHED: publish,
        Status.REJECTED: "reject",
        Status.HIDDEN: "hide",
        Status.REMOVED: "remove",
    }
    return frozenset(targets[to] for to in moves if to in targets)


def log(
    *, actor, action: Action, post=None, member=None, target="", reason="", **changes
):
    """One ModerationLog row. Never copies member text."""
    return ModerationLog.objects.create(
        actor=actor,
        action=Action(action),
        post=post,
        member=member if member is not None else getattr(post, "author", None),
        target=target or (f"post:{post.pk}" if post else ""),
        reason=reason,
        from_status=changes.pop("from_status", ""),
        to_status=changes.pop("to_status", ""),
        details=changes,
    )


def transition(post, *, to, actor, role: Role, action: Action, reason=""):
    """Move `post` (locked by the caller) to `to`, if the table allows `role` to."""
    if ALLOWED_TRANSITIONS.get((post.status, to)) != role:
        raise ValidationError(
            _("A post that is %(status)s can't be changed that way.")
            % {"status": post.get_status_display().lower()},
            code="bad_transition",
        )
    log(
        actor=actor if role != SYSTEM else None,
        action=action,
        post=post,
        reason=reason,
        from_status=post.status,
        to_status=to,
    )
    post.status = to
    post.status_reason = reason if role != AUTHOR else ""
    post.save(update_fields=["status", "status_reason", "updated_at"])
    # Pages kept for visitors count and show only published posts.
    touch_conversation(post.conversation_id)
    if to == Status.PUBLISHED:
        # Held posts tell the people they mention only now (once per person).
        notify_mentions(post)
        if post.depth > 0:
            visitor_questions.answer_published(post, post.root)


def locked(post):
    """`post` re-read under a row lock, for a decision about it."""
    return (
        Post.objects.select_for_update().select_related("conversation").get(pk=post.pk)
    )


def require_moderator(user):
    if not can_moderate(user):
        raise PermissionDenied
