"""A query with hundreds of ids is parsed by psycopg once per process, not on every
page (community/sql_conversion.py)."""

import pytest
from django.db import connection
from psycopg import _queries

from community.models import User
from community.sql_conversion import LONGEST_CACHED_SQL, MOST_CACHED_PARAMETERS

pytestmark = pytest.mark.django_db


def test_psycopg_caches_queries_up_to_our_limits():
    assert _queries.MAX_CACHED_STATEMENT_LENGTH >= LONGEST_CACHED_SQL
    assert _queries.MAX_CACHED_STATEMENT_PARAMS >= MOST_CACHED_PARAMETERS


@pytest.mark.skipif(connection.vendor != "postgresql", reason="psycopg's cache")
def test_a_query_with_220_ids_is_converted_from_the_cache_the_second_time(member):
    members = User.objects.filter(is_active=True, pk__in=range(1, 221))
    list(members)  # the first execution converts and caches
    before = _queries._query2pg.cache_info()
    list(members.all())
    after = _queries._query2pg.cache_info()
    assert after.hits == before.hits + 1
    assert after.misses == before.misses
