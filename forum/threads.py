"""Reading conversations: pages that cost the same number of queries at any size.

Top-level posts are paged by a keyset on (created_at, id), newest first; replies
travel with their top-level post, read in one query by (root, path). Everything the
cards need (forum/cards.py) is fetched here and attached to the posts, so rendering
never queries.
"""

import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from forum import card_rows, cursors, kept_pages
from forum.card_rows import PostCard
from forum.models import Conversation, Post, tree_path_or_none
from forum.permissions import PostActions
from forum.visibility import (
    Viewer,
    has_readable_reply,
    keeps_place,
    without_empty_placeholders,
)


@dataclass
class Page:
    posts: list
    next_cursor: str | None = None
    # Its cards' markup by the renderer's page key (forum/cards.py), for a page
    # served again (forum/kept_pages.py).
    markup: dict = field(default_factory=dict, repr=False, compare=False)


def _in_conversation(posts, conversation):
    """Every post on a page shares one conversation: attach it, don't join it."""
    for post in posts:
        post.conversation = conversation
    return posts


def _in_their_conversations(posts):
    """Posts from several conversations (questions): one query for all of them."""
    conversations = Conversation.objects.in_bulk({p.conversation_id for p in posts})
    for post in posts:
        post.conversation = conversations[post.conversation_id]
    return posts


def _top_level(queryset, *, before, size, extra=(), pinned_first=False):
    """A page of top-level posts, newest first, keyset-paged.

    With `pinned_first` (a conversation's own list) the pinned posts come first,
    most recently pinned first; the cursor then carries when its post was pinned.
    """
    ordered = cursors.top_level_in_order(
        queryset, cursors.decode_cursor(before), size=size, pinned_first=pinned_first
    )
    return cursors.paged(PostCard.read(ordered, extra=extra), size, pinned_first)


def _conversation_posts(viewer, conversation_id):
    return Post.objects.visible_to(viewer).filter(conversation_id=conversation_id)


def _with_reply_counts(queryset, viewer):
    """Top-level rows with how many replies the viewer can see in each thread,
    whether one is readable (which keeps a placeholder's place), and the viewer's
    reactions."""
    visible_replies = (
        Post.objects.visible_to(viewer)
        .filter(root_id=OuterRef("pk"), depth__gt=0)
        .order_by()
        .values("root_id")
        .annotate(count=Count("id"))
        .values("count")
    )
    return card_rows.with_my_reactions(
        queryset.annotate(
            visible_replies=Coalesce(Subquery(visible_replies), 0),
            has_readable_reply=has_readable_reply(viewer),
        ),
        viewer,
    )


LISTING_COLUMNS = ("visible_replies", "has_readable_reply", card_rows.MY_REACTIONS)


def _first_page(viewer, conversation_id, *, size):
    """A conversation's first top-level posts, with their reply counts (the feed's
    list and the conversation page's threads)."""
    posts = _with_reply_counts(_conversation_posts(viewer, conversation_id), viewer)
    return cursors.top_level_in_order(posts, None, size=size, pinned_first=True)


@functools.cache
def _compiled_first_page(build, size, extra=(), feed_id=None):
    """A conversation's first page for members, compiled; the feed's with its id
    in the SQL (sharing one statement, PostgreSQL planned both on every run)."""
    if feed_id is None:
        first_page = functools.partial(build, size=size)
        return card_rows.CompiledCards(first_page, "conversation_id", extra=extra)
    first_page = functools.partial(build, size=size, conversation_id=feed_id)
    return card_rows.CompiledCards(first_page, extra=extra)


def _member_query(build, viewer, conversation, *, size, extra=()):
    """(`build`'s first page compiled for members, the values it takes besides
    the viewer's id); None for anyone else (their queries have other shapes)."""
    if not card_rows.compiled_for(viewer):
        return None
    feed_id = conversation.pk if conversation.kind == Conversation.Kind.FEED else None
    compiled = _compiled_first_page(build, size, tuple(extra), feed_id)
    return compiled, {} if feed_id else {"conversation_id": conversation.pk}


def _member_rows(build, viewer, conversation, *, size, extra=()):
    """The rows of `build`'s first page for a member, compiled; None for anyone
    else."""
    query = _member_query(build, viewer, conversation, size=size, extra=extra)
    if query is None:
        return None
    compiled, values = query
    return compiled.cards(viewer_id=viewer.pk, **values)


def _first_page_for_member(viewer, conversation):
    """(rows, next cursor) of a conversation's first page with its reply counts,
    for a member; None for anyone else."""
    size = settings.FORUM_PAGE_SIZE
    rows = _member_rows(
        _first_page, viewer, conversation, size=size, extra=LISTING_COLUMNS
    )
    return None if rows is None else cursors.paged(rows, size, pinned_first=True)


def _decorate(posts, viewer, *, interactive=True):
    """Attach what the viewer may do and has done (reactions read with the rows,
    or in one query for posts read otherwise), and the thread facts card_rows
    reads from the page. Read-only pages (the print view) skip the viewer's
    actions and reactions. What each card shows comes from forum/visibility.py."""
    who = Viewer.of(viewer, with_mutes=True)
    may = PostActions(viewer)  # the viewer's own facts once a page, not per card
    mine = card_rows.reactions_by_post(viewer, posts) if interactive else {}
    display_depth = settings.FORUM_DISPLAY_DEPTH
    card_rows.with_thread_facts(posts, display_depth=display_depth)
    for post in posts:
        post.my_reactions = mine.get(post.pk, frozenset())
        if interactive:
            post.viewer_can_reply = may.can_reply(post)
            post.viewer_can_react = may.can_react(post)
            post.viewer_can_edit = may.can_edit(post)
            post.viewer_can_withdraw = may.can_withdraw(post)
            # Anyone may say someone is at risk; the form offers what else they may.
            post.viewer_can_report = may.can_report_at_risk(post)
        else:
            post.viewer_can_reply = post.viewer_can_react = False
            post.viewer_can_edit = post.viewer_can_withdraw = False
            post.viewer_can_report = False
        post.shown = who.card_view(post)
        post.display_depth = min(post.depth, display_depth)
        post.replying_to = (
            post.parent_author_name if post.depth > display_depth else None
        )
    return posts


def _threads(posts, viewer, *, before, conversation=None):
    """(top-level posts with their reply counts, the next page's cursor).

    A conversation's first page is read compiled for a member; otherwise `posts()`
    builds the queryset. A conversation's list opens with its pinned posts.
    """
    if conversation is not None and before is None:
        first_page = _first_page_for_member(viewer, conversation)
        if first_page is not None:
            return first_page
    return _top_level(
        _with_reply_counts(posts(), viewer),
        before=before,
        size=settings.FORUM_PAGE_SIZE,
        extra=LISTING_COLUMNS,
        pinned_first=conversation is not None,
    )


def _listing(posts, viewer, *, before, conversation=None):
    """Top-level posts, each with how many replies the viewer can see in its thread:
    a conversation's (the feed), or across conversations, newest first (questions).
    """
    roots, next_cursor = _threads(
        posts, viewer, before=before, conversation=conversation
    )
    if conversation is None:
        _in_their_conversations(roots)
    else:
        _in_conversation(roots, conversation)
    who = Viewer.of(viewer)
    roots = [
        root
        for root in roots
        if keeps_place(root, who, readable_beneath=root.has_readable_reply)
    ]
    return Page(_decorate(roots, viewer), next_cursor)


def feed_page(conversation, viewer, *, before=None) -> Page:
    """Top-level posts only, each with its counts: the community feed."""
    return _listing(
        lambda: _conversation_posts(viewer, conversation.pk),
        viewer,
        before=before,
        conversation=conversation,
    )


def question_page(viewer, *, before=None) -> Page:
    """Questions from every conversation, newest first."""
    return _listing(
        lambda: Post.objects.visible_to(viewer).filter(kind=Post.Kind.QUESTION),
        viewer,
        before=before,
    )


def _first_reply_rows(root_ids, viewer, *, limit):
    """Up to `limit` replies under each root in tree order, as card rows (one
    query; none without roots)."""
    if not root_ids:
        return ()
    compiled = card_rows.compiled_first_replies(limit)
    if card_rows.compiled_for(viewer) and compiled.fits(root_ids=root_ids):
        return tuple(compiled.rows(viewer_id=viewer.pk, root_ids=root_ids))
    replies = card_rows.first_replies(viewer, root_ids, limit)
    return tuple(PostCard.values(replies, extra=card_rows.FIRST_REPLY_COLUMNS))


def conversation_page(
    conversation, viewer, *, before=None, inline_replies=None
) -> Page:
    """A page of top-level posts, each followed by its first replies in tree order.

    `inline_replies` (default FORUM_INLINE_REPLIES) caps the replies under each.
    A member's first page is read compiled, and built or kept (forum/kept_pages.py).
    """
    limit = inline_replies or settings.FORUM_INLINE_REPLIES
    if before is None and card_rows.compiled_for(viewer):
        return _members_first_page(conversation, viewer, limit)
    roots, next_cursor = _threads(
        lambda: _conversation_posts(viewer, conversation.pk),
        viewer,
        before=before,
        conversation=conversation,
    )
    reply_rows = _first_reply_rows([root.pk for root in roots], viewer, limit=limit)
    replies = PostCard.from_rows(reply_rows, extra=card_rows.FIRST_REPLY_COLUMNS)
    return _with_replies(conversation, viewer, roots, replies, next_cursor)


def _members_first_page(conversation, viewer, limit):
    """A member's first page of threads: its rows read on every request, its
    cards built once for all the members who read the same rows and may do the
    same with them (forum/kept_pages.py)."""
    size, display_depth = settings.FORUM_PAGE_SIZE, settings.FORUM_DISPLAY_DEPTH
    roots_query, values = _member_query(
        _first_page, viewer, conversation, size=size, extra=LISTING_COLUMNS
    )
    root_rows = tuple(roots_query.rows(viewer_id=viewer.pk, **values))
    root_ids = [row[_ID] for row in root_rows[:size]]
    reply_rows = _first_reply_rows(root_ids, viewer, limit=limit)

    def build():
        roots, next_cursor = cursors.paged(
            roots_query.cards_of(root_rows), size, pinned_first=True
        )
        replies = PostCard.from_rows(reply_rows, extra=card_rows.FIRST_REPLY_COLUMNS)
        page = _with_replies(conversation, viewer, roots, replies, next_cursor)
        read_elsewhere = card_rows.facts_from_elsewhere(
            roots + replies, display_depth=display_depth
        )
        # A page with the viewer's own reactions would be shared by few: kept,
        # it would push out the one most members share.
        reacted = any(card_rows.my_reactions(post) for post in roots + replies)
        return page, not read_elsewhere and not reacted

    key = (conversation.pk, conversation.is_locked, size, limit, display_depth)
    rows = (root_rows, reply_rows)
    return kept_pages.page_for(viewer, key, rows, author_column=_AUTHOR, build=build)


_ID = PostCard.COLUMNS.index("id")
_AUTHOR = PostCard.COLUMNS.index("author_id")


def _with_replies(conversation, viewer, roots, replies, next_cursor):
    """The page of `roots`, each with its inline `replies` (tree order) and how
    many more it has, less placeholders with nothing readable beneath."""
    by_root = {root.pk: [] for root in roots}
    for reply in replies:
        by_root[reply.root_id].append(reply)
    who = Viewer.of(viewer)
    shown = []
    for root in roots:
        inline = by_root[root.pk]
        root.hidden_reply_count = root.visible_replies - len(inline)
        root.inline_replies = without_empty_placeholders(
            inline, who, more_follow=root.hidden_reply_count > 0
        )
        if keeps_place(root, who, readable_beneath=root.has_readable_reply):
            shown.append(root)
    _decorate(_in_conversation(roots + replies, conversation), viewer)
    return Page(shown, next_cursor)


def thread_page(root, viewer, *, start_path=None) -> Page:
    """One top-level post and a page of its replies in tree order (keyset on path)."""
    size = settings.FORUM_REPLY_PAGE_SIZE
    queryset = (
        Post.objects.visible_to(viewer)
        .filter(root_id=root.pk, depth__gt=0)
        .order_by("path")
    )
    if start_path := tree_path_or_none(start_path):
        queryset = queryset.filter(path__gte=start_path)
    rows = PostCard.read(
        card_rows.with_my_reactions(queryset, viewer)[: size + 1],
        extra=(card_rows.MY_REACTIONS,),
    )
    next_path = rows[size].path if len(rows) > size else None
    replies = without_empty_placeholders(
        rows[:size], Viewer.of(viewer), more_follow=next_path is not None
    )
    root.author_name = root.author.display_name if root.author else None
    _decorate(_in_conversation([root, *replies], root.conversation), viewer)
    return Page(replies, next_path)


def whole_conversation(conversation, viewer, *, after=None) -> Page:
    """Every post the viewer may see, in tree order, for reading or printing.

    Path order is tree order, oldest conversation first. Up to FORUM_PRINT_LIMIT
    posts a page; `next_cursor` is the last path shown when more follow.
    """
    size = settings.FORUM_PRINT_LIMIT
    after = tree_path_or_none(after)
    rows = None
    if after is None:
        rows = _member_rows(_printed_posts, viewer, conversation, size=size)
    if rows is None:
        printed = _printed_posts(viewer, conversation.pk, size=size, after=after)
        rows = PostCard.read(printed)
    next_path = rows[size - 1].path if len(rows) > size else None
    posts = _in_conversation(
        without_empty_placeholders(
            rows[:size], Viewer.of(viewer), more_follow=next_path is not None
        ),
        conversation,
    )
    return Page(_decorate(posts, viewer, interactive=False), next_path)


def _printed_posts(viewer, conversation_id, *, size, after=None):
    queryset = _conversation_posts(viewer, conversation_id).order_by("path")
    if after:
        queryset = queryset.filter(path__gt=after)
    return queryset[: size + 1]


def replies_before(reply, viewer) -> int:
    """How many visible replies precede `reply` in its thread (for permalinks)."""
    return (
        Post.objects.visible_to(viewer)
        .filter(root_id=reply.root_id, depth__gt=0, path__lt=reply.path)
        .count()
    )
