"""The shared cache: version counters any app can bump, and Django's Redis cache
made to reuse one redis-py client per connection pool and to survive Redis going
away.

Django builds a new `redis.Redis` client for every cache call, and redis-py 8 sets
up ~170 response callbacks in each one (~0.15 ms). A cached article page makes two
cache calls, so that set-up was a third of its time. Clients are thread-safe and
share the pool's connections, so one per pool is enough.

When Redis can't be reached, the site keeps serving: every read is a miss and every
write is dropped (sessions then come from the database: cached_db). Sockets time out
after 0.25 s, and after a failure this process skips Redis for `retry_after` seconds
(5 by default, OPTIONS can change it), so a dead Redis costs a request nothing, and
the first call after that tries again: the site recovers by itself when Redis is
back. One warning is logged when it goes, one a minute while it stays away, and one
when it is back. Callers that must know (rate limits, which fail closed for posting)
count inside `outages_raised()`.
"""

import contextlib
import contextvars
import logging
import threading
import time
from urllib.parse import urlsplit, urlunsplit

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoClient
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from community.version_watch import FORGET_ALL, changed_here

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
WARN_EVERY_SECONDS = 60
DEFAULT_POOL_OPTIONS = {
    # A dead or partitioned Redis must not stall a request for seconds.
    "socket_connect_timeout": 0.25,
    "socket_timeout": 0.25,
    # No retries: the circuit below decides when to try again.
    "retry": Retry(NoBackoff(), 0),
}


class CacheUnavailable(Exception):
    """The shared cache can't be reached, and the caller asked to be told."""


_outages_raised = contextvars.ContextVar("cache_outages_raised", default=False)


@contextlib.contextmanager
def outages_raised():
    """Inside this, a cache call raises CacheUnavailable instead of missing."""
    token = _outages_raised.set(True)
    try:
        yield
    finally:
        _outages_raised.reset(token)


class Outage:
    """One Redis server as this process sees it: skipped for `retry_after` seconds
    after a failure, and logged sparingly. Shared by threads (a cache backend is
    built per thread); races only cost an extra try or log line."""

    def __init__(self, server, retry_after):
        self.server = server
        self.retry_after = retry_after
        self.skip_until = 0.0
        self.down_since = None
        self.last_warned = -WARN_EVERY_SECONDS
        self._lock = threading.Lock()

    def skipping(self) -> bool:
        return time.monotonic() < self.skip_until

    def failed(self, error) -> None:
        now = time.monotonic()
        with self._lock:
            self.skip_until = now + self.retry_after
            first = self.down_since is None
            if first:
                self.down_since = now
            warn = now - self.last_warned >= WARN_EVERY_SECONDS
            if warn:
                self.last_warned = now
        if warn:
            logger.warning(
                "Redis cache at %s %s (%s): serving without it (cache misses, "
                "sessions from the database, posting refused by rate limits); "
                "retrying every %s s.",
                self.server,
                "unreachable" if first else "still unreachable",
                error,
                self.retry_after,
            )

    def succeeded(self) -> None:
        if self.down_since is None:
            return
        with self._lock:
            if self.down_since is None:
                return
            away = time.monotonic() - self.down_since
            self.down_since = None
            self.last_warned = -WARN_EVERY_SECONDS
        logger.warning("Redis cache at %s is back after %.1f s.", self.server, away)


_outages: dict[str, Outage] = {}


def outage_for(server, retry_after) -> Outage:
    shown = without_password(str(server))
    return _outages.setdefault(shown, Outage(shown, retry_after))


def without_password(url) -> str:
    """The server's address for the log: never its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


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


def _missing():
    raise ValueError("The cache is unavailable; the key counts as missing.")


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        options = {**DEFAULT_POOL_OPTIONS, **params.get("OPTIONS", {})}
        self.retry_after = options.pop("retry_after", 5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = RedisCacheClient
        self._outage = outage_for(server, self.retry_after)
        # Where bumps are announced (community/version_watch.py). Channels are
        # server-wide, so the name holds the database and the key prefix.
        database = urlsplit(self._servers[0]).path.strip("/") or "0"
        self.versions_channel = f"versions-changed:{database}:{self.make_key('')}"

    def outage_skipping(self) -> bool:
        return self._outage.skipping()

    def versions_client(self):
        """The client whose pool lends the version subscription its connection."""
        return self._cache.get_client(write=True)

    def bump(self, key):
        """INCR `key` and announce it on `versions_channel`: one round trip."""
        made = self.make_and_validate_key(key)
        client = self._cache.get_client(made, write=True)

        def bumped():
            pipe = client.pipeline(transaction=True)
            pipe.incr(made)
            pipe.publish(self.versions_channel, key)
            pipe.execute()

        self._tolerant(bumped, _missing)

    def _tolerant(self, call, fallback):
        """`call()`, or, while Redis is unreachable, `fallback()`."""
        if not self._outage.skipping():
            try:
                result = call()
            except OUTAGE_ERRORS as error:
                self._outage.failed(error)
            else:
                self._outage.succeeded()
                return result
        if _outages_raised.get():
            raise CacheUnavailable(self._outage.server)
        return fallback()

    def add(self, *args, **kwargs):
        # "Stored", then lost at once, as a cache may lose anything. A False here
        # would read as "someone holds this" to code using add() as a lock (allauth's
        # sign-in limits do: they'd refuse every sign-in after waiting a second).
        return self._tolerant(
            lambda: super(RedisCache, self).add(*args, **kwargs), lambda: True
        )

    def get(self, key, default=None, version=None):
        return self._tolerant(
            lambda: super(RedisCache, self).get(key, default, version),
            lambda: default,
        )

    def set(self, *args, **kwargs):
        self._tolerant(lambda: super(RedisCache, self).set(*args, **kwargs), bool)

    def touch(self, *args, **kwargs):
        return self._tolerant(
            lambda: super(RedisCache, self).touch(*args, **kwargs), bool
        )

    def delete(self, *args, **kwargs):
        return self._tolerant(
            lambda: super(RedisCache, self).delete(*args, **kwargs), bool
        )

    def get_many(self, *args, **kwargs):
        return self._tolerant(
            lambda: super(RedisCache, self).get_many(*args, **kwargs), dict
        )

    def has_key(self, *args, **kwargs):
        return self._tolerant(
            lambda: super(RedisCache, self).has_key(*args, **kwargs), bool
        )

    def incr(self, *args, **kwargs):
        # A counter that can't be reached is missing: callers then `set`, a no-op.
        return self._tolerant(
            lambda: super(RedisCache, self).incr(*args, **kwargs), _missing
        )

    def count_up_many(self, keys_and_timeouts):
        """See `count_up_many` below: every key in one round trip, instead of
        three or four each."""
        made = [(self.make_and_validate_key(k), t) for k, t in keys_and_timeouts]
        # Writes all go to the first server (Django's client), so one pipeline.
        client = self._cache.get_client(made[0][0], write=True)

        def counted():
            pipe = client.pipeline(transaction=True)
            counts_at = []
            for key, timeout in made:
                if timeout is not None:  # INCR alone starts a missing key at 0
                    pipe.set(key, 0, ex=self.get_backend_timeout(timeout), nx=True)
                counts_at.append(len(pipe))
                pipe.incr(key)
            results = pipe.execute()
            return [results[place] for place in counts_at]

        return self._tolerant(counted, _missing)

    def set_many(self, *args, **kwargs):
        return self._tolerant(
            lambda: super(RedisCache, self).set_many(*args, **kwargs), list
        )

    def delete_many(self, *args, **kwargs):
        self._tolerant(
            lambda: super(RedisCache, self).delete_many(*args, **kwargs), bool
        )

    def clear(self):
        def cleared():
            result = super(RedisCache, self).clear()
            self.versions_client().publish(self.versions_channel, FORGET_ALL)
            return result

        changed_here(FORGET_ALL)
        return self._tolerant(cleared, bool)


def count_up(key: str, timeout=None) -> int:
    """One more under `key`, which starts at 0 (kept `timeout` seconds, or until
    evicted) when missing. On Redis in one round trip. Raises ValueError if the
    cache is unavailable."""
    return count_up_many([(key, timeout)])[0]


def count_up_many(keys_and_timeouts) -> list[int]:
    """`count_up` for each (key, timeout), on Redis all in one round trip: a post
    counts against two rate limits."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        return backend.count_up_many(keys_and_timeouts)
    return [_count_up_elsewhere(backend, k, t) for k, t in keys_and_timeouts]


def _count_up_elsewhere(backend, key, timeout) -> int:
    if timeout is not None:
        backend.add(key, 0, timeout=timeout)
    try:
        return backend.incr(key)
    except ValueError:  # not there (expired or evicted since)
        backend.set(key, 1, timeout=timeout)
        return 1


def bump(key: str) -> None:
    """Move a version counter on; pages stored with the old version go stale.

    Kept in the shared cache (Redis in production), so every app server sees it,
    and announced (community/version_watch.py), so every app server hears it.
    Any new value invalidates, so a counter evicted and started again will do.
    """
    backend = caches["default"]
    with contextlib.suppress(ValueError):
        if isinstance(backend, RedisCache):
            backend.bump(key)
        else:
            count_up(key)
    changed_here(key)


def read_versions(keys: list[str]) -> list[int]:
    """The counters' current values (0 for one never bumped), in one round trip."""
    found = cache.get_many(keys)
    return [found.get(key, 0) for key in keys]
