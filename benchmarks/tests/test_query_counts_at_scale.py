"""The hot pages cost the same number of queries with ten times the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks import seed
from benchmarks.tests import busy_site
from community.models import User
from conftest import SignInClient
from forum.models import Notification, Post, QueueItem

pytestmark = pytest.mark.django_db

SMALL = seed.Scale(
    members=60,
    posts=600,
    article_posts=200,
    print_posts=60,
    other_articles=1,
    other_article_posts=60,
)


def queries_per_page(site):
    """Each page's queries on a warm second request, by page name."""
    counts = {}
    for name, who, path in busy_site.pages(site):
        client = SignInClient()
        if who is not None:
            client.force_login(
                who if isinstance(who, User) else User.objects.get(pk=who)
            )
        busy_site.fresh_caches()
        assert client.get(path).status_code == 200, path
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        counts[name] = len(captured)
    return counts


def test_hot_pages_run_the_same_queries_with_ten_times_the_rows():
    site = busy_site.build(SMALL)
    rows = Post.objects.count(), Notification.objects.count(), QueueItem.objects.count()
    before = queries_per_page(site)

    busy_site.grow(site, 10)

    grown = (
        Post.objects.count(),
        Notification.objects.count(),
        QueueItem.objects.count(),
    )
    assert all(after >= 9 * small for small, after in zip(rows, grown, strict=True))
    assert queries_per_page(site) == before
