"""A visitor's article page found valid in Redis is kept in the app process and
served from there with no round trip, for exactly as long as the process hears no
change to its versions (community/version_watch.py): a change announced by any
app server, a lost subscription or a silent Redis all end it at once.

Needs a Redis server (CI has one); skipped without it unless
REQUIRE_TWO_SERVER_TESTS is set, when it fails instead.
"""

import gzip
import logging
import os
import socket
import time
import urllib.parse
import uuid

import pytest
import redis
from django.core.cache import cache, caches
from django.test import Client, override_settings

from articles import caching
from articles.tests.factories import make_poll, make_published
from community import early_answers, version_watch
from community.cache import RedisCache
from forum import actions
from forum.caching import conversation_version_key

from .test_page_cache import visit

REDIS_URL = os.environ.get("TWO_SERVER_REDIS_URL", "redis://127.0.0.1:6379/14")

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache():
    """The site's cache on a real Redis, under a prefix of its own."""
    parts = urllib.parse.urlsplit(REDIS_URL)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), 1).close()
    except OSError:
        if os.environ.get("REQUIRE_TWO_SERVER_TESTS"):
            pytest.fail(f"needs Redis at {REDIS_URL}")
        pytest.skip(f"needs Redis at {REDIS_URL}")
    prefix = f"kept-pages-{uuid.uuid4().hex}"
    backend = {
        "BACKEND": "community.timed_cache.TimedRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
    }
    with override_settings(CACHES={"default": backend}):
        yield caches["default"]
        cache.clear()
        version_watch.trusted_generation()  # lets go of this cache's channel


@pytest.fixture
def redis_reads(redis_cache, monkeypatch):
    """How many times pages and versions are asked of Redis (calls go through)."""
    asked = []
    ask = type(redis_cache).get_many

    def counted(backend, *args, **kwargs):
        asked.append(args)
        return ask(backend, *args, **kwargs)

    monkeypatch.setattr(type(redis_cache), "get_many", counted)
    return asked


@pytest.fixture
def article(editor, medical_reviewer):
    article = make_published(editor, medical_reviewer, title="Sleep and recovery")
    make_poll(article)
    return article


def kept_in_the_process(url):
    """Visit until the page is kept here: rendered, found in Redis, then heard
    about (the subscription answers a PING within a moment)."""
    for _attempt in range(50):
        visit(url)
        if caching._kept_here and version_watch.trusted_generation() is not None:
            return
        time.sleep(0.01)
    raise AssertionError("the page was never kept in the process")


def another_server(redis_cache):
    """The same cache as another app server builds it: its own client and pool."""
    return RedisCache(REDIS_URL, {"KEY_PREFIX": redis_cache.key_prefix})


def test_a_kept_page_is_served_without_asking_redis(article, redis_reads):
    url = article.get_absolute_url()
    kept_in_the_process(url)
    asked_before = len(redis_reads)

    html, queries = visit(url)

    assert queries == 0
    assert len(redis_reads) == asked_before
    assert "Join the Conversation" in html


def test_a_change_announced_by_another_server_is_heard_before_the_next_page(
    article, member, redis_cache
):
    url = article.get_absolute_url()
    kept_in_the_process(url)
    assert "so far" not in visit(url)[0]
    # Another server takes a post and bumps the version. (Here the post's own bump
    # waits for a commit that never comes: this process hears nothing of it.)
    actions.post_comment(article.conversation, author=member, body="Elsewhere")
    another_server(redis_cache).bump(conversation_version_key(article.conversation_id))
    time.sleep(0.05)  # on its way over loopback, as between two app servers

    html, queries = visit(url)

    assert queries > 0
    assert "(1 post so far)" in html


def test_a_lost_subscription_serves_nothing_kept(article, redis_reads, caplog):
    url = article.get_absolute_url()
    kept_in_the_process(url)
    redis.Redis.from_url(REDIS_URL).client_kill_filter(_type="pubsub")
    time.sleep(0.05)
    asked_before = len(redis_reads)

    with caplog.at_level(logging.WARNING, logger="community.version_watch"):
        visit(url)

    assert len(redis_reads) > asked_before  # asked Redis, as before keeping
    assert not caching._kept_here
    assert "Version changes unheard" in caplog.text


def test_a_silent_subscription_is_not_trusted(article, redis_reads, monkeypatch):
    url = article.get_absolute_url()
    kept_in_the_process(url)
    # Redis's answer to the last PING is older than the process will trust.
    monkeypatch.setattr(version_watch, "TRUST_SECONDS", -1.0)
    asked_before = len(redis_reads)

    visit(url)

    assert len(redis_reads) > asked_before


def test_clearing_the_cache_forgets_kept_pages(article, redis_cache):
    url = article.get_absolute_url()
    kept_in_the_process(url)

    cache.clear()

    assert not caching._kept_here
    assert visit(url)[1] > 0


def test_the_subscription_is_pinged_twice_a_second_at_most(
    article, redis_cache, monkeypatch
):
    url = article.get_absolute_url()
    kept_in_the_process(url)
    pings = []
    ping = redis.client.PubSub.ping

    def counted(pubsub, *args, **kwargs):
        pings.append(time.monotonic())
        return ping(pubsub, *args, **kwargs)

    monkeypatch.setattr(redis.client.PubSub, "ping", counted)
    started = time.monotonic()
    for _visit in range(20):
        visit(url)
    seconds = time.monotonic() - started

    assert len(pings) <= 1 + seconds / version_watch.PING_EVERY_SECONDS


def test_a_kept_page_goes_out_gzipped_once_and_unpacks_to_the_page(
    article, redis_cache
):
    url = article.get_absolute_url()
    kept_in_the_process(url)
    plain, _ = visit(url)
    browser = Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    responses = [browser.get(url) for _ in range(2)]

    (kept,) = caching._kept_here.values()
    (deflated,) = kept.markup._deflated.values()
    for response in responses:
        assert response["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.content).decode() == plain
        assert deflated.head in response.content  # spliced, not compressed again


# --- Answered before the middleware that reads sessions (community/early_answers.py)


def went_the_whole_way(response):
    """The authentication middleware ran: the request has a user."""
    return hasattr(response.wsgi_request, "user")


def answered_early(url, client=None):
    """Visit until the page is answered early (kept in the process, then kept
    here); then one visit that goes the whole way, and one answered early."""
    client = client or Client()
    for _attempt in range(50):
        if not went_the_whole_way(client.get(url)):
            break
        time.sleep(0.01)
    else:
        raise AssertionError("the page was never answered early")
    early_answers._kept.clear()
    whole_way = client.get(url)
    early = client.get(url)
    assert went_the_whole_way(whole_way)
    assert not went_the_whole_way(early)
    return whole_way, early


def test_a_visitors_kept_page_is_answered_before_the_session(article, redis_cache):
    url = article.get_absolute_url()
    whole_way, early = answered_early(url)

    assert early.status_code == 200
    assert early.content == whole_way.content
    assert not hasattr(early.wsgi_request, "session")
    assert early.wsgi_request.resolver_match.view_name == "articles:article_detail"


def test_an_early_answer_has_the_headers_of_the_whole_way(article, redis_cache):
    whole_way, early = answered_early(article.get_absolute_url())

    differ = {"X-Request-ID"}
    assert {k: v for k, v in early.items() if k not in differ} == {
        k: v for k, v in whole_way.items() if k not in differ
    }
    assert early["Cache-Control"].startswith("public")
    assert early["Content-Language"] == "en"


def test_a_member_is_never_answered_early(article, redis_cache, member):
    url = article.get_absolute_url()
    answered_early(url)
    signed_in = Client()
    signed_in.force_login(member)

    response = signed_in.get(url)

    assert went_the_whole_way(response)
    assert response.wsgi_request.user == member
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "cookie",
    [
        "sessionid",  # a session, even one that signs nobody in
        "messages",  # a flash message waiting
        caching.VOTER_COOKIE,  # a poll voter sees the results
    ],
)
def test_a_visitor_with_a_cookie_of_their_own_goes_the_whole_way(
    article, redis_cache, cookie
):
    url = article.get_absolute_url()
    answered_early(url)
    visitor = Client()
    visitor.cookies[cookie] = "something"

    assert went_the_whole_way(visitor.get(url))


def test_a_voters_visit_leaves_the_early_answer_to_everyone_else(article, redis_cache):
    url = article.get_absolute_url()
    answered_early(url)
    voter = Client()
    voter.cookies[caching.VOTER_COOKIE] = "something"
    voter.get(url)

    assert not went_the_whole_way(Client().get(url))


def test_a_query_string_or_another_method_goes_the_whole_way(article, redis_cache):
    url = article.get_absolute_url()
    answered_early(url)

    assert went_the_whole_way(Client().get(url, {"utm_source": "newsletter"}))
    assert went_the_whole_way(Client().head(url))


def test_an_unknown_host_is_refused_as_before(article, redis_cache):
    url = article.get_absolute_url()
    answered_early(url)

    assert Client(HTTP_HOST="attacker.example").get(url).status_code == 400


def test_each_language_is_answered_with_its_own_page(article, redis_cache):
    url = article.get_absolute_url()
    answered_early(url)
    spanish_reader = Client(HTTP_ACCEPT_LANGUAGE="es")

    _, spanish = answered_early(url, spanish_reader)

    assert '<html lang="es">' in spanish.content.decode()
    assert spanish["Content-Language"] == "es"
    Client().get(url)  # English kept again (answered_early forgot every page)
    english = Client().get(url)
    assert not went_the_whole_way(english)
    assert '<html lang="en">' in english.content.decode()
    assert not went_the_whole_way(spanish_reader.get(url))  # both kept at once


def test_a_change_heard_ends_the_early_answer(article, member, redis_cache):
    url = article.get_absolute_url()
    answered_early(url)
    actions.post_comment(article.conversation, author=member, body="Elsewhere")
    another_server(redis_cache).bump(conversation_version_key(article.conversation_id))
    time.sleep(0.05)  # on its way over loopback, as between two app servers

    response = Client().get(url)

    assert went_the_whole_way(response)
    assert "(1 post so far)" in response.content.decode()


def test_an_early_answer_goes_out_gzipped_once(article, redis_cache):
    url = article.get_absolute_url()
    whole_way, _ = answered_early(url)
    browser = Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    browser.get(url)

    response = browser.get(url)

    assert not went_the_whole_way(response)
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == whole_way.content
