"""The article a page shows, read compiled, is the article the ORM reads."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.forms.models import model_to_dict
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.test.utils import CaptureQueriesContext

from articles import polls, publishing, translations
from articles.models import Article
from articles.page_article import article_for_page, readable_articles
from articles.tests.factories import make_draft, make_poll, make_published

pytestmark = pytest.mark.django_db

BROWSER_KEY = "a-browsers-voting-cookie"
ANNOTATIONS = ("other_version_slug", "other_version_language", "viewers_vote_option_id")
RELATED = ("live_revision", "author", "medical_reviewer", "conversation", "poll")


@pytest.fixture
def article(editor, medical_reviewer):
    article = make_published(editor, medical_reviewer)
    article.topics.create(name="Treatment", slug="treatment")
    article.topics.create(name="Family", slug="family")
    make_poll(article)
    return article


def _fields(instance):
    return {
        f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields
    }


def _related(instance, name):
    with CaptureQueriesContext(connection) as queries:
        related = getattr(instance, name, None)  # None: read as missing
    assert len(queries) == 0  # read with the article (select_related)
    return related and _fields(related)


def assert_same(compiled, orm):
    assert _fields(compiled) == _fields(orm)
    for name in ANNOTATIONS:
        assert getattr(compiled, name) == getattr(orm, name)
    for name in RELATED:
        assert _related(compiled, name) == _related(orm, name)
    for name in ("profile", "reviewer_profile"):
        assert _related(compiled.medical_reviewer, name) == _related(
            orm.medical_reviewer, name
        )
    with CaptureQueriesContext(connection) as queries:
        topics = [model_to_dict(topic) for topic in compiled.topics.all()]
        options = [model_to_dict(option) for option in compiled.poll.options.all()]
    assert len(queries) == 0  # prefetched, as the ORM's are
    assert topics == [model_to_dict(topic) for topic in orm.topics.all()]
    assert options == [model_to_dict(option) for option in orm.poll.options.all()]


def read_both(viewer, slug, browser_key=""):
    orm = get_object_or_404(readable_articles(viewer, browser_key), slug=slug)
    return article_for_page(viewer, browser_key, slug), orm


def test_a_member_who_voted_reads_the_same_article(article, member):
    option = article.poll.options.last()
    polls.cast_vote(article.poll, option=option, member=member)
    compiled, orm = read_both(member, article.slug)
    assert compiled.viewers_vote_option_id == option.pk
    assert_same(compiled, orm)


def test_a_member_who_did_not_vote_reads_the_same_article(article, member):
    compiled, orm = read_both(member, article.slug)
    assert compiled.viewers_vote_option_id is None
    assert_same(compiled, orm)


def test_a_visitor_whose_browser_voted_reads_the_same_article(article):
    option = article.poll.options.first()
    polls.cast_vote(
        article.poll, option=option, browser_key=BROWSER_KEY, visitor_key="address"
    )
    compiled, orm = read_both(AnonymousUser(), article.slug, BROWSER_KEY)
    assert compiled.viewers_vote_option_id == option.pk
    assert_same(compiled, orm)
    other_browser, _ = read_both(AnonymousUser(), article.slug, "another-browser")
    assert other_browser.viewers_vote_option_id is None


def test_a_visitor_without_a_vote_reads_the_same_article(article):
    compiled, orm = read_both(AnonymousUser(), article.slug)
    assert_same(compiled, orm)


def test_the_published_other_language_version_comes_with_the_article(
    article, editor, medical_reviewer, member
):
    translation = translations.start_translation(article, editor=editor, language="es")
    translation.title = "Empezar la buprenorfina"
    publishing.save_article(translation, editor=editor)
    publishing.submit_for_review(translation, editor=editor)
    publishing.approve_article(translation, reviewer=medical_reviewer, notes="Fiel.")
    compiled, orm = read_both(member, article.slug)
    assert compiled.other_version_slug == translation.slug
    assert_same(compiled, orm)


def test_a_draft_is_missing_for_a_member_and_readable_by_its_editor(editor, member):
    draft = make_draft(editor, title="Not yet reviewed")
    with pytest.raises(Http404):
        article_for_page(member, "", draft.slug)
    with pytest.raises(Http404):
        article_for_page(AnonymousUser(), "", draft.slug)
    assert article_for_page(editor, "", draft.slug) == draft


def test_a_missing_slug_is_missing(member):
    with pytest.raises(Http404):
        article_for_page(member, "", "no-such-article")
    with pytest.raises(Http404):
        article_for_page(AnonymousUser(), BROWSER_KEY, "no-such-article")


def test_the_compiled_prefetches_are_the_ones_pages_ask_for():
    assert Article.objects.for_page()._prefetch_related_lookups == (
        "topics",
        "poll__options",
    )


def test_an_article_without_a_poll_or_topics_reads_the_same(
    editor, medical_reviewer, member
):
    plain = make_published(editor, medical_reviewer, title="Plain")
    compiled, orm = read_both(member, plain.slug)
    assert compiled.poll_or_none() is None
    assert _fields(compiled) == _fields(orm)
    assert list(compiled.topics.all()) == []
