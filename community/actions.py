"""Everyday writes for accounts and profiles."""

from django.db import transaction

from community.limits import check_rate_limit
from community.models import ModeratorMessage, Profile, User
from community.permissions import Role, assign_role


@transaction.atomic
def start_membership(user: User) -> User:
    """Give a new account its (empty) profile and the member role."""
    Profile.objects.get_or_create(user=user)
    assign_role(user, Role.MEMBER)
    return user


@transaction.atomic
def update_profile(
    user: User,
    *,
    display_name: str,
    bio: str,
    email_digest: str = Profile.EmailDigest.NEVER,
    digest_includes_post_text: bool = False,
    who_may_message: str = Profile.WhoMayMessage.TALKED_WITH,
) -> User:
    user.display_name = display_name
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name"])
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.bio = bio
    profile.email_digest = email_digest
    profile.digest_includes_post_text = digest_includes_post_text
    profile.who_may_message = who_may_message
    profile.full_clean()
    profile.save(
        update_fields=[
            "bio",
            "email_digest",
            "digest_includes_post_text",
            "who_may_message",
            "updated_at",
        ]
    )
    return user


def write_to_moderators(member: User, *, body: str) -> ModeratorMessage:
    """Open to every member whatever their standing; limited like any action."""
    check_rate_limit(member, "moderator_message")
    message = ModeratorMessage(member=member, body=body)
    message.full_clean()
    message.save()
    return message
