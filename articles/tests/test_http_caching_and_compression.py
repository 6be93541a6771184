"""Pages are gzipped; only visitors' public pages may sit in a shared cache;
robots.txt names the sitemap and keeps crawlers off private paths."""

import gzip
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Topic
from articles.tests.factories import make_draft, make_poll, make_published
from community.tests.urlwalk import page_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(editor, medical_reviewer):
    article = make_published(editor, medical_reviewer, title="Naloxone basics")
    make_poll(article)
    return article


def cache_control(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def varies_on(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_visitors_public_pages_may_be_kept_briefly_by_a_shared_cache(article):
    for url in [
        article.get_absolute_url(),
        "/articles/",
        "/articles/topics/",
        "/",
        "/articles/feed/",
        "/sitemap.xml",
        "/robots.txt",
    ]:
        response = Client().get(url)
        assert cache_control(response) == {
            "public",
            "max-age=60",
            "stale-while-revalidate=300",
        }, url
        assert {"cookie", "accept-language", "accept-encoding"} <= varies_on(response)
        assert not response.cookies


def test_a_cached_article_page_is_public_too(article):
    Client().get(article.get_absolute_url())
    again = Client().get(article.get_absolute_url())
    assert "public" in cache_control(again)


def test_members_get_private_no_store_on_public_pages(client, member, article):
    client.force_login(member)
    for url in [article.get_absolute_url(), "/articles/", "/"]:
        assert cache_control(client.get(url)) == {"private", "no-store"}, url


def test_every_page_a_member_sees_is_private_no_store(client, member, url_samples):
    client.force_login(member)
    for name, url in page_urls(url_samples):
        response = client.get(url)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        assert {"private", "no-store"} <= cache_control(response), name


def test_a_visitors_page_that_sets_a_cookie_is_not_public(article):
    # The form hands out a CSRF token: that page belongs to this browser alone.
    asking = Client().get(reverse("forum:question_create"))
    assert "csrftoken" in asking.cookies
    assert cache_control(asking) == {"private", "no-store"}
    # A vote leaves a flash message and the voter's cookie: their page is their own.
    voter = Client()
    url = article.get_absolute_url()
    voter.post(
        f"{url}poll/",
        {"option": article.poll.options.first().pk},
        HTTP_ORIGIN="http://testserver",
    )
    assert cache_control(voter.get(url)) == {"private", "no-store"}


def test_search_results_are_not_public(article):
    response = Client().get("/search/", {"q": "naloxone"})
    assert "public" not in cache_control(response)


def test_pages_are_gzipped_with_random_padding_and_keep_their_headers(article):
    url = article.get_absolute_url()
    plain = Client().get(url)
    assert "Content-Encoding" not in plain
    assert "script-src 'self'" in plain["Content-Security-Policy"]
    sizes = set()
    for _ in range(6):
        response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert response["Content-Encoding"] == "gzip"
        sizes.add(len(response.content))
        html = gzip.decompress(response.content).decode()
        assert "Naloxone basics" in html
        assert html == plain.content.decode()
        assert response["Content-Security-Policy"] == plain["Content-Security-Policy"]
        assert "public" in cache_control(response)
    # Heal The Breach: the length of the same page differs from one response to
    # the next, so its size can't be used to guess a secret in it.
    assert len(sizes) > 1


def robots_rules(text):
    rules = []
    for line in text.splitlines():
        field, _, value = line.partition(":")
        if field in {"Allow", "Disallow"}:
            rules.append((field, value.strip()))
    return rules


def crawlable(rules, path):
    """Longest matching rule wins, as Google and RFC 9309 read robots.txt."""
    matching = [(len(value), field) for field, value in rules if path.startswith(value)]
    return not matching or max(matching)[1] == "Allow"


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_off_private_paths(
    article, member
):
    response = Client().get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text.splitlines()
    assert Client().get("/sitemap.xml").status_code == 200
    rules = robots_rules(text)
    for private in [
        reverse("forum:feed"),
        reverse("forum:moderation_queue"),
        reverse("forum:notifications"),
        reverse("forum:question_list"),
        reverse("forum:visitor_question", args=["a-private-token"]),
        reverse("community:profile_detail", args=[member.pk]),
        reverse("community:profile_edit"),
        reverse("articles:editorial_dashboard"),
        reverse("articles:search") + "?q=naloxone",
        reverse("account_login"),
        "/admin/",
    ]:
        assert not crawlable(rules, private), private
    for public in [
        article.get_absolute_url(),
        "/articles/",
        "/articles/topics/",
        reverse("forum:question_create"),
        "/help/",
    ]:
        assert crawlable(rules, public), public


@pytest.fixture
def topics(article, editor):
    overdose = Topic.objects.create(name="Overdose", slug="overdose")
    Topic.objects.create(name="Sleep", slug="sleep")
    article.topics.add(overdose)
    make_draft(editor, title="Unpublished draft").topics.add(overdose)
    return overdose


def test_topics_index_lists_every_topic_with_its_published_article_count(topics):
    response = Client().get("/articles/topics/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/articles/topics/overdose/"' in html
    assert 'href="/articles/topics/sleep/"' in html
    assert re.search(r"Overdose</a>\s*<span[^>]*>1 article<", html)
    assert re.search(r"Sleep</a>\s*<span[^>]*>0 articles<", html)


def queries_for(url):
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries)


def test_topics_index_costs_the_same_queries_however_many_topics(topics):
    few = queries_for("/articles/topics/")
    for number in range(5):
        Topic.objects.create(name=f"Topic {number}", slug=f"topic-{number}")
    assert queries_for("/articles/topics/") == few


def test_sitemap_lists_the_topics_index(topics):
    assert "/articles/topics/</loc>" in Client().get("/sitemap.xml").content.decode()
