"""Who may do what with posts: the one home of each rule.

`PostActions(user)` reads the viewer's own facts once (whether they may post at
all, who blocks them, where the edit window starts) and answers per post, so a
page of cards asks them once, not once a card. The functions below are the same
rules for a single post (actions and views); they ask a fresh `PostActions`.
No queries on prefetched objects (who blocks the member is read once a request,
community/relations.py).
"""

from datetime import timedelta
from functools import cached_property

from django.conf import settings
from django.utils import timezone

from community.permissions import can_post
from community.relations import relations_of
from forum.models import Status

REPLYABLE = frozenset({Status.PUBLISHED})
EDITABLE = frozenset({Status.PUBLISHED, Status.HELD})
WITHDRAWABLE = frozenset(
    {Status.HELD, Status.PUBLISHED, Status.HIDDEN_REPORTS, Status.HIDDEN}
)
REPORTABLE = frozenset({Status.PUBLISHED, Status.HIDDEN_REPORTS})


class PostActions:
    """What one viewer may do with posts. Their standing, relations and the clock
    are read on first need and kept: build one per page, not per card."""

    def __init__(self, user):
        self.user = user
        self.signed_in = user.is_authenticated
        self.pk = user.pk if self.signed_in else None
        self.is_active_member = self.signed_in and user.is_active

    @cached_property
    def may_post(self) -> bool:
        return can_post(self.user)

    @cached_property
    def relations(self):
        return relations_of(self.user)

    @cached_property
    def editable_since(self):
        """The oldest a post may be and still be edited (the clock read once)."""
        return timezone.now() - timedelta(days=settings.FORUM_EDIT_WINDOW_DAYS)

    def is_author_of(self, post) -> bool:
        return self.signed_in and post.author_id == self.pk

    def is_blocked_by_author_of(self, post) -> bool:
        return self.relations.is_blocked_by(post.author_id)

    def can_reply(self, post) -> bool:
        """Not in a locked conversation, nor in a locked thread (`thread_locked_at`),
        nor to someone who blocks you (refused exactly like a locked post)."""
        return (
            self.may_post
            and post.status in REPLYABLE
            and not post.conversation.is_locked
            and post.thread_locked_at is None
            and not self.is_blocked_by_author_of(post)
        )

    def can_react(self, post) -> bool:
        return (
            self.may_post
            and post.status == Status.PUBLISHED
            and not self.is_blocked_by_author_of(post)
        )

    def can_edit(self, post) -> bool:
        return (
            self.is_author_of(post)
            and post.status in EDITABLE
            and post.created_at >= self.editable_since
        )

    def can_withdraw(self, post) -> bool:
        return self.is_author_of(post) and post.status in WITHDRAWABLE

    def can_report_at_risk(self, post) -> bool:
        """Anyone signed in who sees someone else's post may say they may be at
        risk, whatever their standing: never refuse someone worried about a life."""
        return (
            self.is_active_member
            and post.author_id != self.pk
            and post.status in REPORTABLE
        )

    def can_report(self, post) -> bool:
        """Every other reason: silenced members can't (misuse guard)."""
        return self.can_report_at_risk(post) and self.may_post


def can_reply(user, post) -> bool:
    return PostActions(user).can_reply(post)


def can_react(user, post) -> bool:
    return PostActions(user).can_react(post)


def can_edit_post(user, post) -> bool:
    return PostActions(user).can_edit(post)


def can_report_at_risk(user, post) -> bool:
    return PostActions(user).can_report_at_risk(post)


def can_report(user, post) -> bool:
    return PostActions(user).can_report(post)
