"""A conversation's first page, built once per version and shared by the members
who see the same of it.

A page of cards is a function of the rows it was read from and of its viewer's
own facts: what they may do (forum/permissions.py) and what they see of each post
(forum/visibility.py). For every member who wrote none of the page's posts, mutes
and is blocked by none of their authors, may post and doesn't moderate, those
facts are the same. The rows themselves hold the rest of what is theirs: their
reactions to each post, and their own held posts (in the rows, or in the reply
counts). So such a member's page, once built, serves every later request whose
rows are the same: the rows are still read on every request, and compared, so a
change shows at once on every app server and nothing needs invalidating.

Building it (the cards, what the viewer may do with each, their markup) was
about half of a member's conversation page. A page that read anything besides
its rows (a reply's parent off the page, say) is not kept, nor one with its
viewer's reactions, which few others would share.
"""

from dataclasses import dataclass

from community.permissions import can_moderate, can_post
from community.relations import relations_of

# Kept pages per process: a few busy conversations, each at its article's and its
# own page's size. The bench's 213-card page took 1.1 MB with one markup (0.26 MB
# a markup, ~21 KB more once gzipped; forum/cards.py keeps up to 4), so a full
# store stays under ~40 MB.
# When full, the store starts over.
KEPT_PAGES_LIMIT = 20
_KEPT = {}  # the page's key (conversation, sizes, lock): _Kept


@dataclass(frozen=True)
class _Kept:
    rows: tuple  # what the page was built from, as read for its viewer
    authors: frozenset  # of every post in those rows, shown or not
    page: object  # forum.threads.Page


def page_for(viewer, key, rows, *, author_column, build):
    """`build()`'s page for `viewer`, or the page built from the same `rows` for a
    member who may do and see the same with them.

    `rows`: every row the page is built from (tuples of row tuples), each with
    its post's author's id at `author_column`. `build()` gives (the page, whether
    to keep it: it read nothing besides `rows`, and others are likely to read
    the same).
    """
    kept = _KEPT.get(key)
    if kept is not None and kept.rows == rows and sees_as_others(viewer, kept.authors):
        return kept.page
    page, worth_keeping = build()
    authors = frozenset(row[author_column] for part in rows for row in part)
    kept = _Kept(rows, authors, page)
    if worth_keeping and sees_as_others(viewer, authors):
        if len(_KEPT) >= KEPT_PAGES_LIMIT:
            _KEPT.clear()
        _KEPT[key] = kept
    return page


def may_share(viewer, *, acts=True) -> bool:
    """Whether `viewer` may ever be served a page built for someone else: a member
    who doesn't moderate and, on a page that offers actions (`acts`), may post."""
    if not viewer.is_authenticated or can_moderate(viewer):
        return False
    return not acts or can_post(viewer)


def sees_as_others(viewer, authors, *, acts=True) -> bool:
    """Whether `viewer` sees the posts of `authors` as every member who wrote none
    of them and keeps none of them away does and, on a page that offers actions
    (`acts`), may do the same with them: none of them keeps `viewer` away. The
    one rule of which pages are shared (here and the print view's,
    forum/printing.py)."""
    if not may_share(viewer, acts=acts):
        return False
    relations = relations_of(viewer)
    if viewer.pk in authors or relations.muted & authors:
        return False
    return not (acts and relations.blocked_by & authors)
