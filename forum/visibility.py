"""Who sees what of a post: the one home of the rule.

Every page, the picture view and search ask here. A viewer may *see* a post (get
its row, perhaps only as a placeholder that keeps its place in a thread) or *read*
it (its text, pictures and edit history). Other members read published posts;
hidden, removed and author-deleted ones are placeholders to them, and held or
rejected ones are invisible. Authors read their own posts in every state but one
they deleted themselves; moderators read everything. A moderator's reason is shown
only to the author and moderators. A placeholder with nothing readable beneath it
is not shown at all, on every page alike. A visitor reads only their own
question and its published answers, through a private link.

A post by someone the viewer mutes (community/relations.py) is readable as ever,
only collapsed on the cards of conversation pages: `CardView.muted`. Moderation
pages never ask, so a moderator's mutes never hide anything in the queue.

Pages read cards as plain rows (forum/threads.PostCard), so the per-card answer,
`Viewer.card_view`, works on anything with `status`, `status_reason` and
`author_id`, and costs no query.
"""

from dataclasses import dataclass
from enum import Enum

from django.db.models import OuterRef, Q, Subquery
from django.db.models.lookups import IsNull

from community.permissions import can_moderate
from community.relations import muted_ids
from forum.models import Post, Status

# Rows other members get: published posts in full, the rest only as a placeholder.
SHOWN_TO_MEMBERS = frozenset(
    {
        Status.PUBLISHED,
        Status.HIDDEN_REPORTS,
        Status.HIDDEN,
        Status.WITHDRAWN,
        Status.REMOVED,
    }
)
PLACEHOLDERS = frozenset(
    {Status.HIDDEN_REPORTS, Status.HIDDEN, Status.WITHDRAWN, Status.REMOVED}
)
READABLE_BY_MEMBERS = frozenset({Status.PUBLISHED})
# Deleting your own post takes it away from you too: you see what others see.
UNREADABLE_BY_ITS_AUTHOR = frozenset({Status.WITHDRAWN})


class Shows(Enum):
    """What a card shows of a post to one viewer."""

    FULL = "full"
    WITH_NOTE = "with_note"  # full, under a note saying what happened (and why)
    PLACEHOLDER = "placeholder"  # "Removed by a moderator", no name, no reason


@dataclass(frozen=True)
class CardView:
    shows: Shows
    reason: str = ""  # a moderator's reason; only ever set for author and moderators
    sees_history: bool = False
    muted: bool = False  # by someone the viewer mutes: collapsed, one click away

    @property
    def readable(self) -> bool:
        return self.shows is not Shows.PLACEHOLDER

    @property
    def is_placeholder(self) -> bool:
        return self.shows is Shows.PLACEHOLDER


@dataclass(frozen=True)
class Viewer:
    """One person looking at posts; `can_moderate` asked once, not per card."""

    pk: int | None
    is_member: bool
    is_moderator: bool
    muted: frozenset = frozenset()

    @classmethod
    def of(cls, user, *, with_mutes=False) -> "Viewer":
        """`with_mutes` for pages of cards: one query a request (then kept)."""
        return cls(
            pk=user.pk if user.is_authenticated else None,
            is_member=user.is_authenticated,
            is_moderator=can_moderate(user),
            muted=muted_ids(user) if with_mutes else frozenset(),
        )

    def is_author_of(self, post) -> bool:
        return post.author_id is not None and post.author_id == self.pk

    def may_read(self, post) -> bool:
        if self.is_moderator:
            return True
        if self.is_author_of(post):
            return post.status not in UNREADABLE_BY_ITS_AUTHOR
        return self.is_member and post.status in READABLE_BY_MEMBERS

    def may_see_history(self, post) -> bool:
        """Earlier versions: the author (while they may read it) and moderators."""
        return self.may_read(post) and (self.is_moderator or self.is_author_of(post))

    def card_view(self, post) -> CardView:
        if not self.may_read(post):
            return _PLACEHOLDER
        history = self.may_see_history(post)
        muted = post.author_id in self.muted
        if post.status in PLACEHOLDERS:
            return CardView(
                Shows.WITH_NOTE, post.status_reason, sees_history=history, muted=muted
            )
        return _FULL[bool(history), muted]


# The views most cards get, made once: a page asks for hundreds, and they are
# frozen, so sharing them is safe.
_PLACEHOLDER = CardView(Shows.PLACEHOLDER)
_FULL = {
    (history, muted): CardView(Shows.FULL, sees_history=history, muted=muted)
    for history in (False, True)
    for muted in (False, True)
}


def visible(queryset, user):
    """The rows of `queryset` that `user` may see, placeholders included."""
    if can_moderate(user):
        return queryset.all()
    if not user.is_authenticated:
        return queryset.none()  # member content is for signed-in members only
    return queryset.filter(Q(status__in=SHOWN_TO_MEMBERS) | Q(author=user))


def _readable_condition(user) -> Q | None:
    """Who may read a row, as a condition; None when `user` may read every row."""
    if can_moderate(user):
        return None
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(status__in=READABLE_BY_MEMBERS) | (
        Q(author=user) & ~Q(status__in=UNREADABLE_BY_ITS_AUTHOR)
    )


def readable(queryset, user):
    """The rows of `queryset` whose text `user` may read."""
    condition = _readable_condition(user)
    return queryset.all() if condition is None else queryset.filter(condition)


def readable_by_any_member(queryset):
    """What every member may read (a visitor is told only how much there is)."""
    return queryset.filter(status__in=READABLE_BY_MEMBERS)


def answers_for_the_asker(question):
    """What a visitor reads under their own question through its private link:
    the replies in its thread that every member may read, nothing else. (The
    question itself they read in every state: they wrote it.)"""
    return readable_by_any_member(
        Post.objects.filter(root_id=question.pk, depth__gt=0)
    ).order_by("path")


def searchable(queryset, user):
    """What search finds for `user`: only what every member may read, for members
    only. A results list never surfaces held, hidden or removed text, not even to
    its author or a moderator (the queue and the post pages are for that)."""
    return readable_by_any_member(visible(queryset, user))


def has_readable_reply(user, *, root_field="pk"):
    """An annotation: whether the thread under a top-level row has a reply `user`
    may read; it decides whether that row's placeholder keeps its place."""
    replies = Post.objects.filter(root_id=OuterRef(root_field), depth__gt=0)
    # The first readable reply's id, not EXISTS: PostgreSQL may run an EXISTS in
    # the select list as one hashed scan of every reply in the table (90 ms at
    # 100,000 posts on the feed), while a scalar subquery with LIMIT 1 is asked
    # once per row on the page, through the index on root.
    first = readable(replies, user).order_by().values("pk")[:1]
    return IsNull(Subquery(first), False)


def keeps_place(post, viewer: Viewer, *, readable_beneath: bool) -> bool:
    """A placeholder stays only above something the viewer can read."""
    # What card_view() shows as a placeholder, without building the view.
    return viewer.may_read(post) or readable_beneath


def without_empty_placeholders(posts, viewer: Viewer, *, more_follow=False):
    """`posts` in tree (path) order, less placeholders with nothing readable beneath.

    A post's descendants follow it directly in path order, so walking backwards the
    nearest kept post after a placeholder tells whether anything readable hangs from
    it. When the list is cut short (`more_follow`), a placeholder whose subtree runs
    to the cut keeps its place: what follows may be readable.
    """
    kept = []
    last_path = posts[-1].path if posts else ""
    for post in reversed(posts):
        beneath = bool(kept) and kept[-1].path.startswith(post.path)
        beneath = beneath or (more_follow and last_path.startswith(post.path))
        if keeps_place(post, viewer, readable_beneath=beneath):
            kept.append(post)
    kept.reverse()
    return kept
