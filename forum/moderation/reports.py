"""Members reporting posts, and the rule that hides a post once enough
established members (or one moderator) report it.

"Someone may be at risk" never hides anything: it raises an urgent queue item.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community.limits import check_rate_limit
from community.models import Sanction
from community.permissions import can_moderate
from forum.models import Post, QueueItem, Report, Status
from forum.moderation import wording
from forum.moderation.notices import tell_author
from forum.moderation.queue import queue_post
from forum.moderation.states import SYSTEM, Action, locked, transition
from forum.permissions import can_report, can_report_at_risk

HIDE_ELIGIBLE = set(Report.Reason) - {Report.Reason.AT_RISK}
AT_RISK_REASON = "someone may be at risk"
HIDDEN_BY_REPORTS_REASON = "hidden by reports"


def report_queue_reason(reason) -> str:
    """The fixed English key a report adds to its queue item (labels translate)."""
    with translation.override("en"):
        return f"report: {Report.Reason(reason).label}"


@transaction.atomic
def report_post(post: Post, *, reporter, reason: str, note: str = "") -> Report:
    post = locked(post)
    reason = Report.Reason(reason)
    at_risk = reason == Report.Reason.AT_RISK
    if not (can_report_at_risk if at_risk else can_report)(reporter, post):
        raise PermissionDenied
    report = Report(post=post, reporter=reporter, reason=reason, note=note.strip())
    report.full_clean()
    if not at_risk:  # never refuse someone worried about a life
        check_rate_limit(reporter, "report")
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:
        raise ValidationError(
            _("You have already reported this post."), code="duplicate"
        ) from error
    if at_risk:
        queue_post(post, QueueItem.Priority.URGENT, [AT_RISK_REASON])
    else:
        queue_post(post, QueueItem.Priority.REPORTED, [report_queue_reason(reason)])
        _hide_if_reported_enough(post, reporter)
    return report


def _established_reporters(post) -> int:
    """Distinct reporters of `post` who count towards hiding it."""
    cutoff = timezone.now() - timedelta(hours=settings.FORUM_REPORTER_MIN_AGE_HOURS)
    return (
        Report.objects.filter(
            post=post,
            state=Report.State.OPEN,
            reason__in=HIDE_ELIGIBLE,
            reporter__date_joined__lte=cutoff,
            reporter__is_active=True,
        )
        .exclude(reporter__in=Sanction.objects.active().values("member"))
        .values("reporter")
        .distinct()
        .count()
    )


def _hide_if_reported_enough(post, reporter):
    if post.status != Status.PUBLISHED:
        return
    if can_moderate(reporter):
        reason = wording.stored(wording.REPORTED_BY_A_MODERATOR)
    else:
        reporters = _established_reporters(post)
        if reporters < settings.FORUM_AUTO_HIDE_REPORTERS:
            return
        reason = wording.stored(wording.REPORTED_BY_MEMBERS, count=reporters)
    transition(
        post,
        to=Status.HIDDEN_REPORTS,
        actor=None,
        role=SYSTEM,
        action=Action.AUTO_HIDE,
        reason=reason,
    )
    queue_post(post, QueueItem.Priority.REPORTED, [HIDDEN_BY_REPORTS_REASON])
    tell_author(post, wording.stored(wording.HIDDEN_BY_REPORTS))
