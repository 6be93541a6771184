"""Moderation: the only code that assigns Post.status, and every other moderator
decision (reports, the review queue, sanctions, watched words, locks and pins).

Every decision writes one ModerationLog row in the same transaction. Rules in
brief (see the community guidelines page for the public version):
- Visitor questions, a new member's first posts, posts with held words or contact
  details wait for review; moderators are never held.
- A post is hidden pending review once FORUM_AUTO_HIDE_REPORTERS distinct,
  established members report it (or one moderator does). "Someone may be at risk"
  never hides anything: it raises an urgent queue item instead.
- Crisis language never changes a post's state: it publishes as usual, the author
  is offered support, and moderators get an urgent item.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from community import crisis
from community.limits import check_rate_limit
from community.models import Sanction
from community.permissions import can_moderate
from forum.caching import touch_conversation
from forum.models import (
    Conversation,
    CrisisMatch,
    ModerationLog,
    Notification,
    Post,
    QueueItem,
    Report,
    Status,
    WatchedWord,
)
from forum.permissions import can_report, can_report_at_risk
from forum.tasks import send_moderator_notice_email, send_notification_email

# (from, to) -> who may make the move. Anything else is refused.
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
    (Status.HELD, Status.REMOVED): MODERATOR,
    (Status.HELD, Status.WITHDRAWN): AUTHOR,
    (Status.PUBLISHED, Status.WITHDRAWN): AUTHOR,
    (Status.HIDDEN_REPORTS, Status.WITHDRAWN): AUTHOR,
    (Status.HIDDEN, Status.WITHDRAWN): AUTHOR,
}
HIDE_ELIGIBLE = set(Report.Reason) - {Report.Reason.AT_RISK}


# --- Screening new text -----------------------------------------------------------


@dataclass
class Screening:
    """What the text of a new or edited post triggers."""

    blocked: list = field(default_factory=list)
    holds: list = field(default_factory=list)  # (reason, matched text)
    detection: crisis.Detection = crisis.NOTHING  # crisis or overdose wording

    @property
    def needs_support_note(self):
        return bool(self.detection)


_watched_cache = {}


def _watched_matchers():
    """Matchers for moderators' watched words, rebuilt when the list changes."""
    rows = sorted(WatchedWord.objects.values_list("id", "phrase", "action"))
    version = tuple(rows)
    if _watched_cache.get("version") != version:
        by_action = {action: [] for action in WatchedWord.Action}
        for _id, phrase, action in rows:
            by_action[action].append(phrase)
        _watched_cache.update(
            version=version,
            matchers={
                action: crisis.PhraseMatcher(phrases)
                for action, phrases in by_action.items()
            },
        )
    return _watched_cache["matchers"]


_sourcing = None


def screen_text(text: str, *, author) -> Screening:
    global _sourcing
    if _sourcing is None:
        _sourcing = crisis.PhraseMatcher(crisis.SOURCING_PHRASES)
    watched = _watched_matchers()
    screening = Screening(
        blocked=watched[WatchedWord.Action.BLOCK].find(text),
        detection=crisis.detect(
            text, extra_crisis_phrases=watched[WatchedWord.Action.CRISIS]
        ),
    )
    for phrase in _sourcing.find(text) + watched[WatchedWord.Action.HOLD].find(text):
        screening.holds.append(("watched word", phrase))
    if settings.FORUM_HOLD_CONTACT_DETAILS:
        for found in crisis.find_contact_details(text):
            screening.holds.append(("contact details", found))
    if author is None:
        screening.holds.insert(0, ("visitor question", ""))
    elif _is_new_member(author):
        screening.holds.append(("first posts", ""))
    return screening


def _is_new_member(author):
    needed = settings.FORUM_HOLD_FIRST_POSTS
    if not needed or can_moderate(author):
        return False
    approved = Post.objects.filter(author=author, status=Status.PUBLISHED)[:needed]
    return approved.count() < needed


def refuse_blocked(screening):
    if screening.blocked:
        words = ", ".join(f"“{word}”" for word in screening.blocked)
        raise ValidationError(
            f"Your post contains words that aren't allowed here ({words}). "
            "Please rephrase; your text is still below.",
            code="blocked_words",
        )


def initial_status(screening: Screening, *, author) -> Status:
    if screening.holds and not (author is not None and can_moderate(author)):
        return Status.HELD
    return Status.PUBLISHED


def after_create(post: Post, screening: Screening):
    """Queue items for what a new post triggered. Called inside its transaction."""
    if post.status == Status.HELD:
        reasons = [reason for reason, _ in screening.holds]
        matched = [found for _, found in screening.holds if found]
        _queue(post, QueueItem.Priority.HELD, reasons, matched)
    if screening.detection:
        _record_crisis_match(post, screening.detection)


def after_edit(post: Post, screening: Screening):
    """An edit that adds held words sends a published post back to review."""
    edit_holds = [(r, m) for r, m in screening.holds if r not in {"first posts"}]
    if post.status == Status.PUBLISHED and edit_holds and not can_moderate(post.author):
        _transition(
            post,
            to=Status.HELD,
            actor=None,
            role=SYSTEM,
            action="hold_after_edit",
            reason="An edit added words that need a moderator's look",
        )
        _queue(
            post,
            QueueItem.Priority.HELD,
            [r for r, _ in edit_holds],
            [m for _, m in edit_holds if m],
        )
    if screening.detection:
        _record_crisis_match(post, screening.detection)


CRISIS_REASONS = {
    crisis.Kind.CRISIS: "crisis language",
    crisis.Kind.OVERDOSE: "overdose language",
}


def _record_crisis_match(post, detection: crisis.Detection) -> CrisisMatch:
    """Raise the match to moderators: one open crisis item per member.

    The member's first match opens an urgent item (raising the post's held item,
    if it has one); later matches, on any of their posts, attach to that item
    until a moderator closes it. A visitor's question has its own item.
    """
    reason = CRISIS_REASONS[detection.kind]
    member = post.author
    item = _open_crisis_item(member)
    if item is None:
        item = _queue(post, QueueItem.Priority.URGENT, [reason], [detection.phrase])
        if member is not None:
            try:
                with transaction.atomic():
                    item.crisis_member = member
                    item.save(update_fields=["crisis_member"])
            except IntegrityError:  # another post of theirs opened one just now
                item.crisis_member = None
                item = _open_crisis_item(member) or item
    if item.post_id != post.pk or item.crisis_member_id is None:
        _add_to_item(item, QueueItem.Priority.URGENT, [reason], [detection.phrase])
    return CrisisMatch.objects.create(
        queue_item=item,
        post=post,
        kind=detection.kind.value,
        phrase=detection.phrase[:200],
        list_version=detection.list_version,
    )


def _open_crisis_item(member):
    if member is None:
        return None
    return (
        QueueItem.objects.select_for_update()
        .filter(crisis_member=member)
        .open()
        .first()
    )


@transaction.atomic
def mark_false_alarm(match: CrisisMatch, *, moderator, note: str = "") -> CrisisMatch:
    """A moderator says a match was not a crisis. The mark is listed for the
    clinical reviewer; it changes no list and closes nothing by itself."""
    require_moderator(moderator)
    match = CrisisMatch.objects.select_for_update().get(pk=match.pk)
    if match.false_alarm_at is not None:
        return match
    match.false_alarm_at = timezone.now()
    match.false_alarm_by = moderator
    match.false_alarm_note = note.strip()[:300]
    match.save(update_fields=["false_alarm_at", "false_alarm_by", "false_alarm_note"])
    _log(
        actor=moderator,
        action="crisis_false_alarm",
        post=match.post,
        reason=match.false_alarm_note,
        kind=match.kind,
        list_version=match.list_version,
        crisis_match=match.pk,  # the log never copies member text, not even a phrase
    )
    return match


def _queue(post, priority, reasons, matched=()):
    """Open (or add to) the post's one open queue item; raise its priority."""
    item = QueueItem.objects.select_for_update().filter(post=post).open().first()
    if item is None:
        try:
            with transaction.atomic():
                return QueueItem.objects.create(
                    post=post,
                    priority=priority,
                    reasons=list(reasons),
                    matched=list(matched),
                )
        except IntegrityError:
            item = QueueItem.objects.select_for_update().filter(post=post).open().get()
    return _add_to_item(item, priority, reasons, matched)


def _add_to_item(item, priority, reasons, matched=()):
    item.priority = min(item.priority, priority)
    item.reasons = item.reasons + [r for r in reasons if r not in item.reasons]
    item.matched = item.matched + [m for m in matched if m not in item.matched]
    item.save(update_fields=["priority", "reasons", "matched"])
    return item


# --- State changes ----------------------------------------------------------------


def _log(*, actor, action, post=None, member=None, target="", reason="", **changes):
    return ModerationLog.objects.create(
        actor=actor,
        action=action,
        post=post,
        member=member if member is not None else getattr(post, "author", None),
        target=target or (f"post:{post.pk}" if post else ""),
        reason=reason,
        from_status=changes.pop("from_status", ""),
        to_status=changes.pop("to_status", ""),
        details=changes,
    )


def _transition(post, *, to, actor, role, action, reason=""):
    if ALLOWED_TRANSITIONS.get((post.status, to)) != role:
        raise ValidationError(
            f"A post that is {post.get_status_display().lower()} can't be "
            f"changed that way.",
            code="bad_transition",
        )
    _log(
        actor=actor if role != SYSTEM else None,
        action=action,
        post=post,
        reason=reason,
        from_status=post.status,
        to_status=to,
    )
    post.previous_status = post.status
    post.status = to
    post.status_reason = reason if role != AUTHOR else ""
    post.save(
        update_fields=["status", "previous_status", "status_reason", "updated_at"]
    )


def _locked(post):
    return (
        Post.objects.select_for_update().select_related("conversation").get(pk=post.pk)
    )


def require_moderator(user):
    if not can_moderate(user):
        raise PermissionDenied


def _close_item(post, moderator):
    now = timezone.now()
    for item in QueueItem.objects.select_for_update().filter(post=post).open():
        item.first_action_at = item.first_action_at or now
        item.closed_at = now
        item.closed_by = moderator
        item.save(update_fields=["first_action_at", "closed_at", "closed_by"])


def _resolve_reports(post, moderator, state):
    return Report.objects.filter(post=post, state=Report.State.OPEN).update(
        state=state, resolved_by=moderator, resolved_at=timezone.now()
    )


def _moderator_decision(post, *, moderator, to, action, reason, reports, tell):
    require_moderator(moderator)
    if to in {Status.HIDDEN, Status.REMOVED, Status.REJECTED} and not reason.strip():
        raise ValidationError("Please give a reason.", code="reason_required")
    post = _locked(post)
    _transition(
        post, to=to, actor=moderator, role=MODERATOR, action=action, reason=reason
    )
    if reports:
        _resolve_reports(post, moderator, reports)
    _close_item(post, moderator)
    _tell_author(post, tell)
    return post


@transaction.atomic
def approve_post(post: Post, *, moderator, reason: str = "") -> Post:
    return _moderator_decision(
        post,
        moderator=moderator,
        to=Status.PUBLISHED,
        action="approve",
        reason=reason,
        reports=None,
        tell="Your post was approved and is now visible to members.",
    )


@transaction.atomic
def reject_post(post: Post, *, moderator, reason: str) -> Post:
    return _moderator_decision(
        post,
        moderator=moderator,
        to=Status.REJECTED,
        action="reject",
        reason=reason,
        reports=None,
        tell=f"Your post was not approved: {reason}",
    )


@transaction.atomic
def hide_post(post: Post, *, moderator, reason: str) -> Post:
    return _moderator_decision(
        post,
        moderator=moderator,
        to=Status.HIDDEN,
        action="hide",
        reason=reason,
        reports=Report.State.AGREED,
        tell=f"A moderator hid your post: {reason}",
    )


@transaction.atomic
def remove_post(post: Post, *, moderator, reason: str) -> Post:
    return _moderator_decision(
        post,
        moderator=moderator,
        to=Status.REMOVED,
        action="remove",
        reason=reason,
        reports=Report.State.AGREED,
        tell=f"A moderator removed your post: {reason}",
    )


@transaction.atomic
def restore_post(post: Post, *, moderator, reason: str = "") -> Post:
    return _moderator_decision(
        post,
        moderator=moderator,
        to=Status.PUBLISHED,
        action="restore",
        reason=reason,
        reports=Report.State.DISMISSED,
        tell="A moderator restored your post; it is visible to members again.",
    )


@transaction.atomic
def dismiss_reports(post: Post, *, moderator, reason: str = "") -> Post:
    """The reports were mistaken: close them; an auto-hidden post comes back."""
    require_moderator(moderator)
    post = _locked(post)
    count = _resolve_reports(post, moderator, Report.State.DISMISSED)
    _log(
        actor=moderator,
        action="dismiss_reports",
        post=post,
        reason=reason,
        reports=count,
    )
    if post.status == Status.HIDDEN_REPORTS:
        _transition(
            post,
            to=Status.PUBLISHED,
            actor=moderator,
            role=MODERATOR,
            action="restore",
            reason="Reports dismissed",
        )
    _close_item(post, moderator)
    return post


@transaction.atomic
def close_item(item: QueueItem, *, moderator, note: str = "") -> QueueItem:
    """Close an item without changing the post (e.g. crisis: reached out)."""
    require_moderator(moderator)
    _close_item(item.post, moderator)
    _log(actor=moderator, action="close_item", post=item.post, reason=note)
    return item


@transaction.atomic
def withdraw_post(post: Post, *, author) -> Post:
    """The author deletes their post: it becomes a tombstone; replies stay."""
    if not author.is_authenticated or post.author_id != author.pk:
        raise PermissionDenied
    post = _locked(post)
    _transition(post, to=Status.WITHDRAWN, actor=author, role=AUTHOR, action="withdraw")
    return post


@transaction.atomic
def set_conversation_lock(
    conversation: Conversation, *, moderator, locked: bool, reason=""
):
    require_moderator(moderator)
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    conversation.is_locked = locked
    conversation.validate_constraints()  # the feed is never locked
    conversation.save(update_fields=["is_locked", "updated_at"])
    touch_conversation(conversation.pk)
    _log(
        actor=moderator,
        action="lock" if locked else "unlock",
        target=f"conversation:{conversation.pk}",
        reason=reason,
    )
    return conversation


@transaction.atomic
def set_pinned(post: Post, *, moderator, pinned: bool, reason="") -> Post:
    """A pinned post comes first in its conversation's list (forum/threads.py)."""
    require_moderator(moderator)
    post = _locked(post)
    if post.depth != 0:
        raise ValidationError(
            "Only top-level posts can be pinned.", code="not_top_level"
        )
    post.pinned_at = timezone.now() if pinned else None
    post.save(update_fields=["pinned_at", "updated_at"])
    touch_conversation(post.conversation_id)
    _log(actor=moderator, action="pin" if pinned else "unpin", post=post, reason=reason)
    return post


@transaction.atomic
def set_thread_lock(post: Post, *, moderator, locked: bool, reason="") -> Post:
    """Lock or unlock the thread `post` is in: its first post and every reply.

    Only that thread: in the community feed the rest of the feed stays open.
    """
    require_moderator(moderator)
    root = Post.objects.select_for_update().get(pk=post.root_id or post.pk)
    root.locked_at = timezone.now() if locked else None
    root.save(update_fields=["locked_at", "updated_at"])
    touch_conversation(root.conversation_id)
    _log(
        actor=moderator,
        action="lock_thread" if locked else "unlock_thread",
        post=root,
        reason=reason,
    )
    return root


# --- Reports ----------------------------------------------------------------------


@transaction.atomic
def report_post(post: Post, *, reporter, reason: str, note: str = "") -> Report:
    post = _locked(post)
    reason = Report.Reason(reason)
    allowed = can_report_at_risk if reason == Report.Reason.AT_RISK else can_report
    if not allowed(reporter, post):
        raise PermissionDenied
    report = Report(post=post, reporter=reporter, reason=reason, note=note.strip())
    report.full_clean()
    if reason != Report.Reason.AT_RISK:  # never refuse someone worried about a life
        check_rate_limit(reporter, "report")
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:
        raise ValidationError(
            "You have already reported this post.", code="duplicate"
        ) from error
    if reason == Report.Reason.AT_RISK:
        _queue(post, QueueItem.Priority.URGENT, ["someone may be at risk"])
    else:
        _queue(post, QueueItem.Priority.REPORTED, [f"report: {reason.label}"])
        _hide_if_reported_enough(post, reporter)
    return report


def _hide_if_reported_enough(post, reporter):
    if post.status != Status.PUBLISHED:
        return
    if can_moderate(reporter):
        reason = "Reported by a moderator"
    else:
        cutoff = timezone.now() - timedelta(hours=settings.FORUM_REPORTER_MIN_AGE_HOURS)
        reporters = (
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
        if reporters < settings.FORUM_AUTO_HIDE_REPORTERS:
            return
        reason = f"Reported by {reporters} members"
    _transition(
        post,
        to=Status.HIDDEN_REPORTS,
        actor=None,
        role=SYSTEM,
        action="auto_hide",
        reason=reason,
    )
    _queue(post, QueueItem.Priority.REPORTED, ["hidden by reports"])
    _tell_author(
        post,
        "Your post is hidden while a moderator reviews reports about it. "
        "You'll hear back once they have looked.",
    )


# --- Sanctions --------------------------------------------------------------------


@transaction.atomic
def sanction_member(member, *, moderator, kind, reason, member_message, days=None):
    """Warn, silence, suspend or ban. `days` None means until lifted."""
    require_moderator(moderator)
    if member.pk == moderator.pk:
        raise ValidationError("You can't sanction yourself.", code="self")
    kind = Sanction.Kind(kind)
    ends_at = None
    if days and kind in {Sanction.Kind.SILENCE, Sanction.Kind.SUSPENSION}:
        ends_at = timezone.now() + timedelta(days=days)
    sanction = Sanction(
        member=member,
        kind=kind,
        reason=reason,
        member_message=member_message,
        ends_at=ends_at,
        created_by=moderator,
    )
    sanction.full_clean()
    sanction.save()
    transaction.on_commit(lambda: send_moderator_notice_email.enqueue(sanction.pk))
    _log(
        actor=moderator,
        action=f"sanction_{kind}",
        member=member,
        target=f"member:{member.pk}",
        reason=reason,
        ends_at=ends_at.isoformat() if ends_at else None,
    )
    return sanction


@transaction.atomic
def lift_sanction(sanction: Sanction, *, moderator, reason: str = "") -> Sanction:
    require_moderator(moderator)
    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if sanction.lifted_at is None:
        sanction.lifted_at = timezone.now()
        sanction.lifted_by = moderator
        sanction.save(update_fields=["lifted_at", "lifted_by"])
        _log(
            actor=moderator,
            action=f"lift_{sanction.kind}",
            member=sanction.member,
            target=f"member:{sanction.member_id}",
            reason=reason,
        )
    return sanction


# --- Watched words ----------------------------------------------------------------


@transaction.atomic
def add_watched_word(
    *, moderator, phrase: str, action: str, note: str = ""
) -> WatchedWord:
    require_moderator(moderator)
    word = WatchedWord(
        phrase=crisis.normalise(phrase), action=action, note=note, created_by=moderator
    )
    word.full_clean()
    word.save()
    _log(
        actor=moderator,
        action="watched_word_add",
        target=f"watched_word:{word.pk}",
        phrase=word.phrase,
        list=word.action,
    )
    return word


@transaction.atomic
def remove_watched_word(word: WatchedWord, *, moderator, reason: str = "") -> None:
    require_moderator(moderator)
    _log(
        actor=moderator,
        action="watched_word_remove",
        target=f"watched_word:{word.pk}",
        reason=reason,
        phrase=word.phrase,
        list=word.action,
    )
    word.delete()


def _tell_author(post, detail):
    if post.author_id is not None:
        notification = Notification.objects.create(
            recipient_id=post.author_id,
            kind=Notification.Kind.MODERATION,
            post=post,
            detail=detail[:200],
        )
        transaction.on_commit(
            lambda: send_notification_email.enqueue([notification.pk])
        )
