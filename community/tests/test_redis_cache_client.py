"""The Redis cache builds one redis-py client per connection pool, not one per call
(Django's own backend builds one per call, ~0.15 ms each: see community/cache.py).

Needs a Redis server (CI has one); skipped without it unless
REQUIRE_TWO_SERVER_TESTS is set, when it fails instead.
"""

import os
import socket
import urllib.parse
import uuid

import pytest
import redis

from community.cache import RedisCache

REDIS_URL = os.environ.get("TWO_SERVER_REDIS_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def built_clients(monkeypatch):
    """Every redis-py client built while the test runs."""
    built = []
    build = redis.Redis.__init__

    def counting_build(client, *args, **kwargs):
        built.append(client)
        build(client, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting_build)
    return built


@pytest.fixture
def redis_cache(built_clients):
    parts = urllib.parse.urlsplit(REDIS_URL)
    address = (parts.hostname, parts.port or 6379)
    try:
        socket.create_connection(address, timeout=1).close()
    except OSError:
        if os.environ.get("REQUIRE_TWO_SERVER_TESTS"):
            pytest.fail(f"needs Redis at {REDIS_URL}")
        pytest.skip(f"needs Redis at {REDIS_URL}")
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": f"client-test-{uuid.uuid4().hex}"})
    yield cache
    cache.delete_many([f"key-{n}" for n in range(20)])
    for client in built_clients:
        client.connection_pool.disconnect()  # no socket left for the GC to warn about


def test_many_cache_calls_build_one_redis_client(redis_cache, built_clients):
    for n in range(20):
        redis_cache.set(f"key-{n}", n)
    assert [redis_cache.get(f"key-{n}") for n in range(20)] == list(range(20))
    assert redis_cache.incr("key-3") == 4
    assert len(built_clients) == 1


def test_a_counter_starts_at_one_and_lasts_its_period(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache.count_up_many([("key-5", 60)]) == [1]
    assert redis_cache.count_up_many([("key-5", 60)]) == [2]
    assert redis_cache.get("key-5") == 2
    assert 0 < client.ttl(redis_cache.make_key("key-5")) <= 60
    assert redis_cache.count_up_many([("key-6", None)]) == [1]
    assert client.ttl(redis_cache.make_key("key-6")) == -1  # a version: no expiry


@pytest.fixture
def pipelines_sent(monkeypatch):
    """The length of each pipeline sent to Redis (each is one round trip)."""
    sent = []
    execute = redis.client.Pipeline.execute

    def counting_execute(pipeline, *args, **kwargs):
        sent.append(len(pipeline))
        return execute(pipeline, *args, **kwargs)

    monkeypatch.setattr(redis.client.Pipeline, "execute", counting_execute)
    return sent


def test_several_counters_count_up_in_one_round_trip(redis_cache, pipelines_sent):
    """A post counts against two rate limits: both in one pipeline, each with its
    own period, whether the key was there or not."""
    client = redis_cache._cache.get_client(write=True)
    redis_cache.count_up_many([("key-7", 60)])
    pipelines_sent.clear()  # the first count, made before
    counts = redis_cache.count_up_many([("key-7", 60), ("key-8", 10), ("key-9", None)])
    assert counts == [2, 1, 1]
    assert len(pipelines_sent) == 1
    assert 0 < client.ttl(redis_cache.make_key("key-8")) <= 10
    assert client.ttl(redis_cache.make_key("key-9")) == -1


def test_a_bump_counts_up_and_is_announced_in_one_round_trip(
    redis_cache, pipelines_sent
):
    listener = redis.Redis.from_url(REDIS_URL).pubsub()
    listener.subscribe(redis_cache.versions_channel)
    assert listener.get_message(timeout=1)["type"] == "subscribe"
    redis_cache.bump("key-10")
    redis_cache.bump("key-10")

    assert redis_cache.get("key-10") == 2
    assert len(pipelines_sent) == 2  # one round trip each
    heard = [listener.get_message(timeout=1) for _bump in range(2)]
    assert [message["data"] for message in heard] == [b"key-10", b"key-10"]
    listener.close()
