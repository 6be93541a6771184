"""Crisis and overdose matches: raised to moderators as urgent queue items, one
open item per member, and marked as false alarms for the clinical reviewer.

Crisis language never changes a post's state: it publishes as usual and the author
is offered support (forum/support.py)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from community import crisis
from forum.models import CrisisMatch, QueueItem
from forum.moderation.queue import add_to_item, queue_post
from forum.moderation.states import Action, log, require_moderator

CRISIS_REASONS = {
    crisis.Kind.CRISIS: "crisis language",
    crisis.Kind.OVERDOSE: "overdose language",
}


def record_crisis_match(post, detection: crisis.Detection) -> CrisisMatch:
    """Raise the match to moderators: one open crisis item per member.

    The member's first match opens an urgent item (raising the post's held item,
    if it has one); later matches, on any of their posts, attach to that item
    until a moderator closes it. A visitor's question has its own item.
    """
    reason = CRISIS_REASONS[detection.kind]
    member = post.author
    item = _open_crisis_item(member)
    if item is None:
        item = queue_post(post, QueueItem.Priority.URGENT, [reason], [detection.phrase])
        if member is not None:
            try:
                with transaction.atomic():
                    item.crisis_member = member
                    item.save(update_fields=["crisis_member"])
            except IntegrityError:  # another post of theirs opened one just now
                item.crisis_member = None
                item = _open_crisis_item(member) or item
    if item.post_id != post.pk or item.crisis_member_id is None:
        add_to_item(item, QueueItem.Priority.URGENT, [reason], [detection.phrase])
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
    log(
        actor=moderator,
        action=Action.CRISIS_FALSE_ALARM,
        post=match.post,
        reason=match.false_alarm_note,
        kind=match.kind,
        list_version=match.list_version,
        crisis_match=match.pk,  # the log never copies member text, not even a phrase
    )
    return match
