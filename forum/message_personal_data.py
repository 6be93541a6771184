"""Private messages as a personal-data part (community/personal_data.py),
registered with forum/personal_data.py's parts.

Export: each conversation the member still has (not deleted), with the messages
they may see in it (forum/message_visibility.py): theirs in any state, others'
once published. Erase: the member leaves and deletes every copy, so the
conversations can be erased when the others delete theirs; "remove everything"
also blanks the text and pictures of every message they wrote (pictures deleted
from storage) and their notes on reports; "keep" leaves their messages.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.emails import absolute_url
from community.personal_data import ErasureMode, PersonalDataPart
from forum import message_visibility, pictures
from forum.models import MessageReview, Participant, PrivateConversation, PrivateMessage


def _message_row(message, user) -> dict:
    return {
        "written_at": message.created_at,
        "by_you": message.author_id == user.pk,
        "author": message.author.display_name,
        "status": message.status,
        "text": message.body,
        "picture_file": (message.picture.name or None)
        if message.author_id == user.pk
        else None,
        "picture_description": message.picture_alt,
    }


def export_private_messages(user) -> list[dict]:
    participations = (
        Participant.objects.filter(member=user, deleted_at__isnull=True)
        .select_related("conversation")
        .order_by("conversation__created_at", "conversation_id")
    )
    rows = []
    for participant in participations:
        others = Participant.objects.filter(
            conversation_id=participant.conversation_id
        ).exclude(member=user)
        shown = message_visibility.visible_messages(
            PrivateMessage.objects.select_related("author"), participant
        ).order_by("created_at", "id")
        rows.append(
            {
                "conversation_id": participant.conversation_id,
                "link": absolute_url(participant.conversation.get_absolute_url()),
                "with": [other.member.display_name for other in others],
                "you_left_at": participant.left_at,
                "messages": [_message_row(message, user) for message in shown],
            }
        )
    return rows


def private_message_picture_files(user) -> list[str]:
    return [
        name
        for pair in PrivateMessage.objects.filter(author=user).values_list(
            "picture", "thumbnail"
        )
        for name in pair
        if name
    ]


def erase_private_messages(user, erasure) -> None:
    now = timezone.now()
    mine = Participant.objects.filter(member=user)
    mine.filter(left_at__isnull=True).update(left_at=now)
    mine.filter(deleted_at__isnull=True).update(deleted_at=now)
    if erasure.mode != ErasureMode.REMOVE_EVERYTHING:
        return
    names = private_message_picture_files(user)
    PrivateMessage.objects.filter(author=user, erased_at__isnull=True).update(
        erased_at=now,
        body="",
        body_html="",
        picture="",
        picture_width=None,
        picture_height=None,
        thumbnail="",
        thumbnail_width=None,
        thumbnail_height=None,
        picture_alt="",
    )
    MessageReview.objects.filter(reporter=user).update(note="")
    transaction.on_commit(lambda: pictures.delete_stored(names))


PRIVATE_MESSAGES_PART = PersonalDataPart(
    name="private_messages",
    description=_(
        "Your private conversations that you haven't deleted, with every message "
        "in them you can see: yours, in any state, and the others' once sent."
    ),
    export=export_private_messages,
    erase=erase_private_messages,
    models=(PrivateConversation, Participant, PrivateMessage, MessageReview),
    files=private_message_picture_files,
)
