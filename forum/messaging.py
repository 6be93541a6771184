"""Private messages between members: start, reply, leave, delete my copy, report.

Each action checks permission, validates, counts against rate limits, then writes,
in one transaction, like forum/actions.py. Every message is screened like a post
(forum/moderation/screening.py):

- watched "hold" words (sourcing wording among them) and contact details hold the
  message: the recipients never see it unless a moderator releases it. Contact
  details are held here too, not waved through as "it's private anyway": a private
  message is exactly where a dealer asks to move somewhere we can't see
  (shared/docs/safety.md §6: held, not blocked, a moderator decides);
- crisis words never hold anything: the author sees the support note and the
  moderators get one urgent review that links to the author, never the text.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community import read_only
from community.limits import check_rate_limit, check_rate_limits
from community.models import Profile, User
from community.permissions import can_moderate, can_post
from community.relations import relations_of
from community.sanitize import VERSION as SANITIZER_VERSION
from community.sanitize import render_member_text
from forum import message_visibility, moderation, pictures, unread
from forum.models import (
    MAX_PARTICIPANTS,
    MessageReview,
    MessageStatus,
    Participant,
    Post,
    PrivateConversation,
    PrivateMessage,
    Status,
)
from forum.moderation.screening import HoldReason

MIN_ACCOUNT_AGE = timedelta(days=7)
MIN_PUBLISHED_POSTS = 2
PENDING_PICTURE = "pending"  # satisfies the text-or-picture rule until stored
# New members are not "first posts"-held here: only established members may write.
MESSAGE_HOLDS = {HoldReason.WATCHED_WORD, HoldReason.CONTACT_DETAILS}


@dataclass(frozen=True)
class Sent:
    """A written message and what screening found in its text."""

    message: PrivateMessage
    screening: moderation.Screening


def why_cannot_start(author) -> str | None:
    """Why `author` may not start a conversation yet, in words, or None."""
    if not can_post(author):
        return _("You can't send private messages right now.")
    if can_moderate(author):
        return None
    too_new = timezone.now() - author.date_joined < MIN_ACCOUNT_AGE
    posts = Post.objects.filter(author=author, status=Status.PUBLISHED)
    if too_new or posts[:MIN_PUBLISHED_POSTS].count() < MIN_PUBLISHED_POSTS:
        return _(
            "Private messages open once your account is a week old and you have "
            "two published posts. This keeps members safe from strangers; until "
            "then you can talk with everyone in the community threads."
        )
    return None


def _have_talked(author, recipient) -> bool:
    """One replied to the other in a thread (a published reply)."""
    return Post.objects.filter(
        Q(author=author, parent__author=recipient)
        | Q(author=recipient, parent__author=author),
        status=Status.PUBLISHED,
    ).exists()


def _accepts_from(recipient, author) -> bool:
    choice = (
        Profile.objects.filter(user=recipient)
        .values_list("who_may_message", flat=True)
        .first()
        or Profile.WhoMayMessage.TALKED_WITH
    )
    if choice == Profile.WhoMayMessage.ANYONE:
        return True
    if choice == Profile.WhoMayMessage.TALKED_WITH:
        return _have_talked(author, recipient)
    return False


def _blocked_between(author, member_id) -> bool:
    """Either has blocked the other (community/relations.py's lists)."""
    relations = relations_of(author)
    return member_id in relations.blocked or member_id in relations.blocked_by


def _refuse(message, code):
    raise ValidationError(message, code=code)


def _check_recipients(author, recipients):
    if not recipients:
        _refuse(_("Choose at least one member to write to."), "no_recipient")
    if len(recipients) + 1 > MAX_PARTICIPANTS:
        _refuse(
            _("A conversation can have up to %(count)d people, you included.")
            % {"count": MAX_PARTICIPANTS},
            "too_many",
        )
    for recipient in recipients:
        if recipient.pk == author.pk:
            _refuse(_("You can't start a conversation with yourself."), "self")
        # Blocked either way, or not accepting: one answer, so nobody learns which.
        if (
            not recipient.is_active
            or _blocked_between(author, recipient.pk)
            or not _accepts_from(recipient, author)
        ):
            _refuse(
                _("%(name)s isn't accepting private messages from you.")
                % {"name": recipient.display_name},
                "not_accepting",
            )


def _new_message(conversation, author, body, picture, picture_alt):
    """Screen, render, validate and save one message; queue what it triggered."""
    picture_image = pictures.decode_picture(picture) if picture else None
    screening = moderation.screen_text(body, author=author)
    moderation.refuse_blocked(screening)
    holds = [hold for hold in screening.holds if hold.reason in MESSAGE_HOLDS]
    message = PrivateMessage(
        conversation=conversation,
        author=author,
        body=body,
        picture_alt=picture_alt.strip() if picture else "",
        status=MessageStatus.HELD if holds else MessageStatus.PUBLISHED,
    )
    message.body_html = render_member_text(body)
    message.sanitizer_version = SANITIZER_VERSION
    if picture_image is not None:
        message.picture = PENDING_PICTURE
    message.full_clean(exclude=["conversation", "author"])
    return message, picture_image, screening, holds


def _save_message(message, picture_image, screening, holds):
    if picture_image is not None:
        stored = pictures.store_decoded(picture_image)
        message.picture = stored.picture
        message.picture_width, message.picture_height = stored.width, stored.height
        message.thumbnail = stored.thumbnail
        message.thumbnail_width = stored.thumbnail_width
        message.thumbnail_height = stored.thumbnail_height
    message.save()
    if holds:
        MessageReview.objects.create(
            message=message,
            kind=MessageReview.Kind.HELD,
            reasons=[hold.reason.value for hold in holds],
            matched=[hold.matched for hold in holds if hold.matched],
        )
    if screening.detection:
        MessageReview.objects.get_or_create(
            message=message,
            kind=MessageReview.Kind.CRISIS,
            closed_at=None,
            # The phrase the detector saw, as for posts; never the message's text.
            defaults={"matched": [screening.detection.phrase]},
        )
    if message.status == MessageStatus.PUBLISHED:
        PrivateConversation.objects.filter(pk=message.conversation_id).update(
            last_message_at=message.created_at
        )
    Participant.objects.filter(
        conversation_id=message.conversation_id, member_id=message.author_id
    ).update(last_read_at=message.created_at)
    return Sent(message, screening)


@transaction.atomic
def start_conversation(*, author, recipients, body="", picture=None, picture_alt=""):
    """A new conversation with 1 to 4 others, and its first message."""
    refusal = why_cannot_start(author)
    if refusal:
        raise PermissionDenied(refusal)
    recipients = list({member.pk: member for member in recipients}.values())
    _check_recipients(author, recipients)
    conversation = PrivateConversation(started_by=author)
    draft = _new_message(conversation, author, body, picture, picture_alt)
    check_rate_limits(
        (author, "new_private_conversation", ""), (author, "post_gap", "")
    )
    conversation.save()
    Participant.objects.bulk_create(
        [
            Participant(conversation=conversation, member=member)
            for member in [author, *recipients]
        ]
    )
    draft[0].conversation = conversation
    return _save_message(*draft)


def _may_write(participant) -> bool:
    if participant is None or participant.left_at is not None:
        return False
    others = Participant.objects.filter(
        conversation_id=participant.conversation_id, left_at__isnull=True
    ).exclude(member_id=participant.member_id)
    other_ids = list(others.values_list("member_id", flat=True))
    author = participant.member
    return bool(other_ids) and not any(_blocked_between(author, i) for i in other_ids)


def may_write(participant) -> bool:
    """Whether the participant may add to the conversation: still in it, someone
    else is too, and nobody in it has blocked them or been blocked by them."""
    return can_post(participant.member) and _may_write(participant)


@transaction.atomic
def reply(conversation, *, author, body="", picture=None, picture_alt=""):
    participant = message_visibility.participation(conversation.pk, author)
    if participant is None:
        raise PermissionDenied
    participant.member = author
    if not may_write(participant):
        raise PermissionDenied(_("You can't write in this conversation any more."))
    draft = _new_message(participant.conversation, author, body, picture, picture_alt)
    check_rate_limits((author, "reply", ""), (author, "post_gap", ""))
    return _save_message(*draft)


def mark_read(participant, *, at=None):
    if read_only.is_on():  # reading goes on during maintenance; unread counts wait
        return
    Participant.objects.filter(pk=participant.pk).update(
        last_read_at=at or timezone.now()
    )
    unread.counts_changed(participant.member)


@transaction.atomic
def leave(conversation, *, member):
    """Stop taking part: what was said stays readable to the member until then."""
    Participant.objects.filter(
        conversation=conversation, member=member, left_at__isnull=True
    ).update(left_at=timezone.now())


@transaction.atomic
def delete_my_copy(conversation, *, member):
    """The conversation disappears for the member; once every participant has
    deleted it, it is erased for good (forum/message_retention.py)."""
    now = timezone.now()
    rows = Participant.objects.filter(conversation=conversation, member=member)
    rows.filter(left_at__isnull=True).update(left_at=now)
    rows.filter(deleted_at__isnull=True).update(deleted_at=now)


@transaction.atomic
def report_message(message, *, reporter, note=""):
    """A recipient asks the moderators to look. They will see this message and
    up to ten before it, nothing else (forum/moderation/private_messages.py)."""
    participant = message_visibility.participation(message.conversation_id, reporter)
    visible = participant is not None and (
        message_visibility.visible_messages(
            PrivateMessage.objects.filter(pk=message.pk), participant
        ).exists()
    )
    if not visible or message.author_id == reporter.pk:
        raise PermissionDenied
    check_rate_limit(reporter, "report")
    review, _created = MessageReview.objects.get_or_create(
        message=message,
        kind=MessageReview.Kind.REPORTED,
        closed_at=None,
        defaults={"reporter": reporter, "note": note.strip()[:500]},
    )
    return review


def recipients_named(names, *, author) -> list:
    """Members whose display names were typed (comma-separated), or a clear error."""
    wanted = [name.strip() for name in names.split(",") if name.strip()]
    found, missing = [], []
    for name in wanted:
        member = User.objects.filter(display_name__iexact=name, is_active=True).first()
        (found.append(member) if member else missing.append(name))
    if missing:
        _refuse(
            _("We couldn't find a member called %(names)s. Check the spelling.")
            % {"names": ", ".join(f"“{name}”" for name in missing)},
            "unknown_member",
        )
    return found
