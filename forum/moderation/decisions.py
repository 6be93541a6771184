"""Moderators' decisions about a post, and the author withdrawing it. Each one is
a move in the state machine (forum/moderation/states.py), closes the post's queue
item and tells the author."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import Post, Report, Status
from forum.moderation import wording
from forum.moderation.notices import tell_author
from forum.moderation.queue import close_items_of
from forum.moderation.states import (
    AUTHOR,
    MODERATOR,
    Action,
    locked,
    log,
    require_moderator,
    transition,
)

NEEDS_A_REASON = {Status.HIDDEN, Status.REMOVED, Status.REJECTED}


def resolve_reports(post, moderator, state):
    return Report.objects.filter(post=post, state=Report.State.OPEN).update(
        state=state, resolved_by=moderator, resolved_at=timezone.now()
    )


def _moderator_decision(post, *, moderator, to, action, reason, reports, tell):
    require_moderator(moderator)
    if to in NEEDS_A_REASON and not reason.strip():
        raise ValidationError(_("Please give a reason."), code="reason_required")
    post = locked(post)
    transition(
        post, to=to, actor=moderator, role=MODERATOR, action=action, reason=reason
    )
    if reports:
        resolve_reports(post, moderator, reports)
    close_items_of(post, moderator)
    tell_author(post, tell)
    return post


@transaction.atomic
def approve_post(post: Post, *, moderator, reason: str = "") -> Post:
    return _moderator_decision(
        post,
        moderator=moderator,
        to=Status.PUBLISHED,
        action=Action.APPROVE,
        reason=reason,
        reports=None,
        tell=wording.stored(wording.APPROVED),
    )


@transaction.atomic
def reject_post(post: Post, *, moderator, reason: str) -> Post:
    return _moderator_decision(
        post,
        moderator=moderator,
        to=Status.REJECTED,
        action=Action.REJECT,
        reason=reason,
        reports=None,
        tell=wording.stored(wording.NOT_APPROVED, reason=reason),
    )


@transaction.atomic
def hide_post(post: Post, *, moderator, reason: str) -> Post:
    return _moderator_decision(
        post,
        moderator=moderator,
        to=Status.HIDDEN,
        action=Action.HIDE,
        reason=reason,
        reports=Report.State.AGREED,
        tell=wording.stored(wording.HIDDEN, reason=reason),
    )


@transaction.atomic
def remove_post(post: Post, *, moderator, reason: str) -> Post:
    return _moderator_decision(
        post,
        moderator=moderator,
        to=Status.REMOVED,
        action=Action.REMOVE,
        reason=reason,
        reports=Report.State.AGREED,
        tell=wording.stored(wording.REMOVED, reason=reason),
    )


@transaction.atomic
def restore_post(post: Post, *, moderator, reason: str = "") -> Post:
    return _moderator_decision(
        post,
        moderator=moderator,
        to=Status.PUBLISHED,
        action=Action.RESTORE,
        reason=reason,
        reports=Report.State.DISMISSED,
        tell=wording.stored(wording.RESTORED),
    )


@transaction.atomic
def dismiss_reports(post: Post, *, moderator, reason: str = "") -> Post:
    """The reports were mistaken: close them; an auto-hidden post comes back."""
    require_moderator(moderator)
    post = locked(post)
    count = resolve_reports(post, moderator, Report.State.DISMISSED)
    log(
        actor=moderator,
        action=Action.DISMISS_REPORTS,
        post=post,
        reason=reason,
        reports=count,
    )
    if post.status == Status.HIDDEN_REPORTS:
        transition(
            post,
            to=Status.PUBLISHED,
            actor=moderator,
            role=MODERATOR,
            action=Action.RESTORE,
            reason=wording.stored(wording.REPORTS_DISMISSED),
        )
    close_items_of(post, moderator)
    return post


@transaction.atomic
def withdraw_post(post: Post, *, author) -> Post:
    """The author deletes their post: it becomes a tombstone; replies stay."""
    if not author.is_authenticated or post.author_id != author.pk:
        raise PermissionDenied
    post = locked(post)
    transition(
        post, to=Status.WITHDRAWN, actor=author, role=AUTHOR, action=Action.WITHDRAW
    )
    return post
