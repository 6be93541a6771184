"""The article an article page shows, read by queries compiled once per process.

Building and compiling the article's query (its select_related joins, the other
language version and the viewer's vote as subqueries) and its two prefetches
cost the benchmark machine ~3 ms a page, against ~0.5 ms in the database. The
query's shape depends only on who reads: a member without editing or reviewing
powers, a visitor with a voting cookie, a visitor without one. For those the
queries are compiled (community/compiled_queries.py) from `readable_articles`,
the one home of what a page reads; editors and reviewers, who also see drafts,
take the ORM.
"""

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import get_object_or_404

from articles.models import Article, PollOption, Topic
from articles.models.articles import sees_unpublished
from community.compiled_queries import CompiledQuery
from forum.card_rows import member_stand_in


def readable_articles(viewer, browser_key):
    """The articles `viewer` may read, with what their page shows."""
    return (
        Article.objects.visible_to(viewer)
        .for_page()
        .with_other_language_version()
        .with_viewers_vote(member=viewer, browser_key=browser_key)
    )


def _one(viewer, browser_key, slug):
    # As get_object_or_404() asks it; prefetches run on their own.
    return (
        readable_articles(viewer, browser_key)
        .filter(slug=slug)
        .order_by()
        .prefetch_related(None)
    )


_FOR_MEMBER = CompiledQuery(
    lambda viewer_id, slug: _one(member_stand_in(viewer_id), "", slug),
    "viewer_id",
    texts=("slug",),
)
_FOR_VISITOR_WITH_KEY = CompiledQuery(
    lambda slug, browser_key: _one(AnonymousUser(), browser_key, slug),
    texts=("slug", "browser_key"),
)
_FOR_VISITOR = CompiledQuery(
    lambda slug: _one(AnonymousUser(), "", slug), texts=("slug",)
)
# The prefetches for_page() asks for, one compiled query each, keyed by lookup.
_TOPICS = CompiledQuery(
    lambda article_id: Topic.objects.filter(articles=article_id), "article_id"
)
_POLL_OPTIONS = CompiledQuery(
    lambda poll_id: PollOption.objects.filter(poll_id=poll_id), "poll_id"
)


def article_for_page(viewer, browser_key, slug) -> Article:
    """The article `slug` as `viewer` may read it, with everything its page
    shows (as `get_object_or_404(readable_articles(...), slug=slug)`)."""
    if sees_unpublished(viewer):
        return get_object_or_404(readable_articles(viewer, browser_key), slug=slug)
    if viewer.is_authenticated:
        found = _FOR_MEMBER.instances(viewer_id=viewer.pk, slug=slug)
    elif browser_key:
        found = _FOR_VISITOR_WITH_KEY.instances(slug=slug, browser_key=browser_key)
    else:
        found = _FOR_VISITOR.instances(slug=slug)
    if not found:
        get_object_or_404(Article.objects.none())  # the ORM's own 404
    (article,) = found
    _prefetch(article)
    return article


def _prefetch(article):
    """What for_page() prefetches, filled in as Django's prefetch fills it."""
    _fill(article, "topics", _TOPICS.instances(article_id=article.pk))
    poll = article.poll_or_none()
    if poll is not None:
        _fill(poll, "options", _POLL_OPTIONS.instances(poll_id=poll.pk))


def _fill(instance, relation, related):
    queryset = getattr(instance, relation).get_queryset()
    queryset._result_cache = related
    queryset._prefetch_done = True
    instance._prefetched_objects_cache = {
        **getattr(instance, "_prefetched_objects_cache", {}),
        relation: queryset,
    }
