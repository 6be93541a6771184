"""Post cards read as plain rows, and the card queries members ask most, compiled.

A member's conversation and article pages ask the same few queries on every
request, and building and compiling them cost the benchmark machine ~7 ms a page
against ~3 ms in the database. What a member may see (forum/visibility.py) shapes
those queries the same way for every member who doesn't moderate: only their id
changes. So for them the queries are compiled once per process
(community/compiled_queries.py) from the very builders the other viewers' pages
use; moderators and visitors, whose queries have other shapes, take the ORM.
"""

import functools
from typing import NamedTuple

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connections, router
from django.db.models import (
    BigIntegerField,
    Case,
    F,
    Func,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from community.compiled_queries import CompiledQuery
from community.models import User
from community.permissions import can_moderate
from forum.models import Post, Reaction


class PostCard:
    """A post as a page shows it, read as plain columns, not a model instance.

    Building Post instances costs ~18 µs a row (signals, descriptors, per-field
    set-up); reading the same columns as tuples costs ~2 µs, which is what keeps a
    thousand-post print view and a 200-card conversation page inside their budgets.
    Cards borrow Post's own properties, and the permission predicates and
    forum/visibility.py read the same attribute names from either.
    """

    COLUMNS = (
        "id",
        "conversation_id",
        "kind",
        "author_id",
        "root_id",
        "depth",
        "path",
        "reply_count",
        "descendant_count",
        "body_html",
        "thumbnail_width",
        "thumbnail_height",
        "picture_alt",
        "status",
        "status_reason",
        "pinned_at",
        "edited_at",
        "created_at",
        "hug_count",
        "like_count",
        "me_too_count",
        "author_name",
        "parent_id",
        "locked_at",
    )

    is_visitor_question = Post.is_visitor_question
    get_absolute_url = Post.get_absolute_url

    @property
    def pk(self):
        return self.id

    @classmethod
    def values(cls, queryset, *, extra=()):
        """`queryset` (already filtered and ordered) as the cards' columns.

        `extra` names further annotations of `queryset` to keep on the cards.
        """
        return queryset.annotate(author_name=F("author__display_name")).values_list(
            *cls.COLUMNS, *extra
        )

    @classmethod
    def from_rows(cls, rows, *, extra=()):
        columns = cls.COLUMNS + tuple(extra)
        cards = []
        for row in rows:
            card = cls()
            card.__dict__.update(zip(columns, row, strict=True))
            cards.append(card)
        return cards

    @classmethod
    def read(cls, queryset, *, extra=()):
        """Cards for `queryset` (already filtered and ordered), in one query."""
        return cls.from_rows(cls.values(queryset, extra=extra), extra=extra)


def with_thread_facts(cards, *, display_depth):
    """Give each card its thread's lock (`thread_locked_at`, its root's) and, past
    `display_depth`, the name of the member it replies to (`parent_author_name`).

    Both are read from the page's own cards: a reply's root and parent are nearly
    always among them (tree order puts them first). Joining them in SQL instead
    cost the print view's query 2 of its 4.8 ms, and a reply page's plan more to
    make. Any not on the page (one the viewer can't read, or on an earlier page
    of the print view) are read in one query.
    """
    by_id = {card.pk: card for card in cards}
    elsewhere = facts_from_elsewhere(cards, display_depth=display_depth)
    if elsewhere:
        rows = (
            Post.objects.filter(pk__in=elsewhere)
            .annotate(author_name=F("author__display_name"))
            .values_list("pk", "locked_at", "author_name")
        )
        by_id.update(
            (pk, _Elsewhere(locked_at, author_name))
            for pk, locked_at, author_name in rows
        )
    for card in cards:
        if type(card) is not PostCard:
            continue  # a model instance answers for itself
        root = by_id[card.root_id] if card.depth else card
        card.thread_locked_at = root.locked_at
        card.parent_author_name = (
            by_id[card.parent_id].author_name if card.depth > display_depth else None
        )
    return cards


def facts_from_elsewhere(cards, *, display_depth) -> set:
    """The ids of the posts off the page that `cards` take a fact from: a root
    (its lock) or, past `display_depth`, a parent (its author's name)."""
    wanted = set()
    for card in cards:
        if type(card) is PostCard and card.depth:
            wanted.add(card.root_id)
            if card.depth > display_depth:
                wanted.add(card.parent_id)
    return wanted - {card.pk for card in cards}


class _Elsewhere(NamedTuple):
    locked_at: object
    author_name: str | None


def compiled_for(viewer) -> bool:
    """Whether `viewer`'s card queries have the compiled shape: a member's."""
    return viewer.is_authenticated and not can_moderate(viewer)


def member_stand_in(pk):
    """A member without powers, to build a member's query shape from (no query)."""
    member = User(pk=pk, is_active=True)
    member._perm_cache = set()  # read by community/backends.py: no powers
    return member


class CompiledCards:
    """A card query for members, compiled once; `cards()` runs it."""

    def __init__(self, build, *names, in_lists=None, extra=()):
        self.extra = tuple(extra)

        def build_for_stand_in(viewer_id, **values):
            viewer = member_stand_in(viewer_id)
            return PostCard.values(build(viewer, **values), extra=self.extra)

        self.query = CompiledQuery(
            build_for_stand_in, "viewer_id", *names, in_lists=in_lists
        )

    def fits(self, **lists) -> bool:
        return self.query.fits(**lists)

    def rows(self, **values) -> list[tuple]:
        """The cards' rows, as tuples (forum/kept_pages.py compares them)."""
        return self.query.rows(**values)

    def cards_of(self, rows):
        return PostCard.from_rows(rows, extra=self.extra)

    def cards(self, **values):
        return self.cards_of(self.rows(**values))


# The viewer's reactions to a card's post, read with the card as one number, a bit
# per kind: one index lookup a row instead of a query a page.
MY_REACTIONS = "my_reaction_bits"
_REACTION_BITS = {kind: 1 << place for place, kind in enumerate(Reaction.Kind)}
_REACTION_SETS = tuple(
    frozenset(kind for kind, bit in _REACTION_BITS.items() if bits & bit)
    for bits in range(1 << len(_REACTION_BITS))
)


def with_my_reactions(queryset, viewer):
    """`queryset`'s rows with `MY_REACTIONS`: the viewer's reactions to each."""
    if not viewer.is_authenticated:
        return queryset.annotate(**{MY_REACTIONS: Value(0)})
    bit_of_each = [When(kind=kind, then=bit) for kind, bit in _REACTION_BITS.items()]
    bits = (
        Reaction.objects.filter(post_id=OuterRef("pk"), member_id=viewer.pk)
        .order_by()
        .values("post_id")
        .annotate(bits=Sum(Case(*bit_of_each, default=0)))
        .values("bits")
    )
    return queryset.annotate(**{MY_REACTIONS: Coalesce(Subquery(bits), 0)})


def my_reactions(card):
    """The kinds of the viewer's reactions to `card`'s post, when read with it
    (`with_my_reactions`); None for a post read otherwise."""
    bits = getattr(card, MY_REACTIONS, None)
    return None if bits is None else _REACTION_SETS[bits]


def reactions_by_post(viewer, posts) -> dict:
    """{post id: the kinds of the viewer's reactions to it}, frozen (a card's
    markup is kept under them, forum/card_memo.py): read with the rows where they
    were (`with_my_reactions`), in one query for the others."""
    kinds = {post.pk: my_reactions(post) for post in posts}
    unread = [pk for pk, found in kinds.items() if found is None]
    for pk in unread:
        kinds[pk] = frozenset()
    if unread and viewer.is_authenticated:
        for post_id, kind in reactions_of(viewer, unread):
            kinds[post_id] |= {kind}
    return kinds


# What first_replies() reads of each reply besides PostCard.COLUMNS.
FIRST_REPLY_COLUMNS = (MY_REACTIONS,)


def first_replies(viewer, root_ids, limit):
    """Up to `limit` replies under each root, in tree order.

    Only the replies kept are read whole and joined to their names. (Windowing
    whole rows sorted every reply's text and joined names for the ~80% the cap
    then dropped: 3.0 against 1.3 ms on the benchmark's article page.)
    """
    replies = Post.objects.visible_to(viewer).filter(depth__gt=0)
    if connections[router.db_for_read(Post)].vendor == "postgresql":
        kept = _each_roots_first(replies, root_ids, limit)
    else:
        kept = _numbered_in_each_root(replies, root_ids, limit)
    return with_my_reactions(
        Post.objects.filter(pk__in=kept).order_by("root_id", "path"), viewer
    )


def _each_roots_first(replies, root_ids, limit):
    """The ids of each root's first `limit` replies, on PostgreSQL: per root, an
    index range scan on post_root_path that stops after `limit` rows, however
    many replies its thread has (ARRAY(... LIMIT n), unnested)."""
    firsts = ArraySubquery(
        replies.filter(root_id=OuterRef("pk")).order_by("path").values("pk")[:limit]
    )
    return (
        Post.objects.filter(pk__in=root_ids)
        .annotate(
            reply_id=Func(firsts, function="unnest", output_field=BigIntegerField())
        )
        .values("reply_id")
    )


def _numbered_in_each_root(replies, root_ids, limit):
    """The same ids, numbered by a window over every reply of the roots' threads:
    for SQLite, which has no arrays, in development. (On PostgreSQL this read
    all 8,000 replies of the bench feed's 20 longest threads: 5 ms, against
    0.6 ms for the scan.)"""
    return (
        replies.filter(root_id__in=root_ids)
        .annotate(
            position=Window(
                RowNumber(), partition_by=[F("root_id")], order_by=F("path").asc()
            )
        )
        .filter(position__lte=limit)
        .values("pk")
    )


@functools.cache
def compiled_first_replies(limit) -> CompiledCards:
    """first_replies() for members, compiled once for each `limit` (a page's
    setting: PostgreSQL's query holds it as its LIMIT)."""
    return CompiledCards(
        functools.partial(first_replies, limit=limit),
        in_lists={"root_ids": settings.FORUM_PAGE_SIZE},
        extra=FIRST_REPLY_COLUMNS,
    )


def _reactions(viewer_id, post_ids):
    return Reaction.objects.filter(
        member_id=viewer_id, post_id__in=post_ids
    ).values_list("post_id", "kind")


# The most cards a conversation page shows: each top-level post and its replies.
_MOST_CARDS = settings.FORUM_PAGE_SIZE * (1 + settings.FORUM_INLINE_REPLIES)
_REACTIONS = CompiledQuery(_reactions, "viewer_id", in_lists={"post_ids": _MOST_CARDS})


def reactions_of(viewer, post_ids):
    """(post id, kind) of each reaction `viewer` gave to these posts: for posts
    not read with their reactions (a thread page's own top-level post)."""
    if _REACTIONS.fits(post_ids=post_ids):
        return _REACTIONS.rows(viewer_id=viewer.pk, post_ids=post_ids)
    return _reactions(viewer.pk, post_ids)
