"""Warning, silencing, suspending and banning members, and lifting those."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Sanction
from forum.moderation.states import Action, log, require_moderator
from forum.tasks import send_moderator_notice_email

SANCTION_ACTIONS = {
    Sanction.Kind.WARNING: Action.SANCTION_WARNING,
    Sanction.Kind.SILENCE: Action.SANCTION_SILENCE,
    Sanction.Kind.SUSPENSION: Action.SANCTION_SUSPENSION,
    Sanction.Kind.BAN: Action.SANCTION_BAN,
}
LIFT_ACTIONS = {
    Sanction.Kind.WARNING: Action.LIFT_WARNING,
    Sanction.Kind.SILENCE: Action.LIFT_SILENCE,
    Sanction.Kind.SUSPENSION: Action.LIFT_SUSPENSION,
    Sanction.Kind.BAN: Action.LIFT_BAN,
}
TIME_LIMITED = {Sanction.Kind.SILENCE, Sanction.Kind.SUSPENSION}


@transaction.atomic
def sanction_member(member, *, moderator, kind, reason, member_message, days=None):
    """Warn, silence, suspend or ban. `days` None means until lifted."""
    require_moderator(moderator)
    if member.pk == moderator.pk:
        raise ValidationError(_("You can't sanction yourself."), code="self")
    kind = Sanction.Kind(kind)
    ends_at = None
    if days and kind in TIME_LIMITED:
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
    log(
        actor=moderator,
        action=SANCTION_ACTIONS[kind],
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
        log(
            actor=moderator,
            action=LIFT_ACTIONS[Sanction.Kind(sanction.kind)],
            member=sanction.member,
            target=f"member:{sanction.member_id}",
            reason=reason,
        )
    return sanction
