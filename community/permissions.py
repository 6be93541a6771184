"""Roles and the predicates that say who may do what.

Roles are auth groups made by a data migration (community/migrations/0002_roles.py)
and assigned in the admin. Code asks these predicates, never group names.
"""

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group

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


def assign_role(user, role):
    user.groups.add(Group.objects.get(name=role))


def can_moderate(user) -> bool:
    return user.is_authenticated and user.has_perm("community.moderate_content")


def can_review_medically(user) -> bool:
    return user.is_authenticated and user.has_perm("community.review_medical_content")


def can_edit_articles(user) -> bool:
    return user.is_authenticated and user.has_perm("community.edit_articles")


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
