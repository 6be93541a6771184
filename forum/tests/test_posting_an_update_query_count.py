"""Posting an update (the bench's write) costs a fixed, small number of queries,
with every rule it must apply still applied: limits, sanctions, screening for
first posts and watched words, crisis language, following, search."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.models import Follow, Post, Status
from forum.tests.factories import make_update

pytestmark = [pytest.mark.django_db, pytest.mark.rate_limits, pytest.mark.premoderation]

# The member (with whether a sanction is in force or a permission held: neither
# is then read); a savepoint (BEGIN in production); the feed, watched words,
# published posts so far, the check constraints; the post, its place in the tree
# with its search vector, its follow; the release (COMMIT). The same on SQLite
# and PostgreSQL. The session is not counted: it is in Redis when REDIS_URL is
# set, as in production, and in the database when not.
QUERIES_TO_POST_AN_UPDATE = 10


def post_update(client, body):
    with CaptureQueriesContext(connection) as captured:
        response = client.post("/community/post/", {"body": body, "picture_alt": ""})
    assert response.status_code == 302
    return [
        query["sql"]
        for query in captured.captured_queries
        if '"django_session"' not in query["sql"]
    ]


@pytest.fixture
def established_member(member, settings):
    for number in range(settings.FORUM_HOLD_FIRST_POSTS):
        post = make_update(member, body=f"Earlier update {number}")
        Post.objects.filter(pk=post.pk).update(status=Status.PUBLISHED)
        cache.clear()  # posted long ago, as far as the rate limits know
    return member


def test_posting_an_update_costs_a_fixed_number_of_queries(client, established_member):
    client.force_login(established_member)
    queries = post_update(client, "Checking in after a long week.")
    assert len(queries) == QUERIES_TO_POST_AN_UPDATE, "\n".join(queries)
    post = Post.objects.latest("pk")
    assert post.status == Status.PUBLISHED
    assert Follow.objects.filter(member=established_member, thread=post).exists()
