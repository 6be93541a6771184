"""Each article revision's search vector is stored by PostgreSQL when the revision
is written (migration 0008), is exactly what search used to compute, and search
reads it (articles/site_search.py)."""

import pytest
from django.contrib.postgres.search import SearchVector
from django.db import connection

from articles import site_search
from articles.models import ArticleRevision
from articles.tests.factories import make_published
from forum.search import CONFIG

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL full-text search"
    ),
]


def test_each_revisions_stored_vector_is_what_search_computed(editor, medical_reviewer):
    make_published(
        editor,
        medical_reviewer,
        title="Naloxone basics",
        body="## Carrying naloxone\n\nKeep it where friends can find it.",
    )
    vectors = ArticleRevision.objects.annotate(
        stored=site_search._STORED_VECTOR,
        computed=SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("body", weight="B", config=CONFIG),
    ).values_list("stored", "computed")
    assert len(vectors) >= 2  # the draft's revision and the signed one
    for stored, computed in vectors:
        assert stored == computed
        assert "'naloxon':1A" in stored  # the title's words weigh most


def test_a_published_article_is_found_by_the_words_of_its_live_revision(
    editor, medical_reviewer, member
):
    article = make_published(
        editor,
        medical_reviewer,
        title="Sleep in early recovery",
        body="## Rest\n\nInsomnia often eases after the first weeks.",
    )
    results = site_search.search_site("insomnia", viewer=member)
    assert [row.article_id for row in results.articles] == [article.pk]
    assert "insomnia" in results.articles[0].snippet.lower()
    assert site_search.search_site("naloxone", viewer=member).articles == []
