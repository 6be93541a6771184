"""The print view's cards, kept per process for the members who all see the same.

A conversation printed whole is the same markup for every member who wrote none
of it, mutes none of its authors and does not moderate: what they see of each
post depends only on its row (forum/visibility.py), and the print view offers
no actions. Reading and rendering its 500 posts was two thirds of the page's time.
So such a page's cards are kept, and used again while a fingerprint of the
conversation read from the database matches: each row's `xmin` (the transaction
that wrote its current version, which every UPDATE changes, whatever column it
touches: an edit, a reaction count, a moderator's action, a thumbnail made
later) and its author's name. The fingerprint is asked on every request, so a
change shows at once on every app server, with nothing to invalidate and no path
that could forget to.

Only on PostgreSQL (SQLite has no `xmin`), and only outside a transaction: in
one, a row written twice keeps one `xmin`. Pages past the first, and
conversations longer than one page, are built each time as before.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connections, router
from django.utils.safestring import SafeString, mark_safe

from community.deflate_once import KeptMarkup
from community.models import User
from forum import kept_pages, threads
from forum.cards import CardRenderer
from forum.models import Post

# Kept pages per process: a few busy conversations in each language and zone.
# When full, the store starts over.
KEPT_PAGES_LIMIT = 20
LONG_CONVERSATIONS_LIMIT = 10_000
_KEPT = {}  # (conversation id, page key, print limit, display depth): _Kept
# (conversation id, print limit) of conversations longer than a page: posts are
# never deleted, so they stay longer and their fingerprint is not asked again.
_LONGER_THAN_A_PAGE = set()


@dataclass(frozen=True)
class PrintedPage:
    markup: KeptMarkup
    has_posts: bool
    next_cursor: str | None

    @property
    def cards(self) -> SafeString:
        # Gzipped once, if served again (community/deflate_once.py).
        return mark_safe(self.markup.filled())  # noqa: S308 - escaped by the renderer


@dataclass(frozen=True)
class _Kept:
    fingerprint: str
    authors: frozenset  # of the posts shown, for the viewer's mutes
    page: PrintedPage


def printed_page(conversation, viewer, *, after=None) -> PrintedPage:
    """The print view's page of `conversation` for `viewer` (a member)."""
    renderer = CardRenderer()
    size = settings.FORUM_PRINT_LIMIT
    key = (conversation.pk, renderer.page_key, size, settings.FORUM_DISPLAY_DEPTH)
    fingerprint = None if after else _shared_fingerprint(conversation, viewer, size)
    kept = _KEPT.get(key) if fingerprint else None
    if (
        kept is not None
        and kept.fingerprint == fingerprint
        and kept_pages.sees_as_others(viewer, kept.authors, acts=False)
    ):
        return kept.page
    page = threads.whole_conversation(conversation, viewer, after=after)
    printed = PrintedPage(
        KeptMarkup(renderer.whole_tree(page.posts)), bool(page.posts), page.next_cursor
    )
    authors = frozenset(post.author_id for post in page.posts)
    if fingerprint and kept_pages.sees_as_others(viewer, authors, acts=False):
        # Kept under the fingerprint read *before* the rows: a change made in
        # between may be in the markup, but not in that fingerprint, so the
        # next request finds them different and builds the page again.
        _keep(key, _Kept(fingerprint, authors, printed))
    return printed


def _shared_fingerprint(conversation, viewer, size) -> str | None:
    """The conversation's fingerprint, if `viewer` sees what every member who
    wrote none of it sees and it fits on one page; else None."""
    if not kept_pages.may_share(viewer, acts=False):
        return None
    connection = connections[router.db_for_read(Post)]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None
    if (conversation.pk, size) in _LONGER_THAN_A_PAGE:
        return None
    with connection.cursor() as cursor:
        cursor.execute(_FINGERPRINT_SQL, [viewer.pk, conversation.pk, size + 1])
        count, digest, written_by_viewer = cursor.fetchone()
    if count > size:
        if len(_LONGER_THAN_A_PAGE) >= LONG_CONVERSATIONS_LIMIT:
            _LONGER_THAN_A_PAGE.clear()
        _LONGER_THAN_A_PAGE.add((conversation.pk, size))
        return None
    if written_by_viewer:
        return None
    return f"{count}:{digest}"


def _keep(key, kept):
    if len(_KEPT) >= KEPT_PAGES_LIMIT:
        _KEPT.clear()
    _KEPT[key] = kept


# The conversation's first `size` + 1 posts in every state: how many, a digest of
# each row's version and its author's name (order-free: paths never change), and
# whether the viewer wrote any. Names are joined to those rows only. The table
# names come from the models.
_FINGERPRINT_SQL = f"""
SELECT count(*),
       sum(hashtextextended(concat(post.xmin, ':', author.display_name), post.id)),
       bool_or(post.author_id = %s)
FROM (
    SELECT p.id, p.xmin, p.author_id
    FROM {Post._meta.db_table} p
    WHERE p.conversation_id = %s
    ORDER BY p.path
    LIMIT %s
) post
LEFT JOIN {User._meta.db_table} author ON author.id = post.author_id
"""  # noqa: S608
