"""Visitors' public pages read a replica; everything else reads the primary.

Active only when DATABASE_REPLICA_URL is set (settings then add the `replica`
alias, the router and the middleware). The rule, in one place:

- Writes always go to the primary (`default`), and so does every read after a
  write in the same request.
- Only views marked with `replica_for_visitors` (article pages, search, feeds,
  sitemaps) may read the replica, and only for a signed-out visitor's GET or HEAD.
- Signed-in members always read the primary. Their pages show their own posts,
  notifications and moderation state, on every device at once; visitors are the
  bulk of the traffic (public pages, crawlers, feed readers), so that is where the
  replica earns its keep.
- Read-your-writes for visitors who wrote (a poll vote, a question, a sign-up or
  sign-in): any POST (or other unsafe method) sets a short-lived cookie, and while
  it lasts (DATABASE_REPLICA_LAG_SECONDS) that browser reads the primary.
- A replica that cannot be reached is skipped, with a log line, for
  DATABASE_REPLICA_RETRY_SECONDS: pages are served from the primary, never a 500.

The session and the signed-in user are read before the view is chosen, so they
always come from the primary: a sign-in is never lost to replication lag.
"""

import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connections

PRIMARY = "default"
REPLICA = "replica"
RECENT_WRITE_COOKIE = "wrote_recently"
SAFE_METHODS = frozenset({"GET", "HEAD"})

logger = logging.getLogger(__name__)


@dataclass
class _Reads:
    alias: str = PRIMARY


_current = ContextVar("database_reads", default=None)
# Monotonic time until which the replica is not tried again, per process.
_replica_skipped_until = 0.0


def replica_for_visitors(view):
    """Mark a read-only public view whose visitors' reads may come from the replica."""
    view.replica_for_visitors = True
    return view


def read_primary():
    """The rest of this request reads the primary (e.g. a page just changed)."""
    reads = _current.get()
    if reads is not None:
        reads.alias = PRIMARY


def reading_replica() -> bool:
    reads = _current.get()
    return reads is not None and reads.alias == REPLICA


class ReplicaForVisitorReads:
    """Database router: the replica only where the middleware chose it."""

    def db_for_read(self, model, **hints):
        reads = _current.get()
        return reads.alias if reads is not None else PRIMARY

    def db_for_write(self, model, **hints):
        read_primary()  # read-your-writes within the request
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # One database, two doors: rows from either may refer to each other.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class ReadReplicaMiddleware:
    """Chooses the database a request reads; remembers a browser that just wrote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(_Reads())
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                RECENT_WRITE_COOKIE,
                "1",
                max_age=settings.DATABASE_REPLICA_LAG_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            getattr(view_func, "replica_for_visitors", False)
            and request.method in SAFE_METHODS
            and RECENT_WRITE_COOKIE not in request.COOKIES
            and not request.user.is_authenticated
            and _replica_is_reachable()
        ):
            _current.get().alias = REPLICA


def _replica_is_reachable() -> bool:
    global _replica_skipped_until
    if time.monotonic() < _replica_skipped_until:
        return False
    try:
        # Opens the connection, or checks a kept one (CONN_HEALTH_CHECKS): the
        # check the first query would make anyway, so no extra round trip.
        connections[REPLICA].cursor().close()
    except DatabaseError as error:
        retry = settings.DATABASE_REPLICA_RETRY_SECONDS
        _replica_skipped_until = time.monotonic() + retry
        logger.warning(
            "Read replica unreachable, reading the primary for %ss: %s",
            retry,
            (str(error).strip().splitlines() or [repr(error)])[0],
        )
        return False
    return True
