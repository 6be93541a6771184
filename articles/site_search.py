"""The site's search box: published articles for everyone, and published posts for
members. Counts against the searcher's rate limit first, like every action."""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchVectorField
from django.db.models.expressions import RawSQL

from articles.models import Article, ArticleRevision
from community.limits import check_rate_limit
from forum import search

MAX_QUERY_LENGTH = 200
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _live_revisions():
    """What readers see: the live (signed-off) revisions of published articles,
    with only what a list of results shows (not the revision's whole snapshot)."""
    return (
        ArticleRevision.objects.filter(
            pk__in=Article.objects.published().values("live_revision")
        )
        .select_related("article")
        .only("title", "body", "article__slug", "article__language")
    )


# On PostgreSQL each revision's title-and-body vector is generated when it is
# written (migration 0008), in a column only search reads: the base table's own,
# so the name needs no alias.
_STORED_VECTOR = RawSQL(
    '"articles_articlerevision"."search_vector"', (), output_field=SearchVectorField()
)
_ARTICLES_SEARCH = search.CompiledSearch(
    _live_revisions, title_field="title", stored_vector=_STORED_VECTOR
)


@dataclass(frozen=True)
class SearchResults:
    articles: list = field(default_factory=list)
    posts: list = field(default_factory=list)


def normalised_query(raw: str) -> str:
    """What was typed, without control characters (PostgreSQL refuses NUL in
    text), trimmed to the box's length."""
    return _CONTROL_CHARACTERS.sub("", raw).strip()[:MAX_QUERY_LENGTH]


def search_site(query: str, *, viewer, visitor_key: str | None = None):
    """Results for `query` as `viewer` may see them; raises RateLimited when over.

    Visitors are counted by `visitor_key` (a hash of their address).
    """
    if viewer.is_authenticated:
        check_rate_limit(viewer, "search")
    else:
        if visitor_key is None:
            raise ValueError("A visitor's search needs a visitor_key for limits.")
        check_rate_limit(visitor_key, "visitor_search")
    articles = _ARTICLES_SEARCH.run(query)
    posts = search.search_posts(viewer, query) if viewer.is_authenticated else []
    return SearchResults(articles=articles, posts=posts)
