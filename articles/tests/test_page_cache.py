"""Public article pages come from the cache for visitors and go stale on change."""

from contextlib import contextmanager
from unittest.mock import patch

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles import polls, publishing
from articles.tests.factories import make_poll, make_published, publish_change
from forum import actions
from forum.moderation import decisions

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(editor, medical_reviewer):
    article = make_published(editor, medical_reviewer, title="Sleep and recovery")
    make_poll(article)
    return article


def visit(url, client=None):
    client = client or Client()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_visitor_gets_the_page_without_touching_the_database(article):
    url = article.get_absolute_url()
    first_html, first_queries = visit(url)
    second_html, second_queries = visit(url)
    assert first_queries > 0
    assert second_queries == 0
    assert second_html == first_html


@contextmanager
def cache_reads_counted():
    """Calls to the cache's get/get_many, not counting the gets a get_many makes
    (the test cache's get_many asks key by key; Redis's is one MGET)."""
    reads, inside = [], []

    def counted(method):
        def read(*args, **kwargs):
            if not inside:
                reads.append(method.__name__)
            inside.append(True)
            try:
                return method(*args, **kwargs)
            finally:
                inside.pop()

        return read

    with (
        patch.object(cache, "get", counted(cache.get)),
        patch.object(cache, "get_many", counted(cache.get_many)),
    ):
        yield reads


def test_a_cached_page_and_its_versions_come_in_one_cache_round_trip(article):
    url = article.get_absolute_url()
    visit(url)
    with cache_reads_counted() as reads:
        html, queries = visit(url)
    assert queries == 0
    assert reads == ["get_many"]
    assert article.title in html


def test_members_are_never_served_the_cached_page(client, article, member):
    visit(article.get_absolute_url())
    client.force_login(member)
    html, queries = visit(article.get_absolute_url(), client)
    assert queries > 0
    assert "Your comment" in html


def test_a_signed_off_change_invalidates_the_cached_page(
    article, editor, django_capture_on_commit_callbacks
):
    url = article.get_absolute_url()
    visit(url)
    article.summary = "A rewritten summary."
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save_article(article, editor=editor)
    html, _ = visit(url)
    assert "A rewritten summary." not in html  # not reviewed yet
    with django_capture_on_commit_callbacks(execute=True):
        publish_change(article)
    html, queries = visit(url)
    assert queries > 0
    assert "A rewritten summary." in html


def test_a_vote_invalidates_the_cached_page(
    article, member, django_capture_on_commit_callbacks
):
    url = article.get_absolute_url()
    visit(url)
    with django_capture_on_commit_callbacks(execute=True):
        polls.cast_vote(
            article.poll, option=article.poll.options.first(), member=member
        )
    _, queries = visit(url)
    assert queries > 0


def test_a_new_post_in_the_conversation_invalidates_the_cached_page(
    article, member, django_capture_on_commit_callbacks
):
    url = article.get_absolute_url()
    html, _ = visit(url)
    assert "so far" not in html
    with django_capture_on_commit_callbacks(execute=True):
        actions.post_comment(
            article.conversation, author=member, body="Helpful, thanks"
        )
    html, queries = visit(url)
    assert queries > 0
    assert "(1 post so far)" in html


def test_visitors_who_voted_see_their_results_not_the_cache(article):
    url = article.get_absolute_url()
    visit(url)
    browser = Client()
    browser.post(
        f"{url}poll/",
        {"option": article.poll.options.first().pk},
        HTTP_ORIGIN="http://testserver",
    )
    html, queries = visit(url, browser)
    assert queries > 0
    assert "(your vote)" in html


def test_a_moderators_decision_on_a_comment_invalidates_the_cached_page(
    article, member, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = actions.post_comment(
            article.conversation, author=member, body="You are all weak"
        ).post
    url = article.get_absolute_url()
    assert "(1 post so far)" in visit(url)[0]
    with django_capture_on_commit_callbacks(execute=True):
        decisions.remove_post(comment, moderator=moderator, reason="Insults")
    html, queries = visit(url)
    assert queries > 0
    assert "(1 post so far)" not in html
