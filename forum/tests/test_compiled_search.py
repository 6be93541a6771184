"""A member's post search and the article search run compiled on PostgreSQL
(forum/search.py, CompiledSearch) and find exactly what the ORM's search finds."""

import pytest
from django.db import connection

from forum import search
from forum.models import Post, Status
from forum.tests.factories import make_update

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL full-text search"
    ),
]


def found(rows):
    return [(row.pk, row.snippet, row.author.display_name) for row in rows]


@pytest.fixture
def posts(member, other_member):
    mine = make_update(member, body="Cravings at night were the hardest part.")
    theirs = make_update(other_member, body="Cravings again today, but I called.")
    held = make_update(other_member, body="Cravings and a number to call me on.")
    Post.objects.filter(pk=held.pk).update(status=Status.HELD)
    make_update(other_member, body="A walk helped, nothing else to say.")
    return mine, theirs, held


@pytest.mark.parametrize("who", ["member", "other_member"])
def test_a_members_compiled_search_finds_what_the_orms_finds(request, posts, who):
    viewer = request.getfixturevalue(who)
    orm = search.search(search._searchable_posts(viewer), "cravings")
    compiled = search.search_posts(viewer, "cravings")
    assert found(compiled) == found(orm)
    mine, theirs, _held = posts
    assert {row.pk for row in compiled} == {mine.pk, theirs.pk}


def test_each_member_and_each_query_get_their_own_results(posts, member):
    assert search.search_posts(member, "walk")[0].body.startswith("A walk")
    assert search.search_posts(member, "cravings -night")[0].pk == posts[1].pk
    assert search.search_posts(member, "nothing-matches-this") == []


def test_a_compiled_search_is_one_query(posts, member, django_assert_num_queries):
    search.search_posts(member, "cravings")  # compiled on first use
    with django_assert_num_queries(1):
        search.search_posts(member, "cravings")
