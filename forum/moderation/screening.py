"""Screening the text of a new or edited post: refuse it, hold it for review, or
raise crisis support. The result is a value the posting action returns with the
post (forum/actions.py), so the view can offer the author support."""

import functools
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from community import crisis
from community.compiled_queries import CompiledQuery
from community.mentions import without_mentions
from community.permissions import can_moderate
from forum import support
from forum.models import Post, QueueItem, Status, WatchedWord
from forum.moderation import wording
from forum.moderation.crisis_items import record_crisis_match
from forum.moderation.queue import queue_post
from forum.moderation.states import SYSTEM, Action, transition
from forum.moderation.watched_words import watched_matchers


class HoldReason(StrEnum):
    """Why a post waits for a moderator; shown in the queue as written."""

    VISITOR_QUESTION = "visitor question"
    FIRST_POSTS = "first posts"
    WATCHED_WORD = "watched word"
    CONTACT_DETAILS = "contact details"


# Holds that only a new post can have: an edit doesn't make anyone a newcomer.
NEW_POST_ONLY = {HoldReason.FIRST_POSTS, HoldReason.VISITOR_QUESTION}


@dataclass(frozen=True)
class Hold:
    reason: HoldReason
    matched: str = ""  # the words that caused it, if any


@dataclass(frozen=True)
class Screening:
    """What the text of a new or edited post triggers."""

    blocked: tuple = ()  # phrases on the block list
    holds: tuple = ()  # Hold, in the order the queue lists them
    detection: crisis.Detection = crisis.NOTHING  # crisis or overdose wording

    @property
    def support_note(self) -> support.NoteKind | None:
        """The support the author should see, if any."""
        if not self.detection:
            return None
        return support.NoteKind(self.detection.kind.value)


def screen_text(text: str, *, author) -> Screening:
    watched = watched_matchers()
    holds = [
        Hold(HoldReason.WATCHED_WORD, phrase)
        for phrase in watched[WatchedWord.Action.HOLD].find(text)
    ]
    if settings.FORUM_HOLD_CONTACT_DETAILS:
        holds += [
            Hold(HoldReason.CONTACT_DETAILS, found)
            for found in crisis.find_contact_details(
                without_mentions(text, author=author)
            )
        ]
    if author is None:
        holds.insert(0, Hold(HoldReason.VISITOR_QUESTION))
    elif is_new_member(author):
        holds.append(Hold(HoldReason.FIRST_POSTS))
    return Screening(
        blocked=tuple(watched[WatchedWord.Action.BLOCK].find(text)),
        holds=tuple(holds),
        detection=crisis.detect(
            text, extra_crisis_phrases=watched[WatchedWord.Action.CRISIS]
        ),
    )


def is_new_member(author):
    """Fewer than FORUM_HOLD_FIRST_POSTS published posts, and not a moderator."""
    needed = settings.FORUM_HOLD_FIRST_POSTS
    if not needed or can_moderate(author):
        return False
    return len(_first_published(needed).rows(author_id=author.pk)) < needed


@functools.cache
def _first_published(needed):
    """Up to `needed` of a member's published posts, compiled: every post asks."""
    return CompiledQuery(
        lambda author_id: Post.objects.filter(
            author_id=author_id, status=Status.PUBLISHED
        ).values_list("pk")[:needed],
        "author_id",
    )


def refuse_blocked(screening: Screening):
    if screening.blocked:
        words = ", ".join(f"“{word}”" for word in screening.blocked)
        raise ValidationError(
            _(
                "Your post contains words that aren't allowed here (%(words)s). "
                "Please rephrase; your text is still below."
            )
            % {"words": words},
            code="blocked_words",
        )


def initial_status(screening: Screening, *, author) -> Status:
    if screening.holds and not (author is not None and can_moderate(author)):
        return Status.HELD
    return Status.PUBLISHED


def _queue_holds(post, holds):
    queue_post(
        post,
        QueueItem.Priority.HELD,
        [hold.reason for hold in holds],
        [hold.matched for hold in holds if hold.matched],
    )


def after_create(post: Post, screening: Screening):
    """Queue items for what a new post triggered. Called inside its transaction."""
    if post.status == Status.HELD:
        _queue_holds(post, screening.holds)
    if screening.detection:
        record_crisis_match(post, screening.detection)


def after_edit(post: Post, screening: Screening):
    """An edit that adds held words sends a published post back to review."""
    edit_holds = [h for h in screening.holds if h.reason not in NEW_POST_ONLY]
    if post.status == Status.PUBLISHED and edit_holds and not can_moderate(post.author):
        transition(
            post,
            to=Status.HELD,
            actor=None,
            role=SYSTEM,
            action=Action.HOLD_AFTER_EDIT,
            reason=wording.stored(wording.HELD_AFTER_EDIT),
        )
        _queue_holds(post, edit_holds)
    if screening.detection:
        record_crisis_match(post, screening.detection)
