"""What community keeps about a member, registered with community.personal_data.

`erase_*` carry out a confirmed account deletion (community/account_deletion.py);
`export_*` give the member a copy. Each erase is idempotent.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.hashers import make_password
from django.db.models import F
from django_tasks_db.models import DBTaskResult

from community.models import AccountDeletion, ModeratorMessage, Profile, Sanction, User
from community.names import FORMER_MEMBER_NAME, name_skeleton
from community.personal_data import ErasureMode, PersonalDataPart, register

# What a remove-everything member's messages to the moderators say afterwards.
ERASED_TEXT = ""


def export_account(user) -> list[dict]:
    return [
        {
            "display_name": user.display_name,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "email_addresses": list(
                EmailAddress.objects.filter(user=user).values_list("email", flat=True)
            ),
        }
    ]


def erase_account(user, erasure) -> None:
    """The row stays as a shell so what points at it holds; nothing in it is
    the person's: a shared name, an address that is not one, no password, no
    roles, no second factor, every session ended."""
    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    for address in addresses:
        # Queued email keeps its recipient and text in the task table.
        DBTaskResult.objects.filter(
            task_path="community.tasks.send_email_message",
            args_kwargs__icontains=address,
        ).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.groups.clear()
    user.user_permissions.clear()
    deletion = (
        AccountDeletion.objects.filter(member=user).order_by("-requested_at").first()
    )
    pseudonym = deletion.pseudonym if deletion else f"user-{user.pk}"
    User.objects.filter(pk=user.pk).update(
        display_name=FORMER_MEMBER_NAME,
        name_skeleton=name_skeleton(FORMER_MEMBER_NAME),
        # Unique, and not an address: no email can reach it or sign in with it.
        email=f"former-member-{pseudonym}",
        password=make_password(None),
        is_active=False,
        is_staff=False,
        is_superuser=False,
        last_login=None,
        session_epoch=F("session_epoch") + 1,
    )


def export_profile(user) -> list[dict]:
    return list(
        Profile.objects.filter(user=user).values(
            "bio", "email_notifications", "credentials", "language", "created_at"
        )
    )


def erase_profile(user, erasure) -> None:
    # Emptied rather than deleted: pages that name a reviewer read its credentials.
    Profile.objects.filter(user=user).update(
        bio="", email_notifications=False, credentials="", language=""
    )


def export_sanctions(user) -> list[dict]:
    return list(
        Sanction.objects.filter(member=user).values(
            "kind", "reason", "member_message", "starts_at", "ends_at", "lifted_at"
        )
    )


def erase_sanctions(user, erasure) -> None:
    """Kept: the moderators' own record, written by them, now about a shell."""


def export_moderator_messages(user) -> list[dict]:
    return list(
        ModeratorMessage.objects.filter(member=user).values("body", "created_at")
    )


def erase_moderator_messages(user, erasure) -> None:
    if erasure.mode == ErasureMode.REMOVE_EVERYTHING:
        ModeratorMessage.objects.filter(member=user).update(body=ERASED_TEXT)


def register_parts() -> None:
    register(
        PersonalDataPart(
            name="account",
            description="Your display name, email addresses and when you joined.",
            export=export_account,
            erase=erase_account,
            models=(User, EmailAddress, Authenticator, AccountDeletion),
        )
    )
    register(
        PersonalDataPart(
            name="profile",
            description="Your profile: bio, language and email settings.",
            export=export_profile,
            erase=erase_profile,
            models=(Profile,),
        )
    )
    register(
        PersonalDataPart(
            name="sanctions",
            description="Measures moderators took on your account, with reasons.",
            export=export_sanctions,
            erase=erase_sanctions,
            models=(Sanction,),
        )
    )
    register(
        PersonalDataPart(
            name="moderator_messages",
            description="What you wrote to the moderators.",
            export=export_moderator_messages,
            erase=erase_moderator_messages,
            models=(ModeratorMessage,),
        )
    )
