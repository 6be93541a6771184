"""Who may do what with posts. Pure predicates: no queries on prefetched objects
(who blocks the member is read once a request, community/relations.py)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from community.permissions import can_post
from community.relations import is_blocked_by
from forum.models import Status

REPLYABLE = {Status.PUBLISHED}


def can_reply(user, post) -> bool:
    """Not in a locked conversation, nor in a locked thread (`thread_locked_at`),
    nor to someone who blocks you (refused exactly like a locked post)."""
    return (
        can_post(user)
        and post.status in REPLYABLE
        and not post.conversation.is_locked
        and post.thread_locked_at is None
        and not is_blocked_by(user, post.author_id)
    )


def can_react(user, post) -> bool:
    return (
        can_post(user)
        and post.status == Status.PUBLISHED
        and not is_blocked_by(user, post.author_id)
    )


def can_edit_post(user, post) -> bool:
    if not user.is_authenticated or post.author_id != user.pk:
        return False
    if post.status not in {Status.PUBLISHED, Status.HELD}:
        return False
    window = timedelta(days=settings.FORUM_EDIT_WINDOW_DAYS)
    return timezone.now() - post.created_at <= window


def can_withdraw_post(user, post) -> bool:
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and post.status
        in {Status.HELD, Status.PUBLISHED, Status.HIDDEN_REPORTS, Status.HIDDEN}
    )


REPORTABLE = {Status.PUBLISHED, Status.HIDDEN_REPORTS}


def can_report_at_risk(user, post) -> bool:
    """Anyone signed in who sees someone else's post may say they may be at risk,
    whatever their standing: never refuse someone worried about a life."""
    return (
        user.is_authenticated
        and user.is_active
        and post.author_id != user.pk
        and post.status in REPORTABLE
    )


def can_report(user, post) -> bool:
    """Every other reason: silenced members can't (misuse guard)."""
    return can_report_at_risk(user, post) and can_post(user)
