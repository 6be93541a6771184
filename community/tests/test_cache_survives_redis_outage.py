"""When Redis goes away the cache misses instead of failing, says so once, and
recovers by itself when Redis is back; the rate limits then refuse writing and
allow reading. Against a real redis-server (community/tests/redis_server.py)."""

import logging
import time

import pytest
from django.core.cache import cache
from django.test import override_settings

import community.cache
import community.limits
from community import settings as project_settings
from community.cache import CacheUnavailable, outages_raised, without_password
from community.limits import WHEN_UNCOUNTED, RateLimited, check_rate_limit
from community.tests.redis_server import private_redis_server

RETRY_AFTER = 0.5


@pytest.fixture
def redis_server():
    yield from private_redis_server()


@pytest.fixture
def redis_cache(redis_server, monkeypatch):
    # Each test meets Redis afresh: no outage or log line left by an earlier one.
    monkeypatch.setattr(community.cache, "_outages", {})
    monkeypatch.setattr(community.limits, "_last_logged_uncounted", {})
    caches = {
        "default": {
            "BACKEND": "community.cache.RedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"retry_after": RETRY_AFTER},
        }
    }
    with override_settings(CACHES=caches):
        yield cache


def wait_out_the_pause():
    time.sleep(RETRY_AFTER + 0.1)


def test_reads_miss_and_writes_are_dropped_quickly_while_redis_is_down(
    redis_cache, redis_server
):
    redis_cache.set("kept", "yes")
    redis_server.stop()
    started = time.monotonic()
    assert redis_cache.get("kept") is None
    assert redis_cache.get_many(["kept", "other"]) == {}
    redis_cache.set("kept", "again")
    assert redis_cache.add("new", 1) is True  # and lost at once
    assert redis_cache.get("new") is None
    with pytest.raises(ValueError, match="unavailable"):
        redis_cache.incr("kept")
    redis_cache.delete_many(["kept"])
    # One short socket timeout at most; the calls after it skip Redis.
    assert time.monotonic() - started < 1


def test_the_cache_works_again_when_redis_is_back(redis_cache, redis_server):
    redis_server.stop()
    assert redis_cache.get("key") is None
    redis_server.start()
    wait_out_the_pause()
    redis_cache.set("key", "value")
    assert redis_cache.get("key") == "value"


def test_one_warning_when_redis_goes_and_one_when_it_is_back(
    redis_cache, redis_server, caplog
):
    redis_cache.get("key")
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="community.cache"):
        for _ in range(3):
            redis_cache.get("key")
            wait_out_the_pause()  # each pause ends with another failed try
        redis_server.start()
        redis_cache.get("key")
        redis_cache.get("key")
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 2, lines
    assert "unreachable" in lines[0]
    assert "serving without it" in lines[0]
    assert "is back" in lines[1]


def test_callers_that_must_know_are_told(redis_cache, redis_server):
    redis_server.stop()
    with outages_raised(), pytest.raises(CacheUnavailable):
        redis_cache.incr("counter")
    with outages_raised(), pytest.raises(CacheUnavailable):
        redis_cache.add("counter", 0)  # skipped now, still told


@pytest.mark.rate_limits
def test_while_redis_is_down_posting_is_refused_and_reading_allowed(
    redis_cache, redis_server, member, caplog
):
    check_rate_limit(member, "update")  # counted while Redis is up
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="community.limits"):
        with pytest.raises(RateLimited) as refused:
            check_rate_limit(member, "update")
        check_rate_limit(member, "search")
        check_rate_limit("a-visitor-key", "visitor_search")
    assert "Please try again in a moment" in refused.value.message
    assert any("'update'" in r.getMessage() for r in caplog.records)
    redis_server.start()
    wait_out_the_pause()
    check_rate_limit(member, "update")


def test_every_rate_limit_says_what_happens_when_nothing_counts():
    assert set(WHEN_UNCOUNTED) == set(project_settings.FORUM_RATE_LIMITS)


def test_the_log_never_shows_the_redis_password():
    shown = without_password("redis://app:s3cret@cache.internal:6379/0")
    assert shown == "redis://app:***@cache.internal:6379/0"
