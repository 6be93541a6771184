"""The Redis cache builds one redis-py client per connection pool, not per call."""

from community.cache import RedisCache


def test_cache_calls_share_one_client():
    # Clients connect lazily: nothing here needs a Redis server.
    client = RedisCache("redis://127.0.0.1:6379/15", {})._cache
    first = client.get_client("a")
    assert client.get_client("b") is first
    assert client.get_client("c", write=True) is first  # one server: one pool
