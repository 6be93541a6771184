"""Leaving for good: the one home of the rules of deleting an account.

A member asks (password, and their authenticator code if they have one), choosing
what happens to what they wrote (community.personal_data.ErasureMode). Nothing is
erased yet: the request waits GRACE_PERIOD, every session ends, and an email offers
a link that cancels it; signing in cancels it too. Their posts and profile show as
usual meanwhile, so cancelling restores everything simply by doing nothing.

When it is due, `finish_due_deletions` (run by the task worker, see README) walks
every app's registered part (community.personal_data) in one transaction. The
account's row stays as an anonymised shell named "A former member", so what still
points at it (posts kept in keep mode, tombstones, the moderation log) keeps
pointing at something that says nothing about the person. Moderators can't undo it.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.core import signing
from django.db import transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.emails import absolute_url, email_context
from community.languages import written_for
from community.models import AccountDeletion
from community.permissions import end_sessions
from community.personal_data import Erasure, ErasureMode, registered_parts
from community.tasks import send_email_message

GRACE_PERIOD = timedelta(days=7)
CANCEL_LINK_SALT = "community.account_deletion.cancel"


def pending_deletion(user) -> AccountDeletion | None:
    if not user.is_authenticated:
        return None
    return AccountDeletion.objects.filter(
        member=user, cancelled_at__isnull=True, completed_at__isnull=True
    ).first()


@transaction.atomic
def request_deletion(user, *, mode: ErasureMode, keep_pictures: bool = False):
    """Start the grace period: record it, end every session, send the email.

    The caller has checked the password (and code). The request's own session
    ends with the others; the view signs it out.
    """
    now = timezone.now()
    pending = pending_deletion(user)
    if pending is not None:  # asked again in a session that survived: the latest
        pending.cancelled_at = now
        pending.save(update_fields=["cancelled_at"])
    deletion = AccountDeletion.objects.create(
        member=user,
        mode=ErasureMode(mode),
        # Pictures can only be kept with the posts they belong to.
        keep_pictures=keep_pictures and mode == ErasureMode.KEEP_WITHOUT_NAME,
        requested_at=now,
        due_at=now + GRACE_PERIOD,
    )
    end_sessions(user)
    transaction.on_commit(lambda: _send_confirmation(deletion))
    return deletion


def cancel_deletion(deletion: AccountDeletion) -> bool:
    """Cancel a pending deletion; False if it was no longer pending."""
    return bool(
        AccountDeletion.objects.filter(
            pk=deletion.pk, cancelled_at__isnull=True, completed_at__isnull=True
        ).update(cancelled_at=timezone.now())
    )


def cancel_token(deletion: AccountDeletion) -> str:
    return signing.dumps(deletion.pseudonym, salt=CANCEL_LINK_SALT)


def deletion_for_token(token: str) -> AccountDeletion | None:
    """The pending deletion a cancel link names, while it is not yet due."""
    try:
        pseudonym = signing.loads(token, salt=CANCEL_LINK_SALT)
    except signing.BadSignature:
        return None
    return AccountDeletion.objects.filter(
        pseudonym=pseudonym,
        cancelled_at__isnull=True,
        completed_at__isnull=True,
        due_at__gt=timezone.now(),
    ).first()


def _send_confirmation(deletion: AccountDeletion) -> None:
    member = deletion.member
    cancel_path = reverse(
        "community:account_delete_cancel", args=[cancel_token(deletion)]
    )
    context = {
        **email_context(),
        "member": member,
        "deletion": deletion,
        "removes_everything": deletion.mode == ErasureMode.REMOVE_EVERYTHING,
        "cancel_url": absolute_url(cancel_path),
    }
    with written_for(member):
        # Discreet: an inbox is not always private.
        subject = _("A change to your account")
        body = render_to_string("community/email/account_deletion.txt", context)
    send_email_message.enqueue(
        subject=subject, body=body, to=[member.email], from_email=None
    )


@receiver(user_logged_in, dispatch_uid="community.account_deletion.sign_in_cancels")
def signing_in_cancels(sender, request, user, **kwargs):
    deletion = pending_deletion(user)
    if deletion is None or not cancel_deletion(deletion):
        return
    if request is not None and hasattr(request, "_messages"):
        messages.info(
            request,
            _("Welcome back. You signed in, so your account will not be deleted."),
        )


def finish_deletion(deletion: AccountDeletion) -> bool:
    """Carry out a due deletion; False if it was cancelled or already done.

    Every part runs in one transaction, so a failure leaves the account as it
    was and the next run starts again; each part is idempotent besides.
    """
    with transaction.atomic():
        deletion = AccountDeletion.objects.select_for_update().get(pk=deletion.pk)
        if not deletion.is_pending:
            return False
        member = deletion.member
        erasure = Erasure(
            mode=ErasureMode(deletion.mode), keep_pictures=deletion.keep_pictures
        )
        for part in registered_parts():
            part.erase(member, erasure)
        deletion.completed_at = timezone.now()
        deletion.save(update_fields=["completed_at"])
    return True


def finish_due_deletions(*, now=None) -> list[str]:
    """Every deletion whose grace period is over; returns their pseudonyms."""
    due = AccountDeletion.objects.filter(
        cancelled_at__isnull=True,
        completed_at__isnull=True,
        due_at__lte=now or timezone.now(),
    ).order_by("due_at", "id")
    return [deletion.pseudonym for deletion in due if finish_deletion(deletion)]
