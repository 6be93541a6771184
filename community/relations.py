"""Muting and blocking: the one home of what keeping someone away does.

- Muting X: X's posts are collapsed for me ("You muted X · show") and X's
  notifications to me are dropped when they would be made. X is not told and
  nothing changes for X.
- Blocking X mutes X and also stops X replying to my posts, reacting to them and
  mentioning me (and, later, messaging me). It is one-way: I can still reply to X.
  X is never told: the reply and reaction controls go as they do on a post nobody
  can reply to, and a refused action gets the same answer as for a locked post.

Moderators can be muted (their everyday posts collapse) but not blocked: they must
be able to answer anyone. Notices from moderators about a member's posts are never
dropped, moderation pages never collapse anyone, and crisis detection never asks
here at all.

A viewer's relations are read in one query, once per request (kept on the user
object), whatever the page shows; members who have none (`User.has_relations`,
kept here) cost no query at all.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from community.limits import check_rate_limit
from community.models import MemberRelation, User
from community.permissions import can_moderate

Kind = MemberRelation.Kind


@dataclass(frozen=True)
class Relations:
    """One member's view of the others: whom they mute, block, and who blocks them."""

    muted: frozenset = frozenset()  # blocked members included
    blocked: frozenset = frozenset()
    blocked_by: frozenset = frozenset()

    def is_blocked_by(self, other_id) -> bool:
        """Whether the member `other_id` blocks this member (so they may not reply
        to, react to or mention them)."""
        return other_id is not None and other_id in self.blocked_by


NONE = Relations()


def relations_of(user) -> Relations:
    """In one query, cached on the user object for the rest of the request."""
    if user is None or not user.is_authenticated or not user.has_relations:
        return NONE
    cached = getattr(user, "_relations", None)
    if cached is None:
        rows = MemberRelation.objects.filter(
            Q(member=user) | Q(other=user, kind=Kind.BLOCK)
        ).values_list("member_id", "other_id", "kind")
        muted, blocked, blocked_by = set(), set(), set()
        for member_id, other_id, kind in rows:
            if member_id == user.pk:
                muted.add(other_id)
                if kind == Kind.BLOCK:
                    blocked.add(other_id)
            else:
                blocked_by.add(member_id)
        cached = user._relations = Relations(
            frozenset(muted), frozenset(blocked), frozenset(blocked_by)
        )
    return cached


def muted_ids(user) -> frozenset:
    return relations_of(user).muted


def members_muting(actor_id, member_ids) -> set:
    """Which of `member_ids` mute (or block) `actor_id`: their notifications from
    the actor are dropped. One query."""
    if actor_id is None or not member_ids:
        return set()
    return set(
        MemberRelation.objects.filter(
            other_id=actor_id, member_id__in=member_ids
        ).values_list("member_id", flat=True)
    )


def members_blocking(author_id, member_ids) -> set:
    """Which of `member_ids` block `author_id`: the author can't mention them."""
    if author_id is None or not member_ids:
        return set()
    return set(
        MemberRelation.objects.filter(
            other_id=author_id, member_id__in=member_ids, kind=Kind.BLOCK
        ).values_list("member_id", flat=True)
    )


def may_block(member) -> bool:
    return not can_moderate(member)


@transaction.atomic
def keep_away(member, other, kind) -> MemberRelation:
    """Mute or block `other` (a second call changes the kind)."""
    kind = Kind(kind)
    if other.pk == member.pk:
        raise ValidationError(_("You can't mute or block yourself."), code="self")
    if kind == Kind.BLOCK and not may_block(other):
        raise ValidationError(
            _(
                "Moderators can't be blocked: they need to be able to answer "
                "anyone. You can mute them instead."
            ),
            code="moderator",
        )
    check_rate_limit(member, "member_relation")
    _lock(member, other)
    relation, _created = MemberRelation.objects.update_or_create(
        member=member, other=other, defaults={"kind": kind}
    )
    _note_relations(member, other)
    return relation


@transaction.atomic
def let_back(member, other) -> None:
    """Unmute or unblock: `other` is treated like anyone else again."""
    check_rate_limit(member, "member_relation")
    _lock(member, other)
    MemberRelation.objects.filter(member=member, other=other).delete()
    _note_relations(member, other)


def _lock(*members):
    """Changes touching the same members wait for each other, so no recount of
    `has_relations` can miss a row another change is adding."""
    list(
        User.objects.select_for_update()
        .filter(pk__in=[person.pk for person in members])
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _note_relations(*members):
    """Recount `User.has_relations` for each (so pages of members with none cost
    no query), and drop what this request had read."""
    for person in members:
        person.has_relations = MemberRelation.objects.filter(
            Q(member=person) | Q(other=person, kind=Kind.BLOCK)
        ).exists()
        User.objects.filter(pk=person.pk).update(has_relations=person.has_relations)
        person._relations = None  # read again on next use


def kept_away(member):
    """The members `member` mutes or blocks, for the Account page."""
    return (
        MemberRelation.objects.filter(member=member)
        .select_related("other")
        .order_by("other__display_name")
    )


def relation_with(member, other):
    """BLOCK, MUTE or None: how `member` keeps `other` away now."""
    relations = relations_of(member)
    if other.pk in relations.blocked:
        return Kind.BLOCK
    return Kind.MUTE if other.pk in relations.muted else None
