"""A search is planned for its words on every run, on every path: never run from a
statement the connection prepared, whose plan PostgreSQL may make once for any
words (community/query_plans.py)."""

import pytest
from django.db import connection

from forum import search
from forum.card_rows import reactions_of
from forum.tests.factories import make_update

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="prepared statements: PostgreSQL"
    ),
]

# More runs than any connection's prepare_threshold (settings.pooler_settings).
OFTEN = 8


@pytest.fixture(autouse=True)
def _connection_prepares():
    connection.ensure_connection()
    if connection.connection.prepare_threshold is None:
        pytest.skip("this connection prepares nothing (DATABASE_POOL_MODE)")


def prepared(fragment) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            [f"%{fragment}%"],
        )
        return cursor.fetchone()[0]


def test_a_query_asked_often_is_prepared(member):
    # What the other tests look for can be seen: a compiled query gets prepared.
    post = make_update(member, body="A walk helped today.")
    for _ in range(OFTEN):
        reactions_of(member, [post.pk])
    assert prepared('FROM "forum_reaction"') >= 1


def test_a_members_search_is_never_prepared(member):
    make_update(member, body="Cravings at night were the hardest part.")
    for _ in range(OFTEN):
        assert search.search_posts(member, "cravings")
    assert prepared("websearch_to_tsquery") == 0


def test_a_moderators_search_is_never_prepared(member, moderator):
    make_update(member, body="Cravings at night were the hardest part.")
    for _ in range(OFTEN):
        assert search.search_posts(moderator, "cravings")
    assert prepared("websearch_to_tsquery") == 0


def test_after_a_search_the_connection_prepares_again(member):
    post = make_update(member, body="Cravings at night were the hardest part.")
    threshold = connection.connection.prepare_threshold
    search.search_posts(member, "cravings")
    assert connection.connection.prepare_threshold == threshold
    for _ in range(OFTEN):
        reactions_of(member, [post.pk])
    assert prepared('FROM "forum_reaction"') >= 1
