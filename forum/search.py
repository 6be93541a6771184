"""Finding posts and articles' text: PostgreSQL full-text search, SQLite fallback.

On PostgreSQL each post stores its `search_vector` (written by the action that
writes the text, never on read) behind a GIN index, and queries are websearch-style
("quoted phrases", -exclusions, or). On SQLite, used for development, a plain
case-insensitive match on every word gives the same page with simpler ranking.
Snippets are built from the stored text, escaped, with <mark> around the hits.
"""

import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import RawSQL

from community.compiled_queries import CompiledQuery
from community.query_plans import planned_for_their_values
from community.sanitize import HIT_START, HIT_STOP, highlighted
from forum.card_rows import compiled_for, member_stand_in
from forum.models import Post
from forum.visibility import searchable

CONFIG = "english"
RANKED_CANDIDATES = 500


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


def index_post(post) -> None:
    """Store the post's search vector (PostgreSQL only; a no-op elsewhere)."""
    index_posts(type(post).objects.filter(pk=post.pk))


def index_posts(queryset) -> None:
    """Store the search vector of every post in `queryset`, in one statement."""
    if on_postgres():
        queryset.update(**stored_vector())


def stored_vector() -> dict:
    """What an UPDATE of posts sets to store their search vector, so a write that
    updates a new post anyway can index it in the same statement."""
    if on_postgres():
        return {"search_vector": SearchVector("body", config=CONFIG)}
    return {}


def words(query: str) -> list[str]:
    return [w for w in re.findall(r"[\w'-]+", query) if w.strip("'-")][:10]


def ranked_matches(
    queryset,
    query,
    *,
    text_field="body",
    title_field=None,
    stored_vector=None,
    limit=20,
    candidates=None,
):
    """(PostgreSQL) The `limit` best matches of `query` in `queryset`, ranked, each
    with PostgreSQL's highlighted `headline`, among the newest `candidates`
    (RANKED_CANDIDATES) matches.

    `stored_vector`: an expression reading each row's stored vector, for a model
    whose vector is a column Django doesn't know (article revisions).
    """
    search_query = SearchQuery(query, search_type="websearch", config=CONFIG)
    if _has_stored_vector(queryset.model):
        matching = queryset.filter(search_vector=search_query)
        vector = F("search_vector")
    else:
        vector = stored_vector
        if vector is None:
            vector = SearchVector(text_field, weight="B", config=CONFIG)
            if title_field:
                vector = SearchVector(title_field, weight="A", config=CONFIG) + vector
        matching = queryset.annotate(found=vector).filter(found=search_query)
    rank = SearchRank(vector, search_query)
    return (
        queryset.filter(
            pk__in=_best_of_newest(
                matching, rank, limit, candidates or RANKED_CANDIDATES
            )
        )
        .annotate(
            rank=rank,
            headline=SearchHeadline(
                text_field,
                search_query,
                config=CONFIG,
                start_sel=HIT_START,
                stop_sel=HIT_STOP,
                max_words=35,
                min_words=15,
            ),
        )
        .order_by("-rank", "-id")
    )


def _with_snippets(rows):
    for row in rows:
        row.snippet = highlighted(row.headline)
    return rows


def _best_of_newest(matching, rank, limit, candidates):
    """The keys of the `limit` best-ranked among the newest `candidates` matches.

    Ranking reads each match's vector, and a common word matches tens of thousands
    of posts at a million: rank only the newest RANKED_CANDIDATES matches (an index
    walk on the key), so search costs the same at any size (202 -> 10 ms for
    "cravings" at 1M posts). Older posts are found by more specific words. Each
    candidate is ranked as the walk reads it, so whole rows (author, headline) are
    fetched only for the few shown, not read again for all of them.
    """
    newest = (
        matching.order_by("-pk")
        .annotate(candidate=F("pk"), candidate_rank=rank)
        .values("candidate", "candidate_rank")[:candidates]
    )
    # The ORM cannot select from a sliced query, so it is wrapped as SQL; the
    # inner SQL is the ORM's own, with every value passed as a parameter.
    sql, params = newest.query.sql_with_params()
    return RawSQL(  # noqa: S611
        f'SELECT "candidate" FROM ({sql}) AS "newest" '  # noqa: S608
        'ORDER BY "candidate_rank" DESC, "candidate" DESC LIMIT %s',
        (*params, limit),
    )


def search(
    queryset,
    query: str,
    *,
    text_field="body",
    title_field=None,
    stored_vector=None,
    limit=20,
):
    """`queryset` narrowed to matches of `query`, best first, each with `.snippet`.

    On PostgreSQL, a model with a stored `search_vector` is searched through it
    (and its GIN index), one whose vector is stored where Django doesn't see it
    through `stored_vector`; otherwise the vector is computed from `title_field`
    (weight A) and `text_field` (weight B).
    """
    terms = words(query)
    if not terms:
        return []
    if on_postgres():
        matches = ranked_matches(
            queryset,
            query,
            text_field=text_field,
            title_field=title_field,
            stored_vector=stored_vector,
            limit=limit,
        )
        with planned_for_their_values(matches.db):
            return _with_snippets(list(matches))
    fields = [text_field] + ([title_field] if title_field else [])
    matches = Q()
    for term in terms:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": term})
        matches &= any_field
    rows = list(queryset.filter(matches).order_by("-id")[:limit])
    for row in rows:
        row.snippet = _fallback_snippet(getattr(row, text_field), terms)
    return rows


class CompiledSearch:
    """A search of a queryset built from ids alone (a member's, say), compiled once
    per process on PostgreSQL: building and compiling the ranked query cost the
    benchmark machine more than PostgreSQL took to run it. Elsewhere, and for
    what `search()` refuses, it is `search()`."""

    def __init__(
        self, searched, *names, text_field="body", title_field=None, stored_vector=None
    ):
        self.searched = searched  # searched(**ids): the queryset to search
        self.names = names
        self.fields = {
            "text_field": text_field,
            "title_field": title_field,
            "stored_vector": stored_vector,
        }
        # By RANKED_CANDIDATES, which is part of the SQL (a LIMIT the planner
        # must see: as a parameter it may rank every match, as before).
        self._compiled = {}

    def run(self, query: str, *, limit=20, **ids):
        """What `search(searched(**ids), query)` gives: rows with `.snippet`."""
        if not (on_postgres() and words(query)):
            return search(self.searched(**ids), query, limit=limit, **self.fields)
        rows = self._compiled_for(RANKED_CANDIDATES).instances(
            query=query, limit=limit, **ids
        )
        return _with_snippets(rows)

    def _compiled_for(self, candidates):
        compiled = self._compiled.get(candidates)
        if compiled is None:

            def build(query, limit, **ids):
                return ranked_matches(
                    self.searched(**ids),
                    query,
                    limit=limit,
                    candidates=candidates,
                    **self.fields,
                )

            # Planned for its words each time (community/query_plans.py).
            compiled = self._compiled[candidates] = CompiledQuery(
                build, "limit", *self.names, texts=("query",), plan_each_run=True
            )
        return compiled


def _searchable_posts(user):
    """Posts that search may show `user` (forum/visibility.py), each with only
    what a list of results shows (templates/articles/search.html)."""
    posts = Post.objects.select_related("author").only(
        "created_at", "body", "author__display_name"
    )
    return searchable(posts, user)


_MEMBERS_SEARCH = CompiledSearch(
    lambda viewer_id: _searchable_posts(member_stand_in(viewer_id)), "viewer_id"
)


def search_posts(user, query: str, *, limit=20):
    """Posts matching `query` that search may show `user`, best first."""
    if compiled_for(user):  # a member's shape: compiled
        return _MEMBERS_SEARCH.run(query, limit=limit, viewer_id=user.pk)
    return search(_searchable_posts(user), query, limit=limit)


def _has_stored_vector(model):
    return any(field.name == "search_vector" for field in model._meta.get_fields())


def _fallback_snippet(text: str, terms: list[str], width: int = 160):
    lowered = text.lower()
    first = min(
        (lowered.find(t.lower()) for t in terms if t.lower() in lowered), default=0
    )
    start = max(first - width // 3, 0)
    window = text[start : start + width]
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    marked = pattern.sub(lambda m: f"{HIT_START}{m.group()}{HIT_STOP}", window)
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    return highlighted(prefix + marked + suffix)
