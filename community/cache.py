"""The shared cache: version counters any app can bump, and Django's Redis cache
reusing one redis-py client per connection pool.

Django builds a new `redis.Redis` client for every cache call, and redis-py 8 sets
up ~170 response callbacks in each one (~0.15 ms). A cached article page makes two
cache calls, so that set-up was a third of its time. Clients are thread-safe and
share the pool's connections, so one per pool is enough.
"""

from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoClient


class RedisCacheClient(DjangoClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            pool = self._get_connection_pool(write)
            self._clients[index] = self._client(connection_pool=pool)
        return self._clients[index]


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient


def bump(key: str) -> None:
    """Move a version counter on; pages stored with the old version go stale.

    Kept in the shared cache (Redis in production), so every app server sees it.
    """
    try:
        cache.incr(key)
    except ValueError:  # not there yet (or evicted): any new value invalidates
        cache.set(key, 1, timeout=None)


def read_versions(keys: list[str]) -> list[int]:
    """The counters' current values (0 for one never bumped), in one round trip."""
    found = cache.get_many(keys)
    return [found.get(key, 0) for key in keys]
