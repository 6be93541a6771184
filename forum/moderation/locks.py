"""Locking conversations and threads, and pinning posts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.caching import touch_conversation
from forum.models import Conversation, Post
from forum.moderation.states import Action, locked, log, require_moderator


@transaction.atomic
def set_conversation_lock(
    conversation: Conversation, *, moderator, locked: bool, reason=""
):
    require_moderator(moderator)
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    conversation.is_locked = locked
    conversation.validate_constraints()  # the feed is never locked
    conversation.save(update_fields=["is_locked", "updated_at"])
    touch_conversation(conversation.pk)
    log(
        actor=moderator,
        action=Action.LOCK if locked else Action.UNLOCK,
        target=f"conversation:{conversation.pk}",
        reason=reason,
    )
    return conversation


@transaction.atomic
def set_pinned(post: Post, *, moderator, pinned: bool, reason="") -> Post:
    """A pinned post comes first in its conversation's list (forum/threads.py)."""
    require_moderator(moderator)
    post = locked(post)
    if post.depth != 0:
        raise ValidationError(
            _("Only top-level posts can be pinned."), code="not_top_level"
        )
    post.pinned_at = timezone.now() if pinned else None
    post.save(update_fields=["pinned_at", "updated_at"])
    touch_conversation(post.conversation_id)
    log(
        actor=moderator,
        action=Action.PIN if pinned else Action.UNPIN,
        post=post,
        reason=reason,
    )
    return post


@transaction.atomic
def set_thread_lock(post: Post, *, moderator, locked: bool, reason="") -> Post:
    """Lock or unlock the thread `post` is in: its first post and every reply.

    Only that thread: in the community feed the rest of the feed stays open.
    """
    require_moderator(moderator)
    root = Post.objects.select_for_update().get(pk=post.root_id or post.pk)
    root.locked_at = timezone.now() if locked else None
    root.save(update_fields=["locked_at", "updated_at"])
    touch_conversation(root.conversation_id)
    log(
        actor=moderator,
        action=Action.LOCK_THREAD if locked else Action.UNLOCK_THREAD,
        post=root,
        reason=reason,
    )
    return root
