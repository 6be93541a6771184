"""Cache backends whose operations are timed for /metrics.

Only the outermost call counts: a backend's get_many may call its own get.
"""

import contextvars
import functools
import time

from django.core.cache.backends.locmem import LocMemCache

from community.cache import RedisCache
from community.metrics import CACHE_SECONDS

TIMED_OPERATIONS = (
    "get",
    "set",
    "add",
    "delete",
    "touch",
    "incr",
    "count_up_many",
    "bump",
    "decr",
    "has_key",
    "get_many",
    "set_many",
    "delete_many",
    "clear",
)
_inside_operation = contextvars.ContextVar("inside_cache_operation", default=False)


def _timed(operation, method):
    histogram = CACHE_SECONDS.labels(operation)

    @functools.wraps(method)
    def timed(self, *args, **kwargs):
        if _inside_operation.get():
            return method(self, *args, **kwargs)
        token = _inside_operation.set(True)
        started = time.perf_counter()
        try:
            return method(self, *args, **kwargs)
        finally:
            histogram.observe(time.perf_counter() - started)
            _inside_operation.reset(token)

    return timed


def timed(backend_class):
    """A subclass of `backend_class` whose operations are timed."""
    methods = {
        name: _timed(name, getattr(backend_class, name))
        for name in TIMED_OPERATIONS
        if hasattr(backend_class, name)
    }
    return type(f"Timed{backend_class.__name__}", (backend_class,), methods)


TimedLocMemCache = timed(LocMemCache)
TimedRedisCache = timed(RedisCache)
