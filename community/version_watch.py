"""Version counters' changes, heard as they happen, so that a process can use what
it kept without asking Redis on every request.

Pages kept for visitors are valid while the version counters they were stored
with are unchanged (articles/caching.py). Asking Redis for those counters is one
round trip a request, which cost a kept page about half its time. Instead, every
bump (community/cache.py) also publishes the bumped key, in the same round trip,
and each process holds one subscription. Before it uses anything kept in its own
memory it reads what has arrived on that subscription: a poll of the socket, no
round trip. A bump Redis announced before the request began is always seen, on
every app server, as Redis's own client-side caching would see it (which needs
Redis 7.4; production runs 7.0).

The subscription is trusted only while it is known to be alive: subscribed, and
Redis has answered a PING sent within the last TRUST_SECONDS (one is sent,
without waiting for the answer, at most every PING_EVERY_SECONDS while requests
come; answers arrive in order after every announcement made before them). An error, a
reconnection (a new subscription confirmed) or silence makes the process forget
everything it kept this way; it then asks Redis as before, and subscribes again
after the cache's retry interval. So a lost connection never serves a stale
page; a silently dead one (no error, no answer) at most for TRUST_SECONDS.

Only with the Redis cache backend: elsewhere nothing is trusted, and callers ask
their cache as usual.
"""

import collections
import contextlib
import logging
import os
import threading
import time

from django.core.cache import caches

logger = logging.getLogger(__name__)

TRUST_SECONDS = 2.0
PING_EVERY_SECONDS = 0.5
UNANSWERED_PINGS = 20  # then the subscription counts as lost
FORGET_ALL = "*"  # published by a cache clear: every version may have changed


class _Watch:
    """This process's subscription to the version changes (one per process)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._listeners = []
        self._pid = None
        self._channel = None
        self._pubsub = None
        self._retry_at = 0.0
        self._pings = collections.deque()  # when each unanswered PING was sent
        self._pinged_at = 0.0  # when the last PING was sent
        self._answered_at = 0.0  # when the last PING Redis answered was sent
        self.generation = 0  # moves on with every change heard and every reset

    def trusted_generation(self) -> int | None:
        """What has been heard so far, applied; then the generation to keep things
        under, or None when nothing kept may be used now."""
        backend = caches["default"]
        channel = getattr(backend, "versions_channel", None)
        if channel is None:
            return None
        with self._lock:
            try:
                return self._trusted(backend, channel)
            except Exception as error:  # any failure means: don't trust it
                self._reset(error, retry_after=backend.retry_after)
                return None

    def _trusted(self, backend, channel):
        now = time.monotonic()
        if self._pid != os.getpid():  # a forked worker: its parent's socket isn't its
            self._pubsub, self._pid = None, os.getpid()
            self._changed(FORGET_ALL)
        if channel != self._channel:  # another cache (tests make several)
            self._reset(None, retry_after=0)
            self._channel = channel
        if self._pubsub is None:
            if now < self._retry_at or backend.outage_skipping():
                return None
            self._subscribe(backend, channel)
        self._read_arrivals()
        if now - self._pinged_at >= PING_EVERY_SECONDS:
            if len(self._pings) >= UNANSWERED_PINGS:
                raise ConnectionError(f"{UNANSWERED_PINGS} PINGs unanswered")
            self._pubsub.ping()
            self._pings.append(now)
            self._pinged_at = now
        # Alive when Redis answered: all it announced before then has been read.
        if now - self._answered_at > TRUST_SECONDS:
            return None
        return self.generation

    def _subscribe(self, backend, channel):
        self._pubsub = backend.versions_client().pubsub()
        self._pubsub.subscribe(channel)
        self._pings.clear()
        self._answered_at = self._pinged_at = 0.0

    def _read_arrivals(self):
        while (message := self._pubsub.get_message(timeout=0)) is not None:
            kind = message["type"]
            if kind == "pong" and self._pings:
                self._answered_at = self._pings.popleft()
            elif kind == "subscribe":
                # (Re)subscribed: whatever was announced before may be missed.
                self._changed(FORGET_ALL)
            elif kind == "message":
                self._changed(message["data"].decode())

    def _reset(self, error, *, retry_after):
        """Forget everything and unsubscribe; `error` (None: the cache changed) is
        logged if it broke a subscription."""
        pubsub, self._pubsub = self._pubsub, None
        # (A failed subscribe is logged as the cache's outage.)
        if pubsub is not None and error is not None:
            logger.warning(
                "Version changes unheard (%s): kept pages are asked of Redis "
                "again until the subscription is back.",
                error,
            )
        self._retry_at = time.monotonic() + retry_after
        self._changed(FORGET_ALL)
        if pubsub is not None:
            with contextlib.suppress(Exception):  # closing a broken socket
                pubsub.close()

    def _changed(self, key):
        self.generation += 1
        for listener in self._listeners:
            listener(key)

    def changed_here(self, key):
        """This process bumped `key`: forget at once what depends on it."""
        with self._lock:
            self._changed(key)


_watch = _Watch()


def trusted_generation() -> int | None:
    return _watch.trusted_generation()


def generation() -> int:
    """Compared with trusted_generation()'s answer before keeping something: a
    change heard in between means it may already be stale."""
    return _watch.generation


def on_change(listener) -> None:
    """`listener(key)` is called for each version key that changed (FORGET_ALL:
    any may have), in this process or announced by another."""
    _watch._listeners.append(listener)


def changed_here(key) -> None:
    _watch.changed_here(key)
