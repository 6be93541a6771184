"""Roles and the predicates that say who may do what.

Roles are auth groups made by a data migration (community/migrations/0002_roles.py)
and assigned in the admin. Code asks these predicates, never group names.

Staff powers (moderating, editing, medical sign-off, the admin) also need a session
whose sign-in used the second factor. For a request from any other session,
community.middleware runs the view inside `member_powers_only(user)`, so every
predicate answers for that person as for a member. People loaded outside a
request (the shell, tasks, tests calling actions) keep their roles.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F

from community.models import standing_of


class Role:
    MEMBER = "Member"
    MODERATOR = "Moderator"
    MEDICAL_REVIEWER = "Medical reviewer"
    EDITOR = "Editor"


ROLE_PERMISSIONS = {
    Role.MEMBER: [],
    Role.MODERATOR: ["moderate_content"],
    Role.MEDICAL_REVIEWER: ["review_medical_content"],
    Role.EDITOR: ["edit_articles"],
}
STAFF_PERMISSIONS = [
    f"community.{codename}"
    for codenames in ROLE_PERMISSIONS.values()
    for codename in codenames
]

# The pk of the person whose current request comes from a session without the
# second factor: a context variable, so it holds for this request (thread or task)
# only, and for every instance of that person the request loads.
_member_powers_only_for = ContextVar("member_powers_only_for", default=None)


@contextmanager
def member_powers_only(user):
    """Within this block `user` has a member's powers, whatever their roles."""
    token = _member_powers_only_for.set(user.pk)
    try:
        yield
    finally:
        _member_powers_only_for.reset(token)


def _staff_powers_in_force(user) -> bool:
    return user.pk is None or _member_powers_only_for.get() != user.pk


def assign_role(user, role):
    user.groups.add(Group.objects.get(name=role))
    end_sessions(user)


def end_sessions(user):
    """Sign the person out of every session (their roles changed, say).

    Raising the epoch changes their session auth hash (community.models.User), so
    Django ends each older session on its next request, whichever session engine
    keeps it. The instance given is updated, so a caller can keep its own session
    with update_session_auth_hash().
    """
    type(user).objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
    user.refresh_from_db(fields=["session_epoch"])


logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Revocation:
    roles_removed: list[str]
    admin_flags_removed: bool
    two_factor_devices_removed: int


@transaction.atomic
def revoke_staff(user, *, remove_two_factor=False) -> Revocation:
    """Take every staff power from `user` and sign them out everywhere.

    They stay a member. Their authenticator devices go too when the account may be
    compromised (`remove_two_factor`): staff powers then need a new device, set up
    after a fresh password sign-in. What they did stays in the moderation log.
    """
    staff_roles = [role for role in ROLE_PERMISSIONS if role != Role.MEMBER]
    removed = list(
        user.groups.filter(name__in=staff_roles)
        .order_by("name")
        .values_list("name", flat=True)
    )
    user.groups.remove(*Group.objects.filter(name__in=removed))
    user.user_permissions.clear()
    admin_flags = user.is_staff or user.is_superuser
    type(user).objects.filter(pk=user.pk).update(is_staff=False, is_superuser=False)
    devices = 0
    if remove_two_factor:
        devices, _ = Authenticator.objects.filter(user=user).delete()
    end_sessions(user)
    user.refresh_from_db(fields=["is_staff", "is_superuser"])
    # The member's number only: no email or name in logs.
    logger.warning(
        "Staff powers revoked from member %s: roles %s, admin flags %s, "
        "%d two-factor devices removed; every session ended.",
        user.pk,
        removed or "none",
        "removed" if admin_flags else "none",
        devices,
    )
    return Revocation(removed, admin_flags, devices)


def holds_staff_role(user) -> bool:
    """Staff by role or admin flag, whether or not this session has staff powers."""
    return user.is_authenticated and (
        user.is_staff
        or user.is_superuser
        or any(user.has_perm(permission) for permission in STAFF_PERMISSIONS)
    )


def can_moderate(user) -> bool:
    return (
        user.is_authenticated
        and user.has_perm("community.moderate_content")
        and _staff_powers_in_force(user)
    )


def can_review_medically(user) -> bool:
    return (
        user.is_authenticated
        and user.has_perm("community.review_medical_content")
        and _staff_powers_in_force(user)
    )


def can_edit_articles(user) -> bool:
    return (
        user.is_authenticated
        and user.has_perm("community.edit_articles")
        and _staff_powers_in_force(user)
    )


def can_use_admin(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and _staff_powers_in_force(user)
    )


def has_two_factor(user) -> bool:
    """Whether the member has an authenticator app set up (allauth's TOTP)."""
    return (
        user.is_authenticated
        and Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
    )


def can_post(user) -> bool:
    """Signed in, active, and not silenced, suspended or banned."""
    return (
        user.is_authenticated and user.is_active and not standing_of(user).is_silenced
    )
