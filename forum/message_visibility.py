"""Who sees what of private conversations: the one home of these rules
(forum/visibility.py is posts'; this is its sibling for private messages).

- A participant who hasn't deleted their copy sees the conversation. After
  leaving, they see what was said until they left, and nothing newer.
- A message is seen by every such participant once it is published; the author
  also sees their own held or rejected message, marked so. A held message is
  invisible to everyone else until a moderator releases it.
- Nobody else sees anything, moderators included: they see a message only
  through a review (forum/moderation/private_messages.py), and every view is logged.
"""

from django.db.models import Count, Exists, F, OuterRef, Q

from forum.cursors import MAX_ID
from forum.models import MessageStatus, Participant, PrivateMessage


def participation(conversation_id, user):
    """The viewer's live Participant row, or None (not in it, or deleted their copy)."""
    if user is None or not user.is_authenticated:
        return None
    if not 0 < conversation_id <= MAX_ID:  # a hostile address; SQLite can't compare it
        return None
    participant = (
        Participant.objects.filter(
            conversation_id=conversation_id, member=user, deleted_at__isnull=True
        )
        .select_related("conversation")
        .first()
    )
    if participant is not None:
        participant.member = user  # the viewer themselves, as the request has them
    return participant


def visible_messages(queryset, participant):
    """The messages of `participant`'s conversation that they may read."""
    queryset = queryset.filter(conversation_id=participant.conversation_id).filter(
        Q(status=MessageStatus.PUBLISHED) | Q(author_id=participant.member_id)
    )
    if participant.left_at is not None:
        queryset = queryset.filter(created_at__lte=participant.left_at)
    return queryset


def _unread():
    """Over a Participant queryset: published messages by others in the
    conversation, newer than the participant's last read and older than leaving."""
    prefix = "conversation__messages__"
    return (
        Q(**{f"{prefix}status": MessageStatus.PUBLISHED})
        & ~Q(**{f"{prefix}author_id": F("member_id")})
        & (
            Q(last_read_at__isnull=True)
            | Q(**{f"{prefix}created_at__gt": F("last_read_at")})
        )
        & (Q(left_at__isnull=True) | Q(**{f"{prefix}created_at__lte": F("left_at")}))
    )


def inbox(user):
    """The viewer's conversations, newest first, each with its unread count.
    A conversation whose every message is held doesn't show for its recipients."""
    something_to_read = PrivateMessage.objects.filter(
        Q(status=MessageStatus.PUBLISHED) | Q(author=user),
        conversation_id=OuterRef("conversation_id"),
    )
    return (
        Participant.objects.filter(member=user, deleted_at__isnull=True)
        .filter(Exists(something_to_read))
        .select_related("conversation")
        .annotate(unread=Count("conversation__messages", filter=_unread()))
        .order_by("-conversation__last_message_at", "-conversation_id")
    )


def unread_count_per_member():
    """A subquery over users (OuterRef "pk"): their unread messages, so the
    header's counts come in one query with the notifications'."""
    return (
        Participant.objects.filter(member=OuterRef("pk"), deleted_at__isnull=True)
        .order_by()
        .values("member")
        .annotate(unread=Count("conversation__messages", filter=_unread()))
        .values("unread")
    )


def participants_of(conversation_id):
    """Everyone in the conversation, with their names (one query)."""
    return list(
        Participant.objects.filter(conversation_id=conversation_id)
        .select_related("member")
        .order_by("joined_at", "id")
    )


def names_by_conversation(conversation_ids, *, exclude):
    """{conversation id: [other members' display names]} in one query."""
    names = {}
    rows = (
        Participant.objects.filter(conversation_id__in=conversation_ids)
        .exclude(member=exclude)
        .order_by("id")
        .values_list("conversation_id", "member__display_name")
    )
    for conversation_id, name in rows:
        names.setdefault(conversation_id, []).append(name)
    return names


def under_review(message) -> bool:
    """A held or reported message a moderator may look at (crisis reviews don't
    open the text)."""
    return message.reviews.open().exclude(kind="crisis").exists()
