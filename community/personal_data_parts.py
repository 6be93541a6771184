"""What community keeps about a member, as personal-data parts (community/
personal_data.py): the account and profile, its email addresses and two-factor
devices, moderators' measures and messages to them, and the member's exports.

`export_<name>` writes rows a person can read: plain field names, dates as ISO
8601, only this member's data. `erase_<name>` carries out a confirmed account
deletion (community/account_deletion.py); each is idempotent. Registered from
CommunityConfig.ready().
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.hashers import make_password
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from community.data_export import delete_exports_of
from community.models import (
    AccountDeletion,
    DataExport,
    MemberRelation,
    ModeratorMessage,
    Profile,
    Sanction,
    User,
)
from community.names import FORMER_MEMBER_NAME, name_skeleton
from community.personal_data import ErasureMode, PersonalDataPart, register

# What a remove-everything member's messages to the moderators say afterwards.
ERASED_TEXT = ""


def export_profile(user) -> list[dict]:
    profile = Profile.objects.filter(user=user).first()
    return [
        {
            "display_name": user.display_name,
            "email": user.email,
            "joined_at": user.date_joined,
            "last_signed_in_at": user.last_login,
            "bio": profile.bio if profile else "",
            "credentials": profile.credentials if profile else "",
            "language": profile.language if profile else "",
            "email_summary": profile.email_digest if profile else "never",
            "email_summary_quotes_posts": bool(
                profile and profile.digest_includes_post_text
            ),
            "who_may_send_private_messages": profile.who_may_message
            if profile
            else Profile.WhoMayMessage.TALKED_WITH,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        }
    ]


def export_email_addresses(user) -> list[dict]:
    return [
        {"email": address.email, "verified": address.verified, "main": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("id")
    ]


def export_two_factor(user) -> list[dict]:
    # Never the secrets or recovery codes: a copy of the export must not be a key.
    return [
        {
            "kind": device.type,
            "set_up_at": device.created_at,
            "last_used_at": device.last_used_at,
        }
        for device in Authenticator.objects.filter(user=user).order_by("id")
    ]


def export_sanctions(user) -> list[dict]:
    # The moderators' recorded reason is about the member and theirs to read;
    # which moderator acted is the moderator's data and stays out.
    return [
        {
            "kind": sanction.kind,
            "kind_explained": str(sanction.get_kind_display()),
            "message_to_you": sanction.member_message,
            "moderators_reason": sanction.reason,
            "starts_at": sanction.starts_at,
            "ends_at": sanction.ends_at,
            "lifted_at": sanction.lifted_at,
        }
        for sanction in Sanction.objects.filter(member=user).order_by("created_at")
    ]


def export_messages_to_moderators(user) -> list[dict]:
    return [
        {"text": message.body, "sent_at": message.created_at}
        for message in ModeratorMessage.objects.filter(member=user).order_by(
            "created_at", "id"
        )
    ]


def export_data_exports(user) -> list[dict]:
    return [
        {
            "requested_at": export.requested_at,
            "status": export.status,
            "ready_at": export.ready_at,
            "expires_at": export.expires_at,
            "times_downloaded": export.download_count,
        }
        for export in DataExport.objects.filter(member=user).order_by("requested_at")
    ]


def erase_data_exports(user, erasure):
    delete_exports_of(user)


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


def erase_profile(user, erasure) -> None:
    # Emptied rather than deleted: pages that name a reviewer read its credentials.
    Profile.objects.filter(user=user).update(
        bio="",
        email_digest=Profile.EmailDigest.NEVER,
        digest_includes_post_text=False,
        credentials="",
        language="",
    )


def erase_sanctions(user, erasure) -> None:
    """Kept: the moderators' own record, written by them, now about a shell."""


def erase_moderator_messages(user, erasure) -> None:
    if erasure.mode == ErasureMode.REMOVE_EVERYTHING:
        ModeratorMessage.objects.filter(member=user).update(body=ERASED_TEXT)


def erase_account_and_profile(user, erasure) -> None:
    erase_profile(user, erasure)
    erase_account(user, erasure)


def erased_with_the_account(user, erasure) -> None:
    """Done by erase_account (the "profile" part), which needs the addresses first."""


def export_mutes_and_blocks(user) -> list[dict]:
    """Whom the member mutes or blocks. Who mutes or blocks *them* is other
    members' private choice and never exported."""
    return [
        {
            "member": relation.other.display_name,
            "kind": relation.kind,
            "since": relation.created_at.isoformat(),
        }
        for relation in MemberRelation.objects.filter(member=user)
        .select_related("other")
        .order_by("created_at")
    ]


def erase_mutes_and_blocks(user, erasure) -> None:
    """Both directions go: a departed member neither mutes nor is muted."""
    MemberRelation.objects.filter(Q(member=user) | Q(other=user)).delete()


PARTS = [
    PersonalDataPart(
        name="profile",
        description=_(
            "Your account: display name, email address, when you joined, your bio, "
            "language and email setting, and your roles."
        ),
        export=export_profile,
        erase=erase_account_and_profile,
        models=(User, Profile, AccountDeletion),
    ),
    PersonalDataPart(
        name="email_addresses",
        description=_(
            "The email addresses on your account and whether you confirmed them."
        ),
        export=export_email_addresses,
        erase=erased_with_the_account,
        models=(EmailAddress,),
    ),
    PersonalDataPart(
        name="two_factor",
        description=_(
            "The two-factor sign-in methods you set up, and when you last used them "
            "(never their secret codes)."
        ),
        export=export_two_factor,
        erase=erased_with_the_account,
        models=(Authenticator,),
    ),
    PersonalDataPart(
        name="sanctions",
        description=_(
            "Warnings, silences, suspensions and bans you received: the message the "
            "moderators wrote to you and the reason they recorded."
        ),
        export=export_sanctions,
        erase=erase_sanctions,
        models=(Sanction,),
    ),
    PersonalDataPart(
        name="messages_to_moderators",
        description=_("The messages you wrote to the moderators."),
        export=export_messages_to_moderators,
        erase=erase_moderator_messages,
        models=(ModeratorMessage,),
    ),
    PersonalDataPart(
        name="data_exports",
        description=_("Your requests to download your data, this one included."),
        export=export_data_exports,
        erase=erase_data_exports,
        models=(DataExport,),
    ),
    PersonalDataPart(
        name="mutes_and_blocks",
        description=_(
            "The members you muted or blocked, and since when. Who muted or "
            "blocked you is their private choice and is not included."
        ),
        export=export_mutes_and_blocks,
        erase=erase_mutes_and_blocks,
        models=(MemberRelation,),
    ),
]


def register_parts():
    for part in PARTS:
        register(part)
