"""Everything members (and visitors) write: one Post model in Conversations.

One module per concern: posts, conversations and tree paths (`posts`), reactions
(`reactions`), private messages (`messages`), follows and notifications
(`notifications`), and what moderation records (`moderation`). Import from
`forum.models`; every public name is here.
"""

from forum.models.messages import (
    MAX_PARTICIPANTS,
    MESSAGE_TEXT_OR_PICTURE,
    MessageReview,
    MessageStatus,
    Participant,
    PrivateConversation,
    PrivateMessage,
)
from forum.models.moderation import (
    CrisisMatch,
    ModerationLog,
    ModerationLogQuerySet,
    QueueItem,
    QueueItemQuerySet,
    Report,
    WatchedWord,
)
from forum.models.notifications import (
    Follow,
    Notification,
    VisitorAnswerAddress,
)
from forum.models.posts import (
    MAX_DEPTH,
    PATH_SEGMENT_WIDTH,
    TEXT_OR_PICTURE_MESSAGE,
    Conversation,
    ConversationQuerySet,
    Post,
    PostQuerySet,
    Revision,
    Status,
    ids_in_path,
    path_segment,
    tree_path_or_none,
)
from forum.models.reactions import REACTION_COUNTERS, Reaction

__all__ = [
    "MAX_DEPTH",
    "MAX_PARTICIPANTS",
    "MESSAGE_TEXT_OR_PICTURE",
    "PATH_SEGMENT_WIDTH",
    "REACTION_COUNTERS",
    "TEXT_OR_PICTURE_MESSAGE",
    "Conversation",
    "ConversationQuerySet",
    "CrisisMatch",
    "Follow",
    "MessageReview",
    "MessageStatus",
    "ModerationLog",
    "ModerationLogQuerySet",
    "Notification",
    "Participant",
    "Post",
    "PostQuerySet",
    "PrivateConversation",
    "PrivateMessage",
    "QueueItem",
    "QueueItemQuerySet",
    "Reaction",
    "Report",
    "Revision",
    "Status",
    "VisitorAnswerAddress",
    "WatchedWord",
    "ids_in_path",
    "path_segment",
    "tree_path_or_none",
]
