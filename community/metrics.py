"""Prometheus metrics: requests, database and cache timings, and gauges that each
app computes at scrape time (queue depths, oldest waits).

Counters and histograms live per process unless PROMETHEUS_MULTIPROC_DIR is set
(gunicorn: see the README); the scrape-time gauges are read from the database, so
any one process answers them for all.
"""

import contextvars
import os
import time
from collections.abc import Callable, Iterable

from django.db.models import Count, Min
from django.utils import timezone
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

PREFIX = "steadyground"
FAST = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)

REQUESTS = Counter(
    f"{PREFIX}_http_requests",
    "Requests answered, by route name, method and status.",
    ["view", "method", "status"],
)
REQUEST_SECONDS = Histogram(
    f"{PREFIX}_http_request_duration_seconds",
    "Time to answer a request, by route name and method.",
    ["view", "method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
QUERIES_PER_REQUEST = Histogram(
    f"{PREFIX}_db_queries_per_request",
    "Database queries one request made, by route name.",
    ["view"],
    buckets=(0, 1, 2, 5, 10, 20, 50, 100, 200),
)
QUERY_SECONDS = Histogram(
    f"{PREFIX}_db_query_duration_seconds",
    "Time of one database query, by connection alias.",
    ["alias"],
    buckets=FAST,
)
CACHE_SECONDS = Histogram(
    f"{PREFIX}_cache_operation_duration_seconds",
    "Time of one cache operation, by operation.",
    ["operation"],
    buckets=FAST,
)


# --- Requests and queries ----------------------------------------------------------


class QueryCount:
    def __init__(self):
        self.count = 0
        self._token = _current_count.set(self)

    def finish(self) -> int:
        _current_count.reset(self._token)
        return self.count


_current_count = contextvars.ContextVar("query_count", default=None)


def count_queries() -> QueryCount:
    """Counts this request's queries until `finish()`."""
    return QueryCount()


def observe_request(view, method, status, seconds, queries):
    REQUESTS.labels(view, method, str(status)).inc()
    REQUEST_SECONDS.labels(view, method).observe(seconds)
    QUERIES_PER_REQUEST.labels(view).observe(queries)


def time_queries(alias):
    histogram = QUERY_SECONDS.labels(alias)

    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            histogram.observe(time.perf_counter() - started)
            counter = _current_count.get()
            if counter is not None:
                counter.count += 1

    wrapper.times_queries = True
    return wrapper


def time_every_connections_queries(sender, connection, **kwargs):
    """connection_created receiver: each new connection's queries are timed."""
    if not any(getattr(w, "times_queries", False) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(time_queries(connection.alias))


# --- Scrape-time gauges --------------------------------------------------------------

_collectors: list[Callable[[], Iterable[GaugeMetricFamily]]] = []


def register_collector(collect: Callable[[], Iterable[GaugeMetricFamily]]) -> None:
    """Apps add gauges computed at each scrape (from their AppConfig.ready()).

    Community can't read the apps above it; they register here instead.
    """
    if collect not in _collectors:
        _collectors.append(collect)


class _ScrapeTimeGauges:
    def collect(self):
        for collect in _collectors:
            yield from collect()


def age_seconds(oldest) -> float:
    return 0.0 if oldest is None else (timezone.now() - oldest).total_seconds()


def task_queue_gauges():
    """Tasks waiting for the worker: how many, and how long the oldest has waited."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready().aggregate(
        count=Count("id"), oldest=Min("enqueued_at")
    )
    depth = GaugeMetricFamily(
        f"{PREFIX}_task_queue_depth", "Tasks ready and waiting for the worker."
    )
    depth.add_metric([], waiting["count"])
    age = GaugeMetricFamily(
        f"{PREFIX}_task_oldest_ready_age_seconds",
        "How long the oldest ready task has waited (0 when none).",
    )
    age.add_metric([], age_seconds(waiting["oldest"]))
    return [depth, age]


register_collector(task_queue_gauges)


def exposition() -> bytes:
    """The text a scrape gets: this process's (or all workers') series, then the
    gauges computed now."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        processes = CollectorRegistry()
        MultiProcessCollector(processes)
    else:
        processes = REGISTRY
    gauges = CollectorRegistry(auto_describe=False)
    gauges.register(_ScrapeTimeGauges())
    return generate_latest(processes) + generate_latest(gauges)
