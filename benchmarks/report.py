"""The benchmark's endpoints, their targets (issue 17) and the printed table."""

import os
import sqlite3
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection


@dataclass
class Endpoint:
    name: str
    path: str
    signed_in: bool = True
    posts: bool = False
    # Targets: query count, and ms for the 1-connection run's median and p95.
    max_queries: int | None = None
    median_ms: float | None = None
    p95_ms: float | None = None
    min_floor_ratio: float | None = None
    queries: int | None = None
    missing: str = ""  # why it could not be measured
    latency: dict = field(default_factory=dict)
    load: dict = field(default_factory=dict)

    @property
    def script(self):
        return "post.lua" if self.posts else "get.lua"

    def misses(self, floor_rps):
        found = []
        if self.max_queries is not None and (self.queries or 0) > self.max_queries:
            found.append(f"{self.queries} queries > {self.max_queries}")
        for key, limit in [("p50_ms", self.median_ms), ("p95_ms", self.p95_ms)]:
            if limit is not None and self.latency[key] >= limit:
                label = "median" if key == "p50_ms" else "p95"
                found.append(f"{label} {self.latency[key]:.1f} ms ≥ {limit:g} ms")
        if self.min_floor_ratio is not None and floor_rps:
            ratio = self.rps / floor_rps
            if ratio < self.min_floor_ratio:
                found.append(f"{ratio:.2f}x floor < {self.min_floor_ratio:.2f}x")
        return found

    @property
    def rps(self):
        return self.load["requests"] / self.load["seconds"] if self.load else 0.0

    @property
    def errors(self):
        return sum(
            run.get(key, 0)
            for run in (self.latency, self.load)
            for key in ("server_errors", "unexpected", "socket_errors")
        )

    @property
    def refused(self):
        return self.latency.get("refused", 0) + self.load.get("refused", 0)


def machine_line(*, workers, seconds, connections):
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    else:
        database = f"SQLite {sqlite3.sqlite_version}"
    if settings.REDIS_URL:
        cache = "Redis cache and cached_db sessions"
    else:
        cache = (
            "no Redis: local-memory cache, so each gunicorn worker has its own "
            "page cache and rate-limit counters (fine for a local run)"
        )
    return (
        f"{cpu}, {os.cpu_count()} cores · {database} · {cache}\n"
        f"gunicorn {workers} sync workers, DEBUG=0 · wrk {seconds} s per run: "
        f"latency with 1 connection, req/s with 2 threads x {connections} "
        "connections · queries counted in-process (2nd request)"
    )


def table(endpoints, floor):
    header = (
        f"{'endpoint':<34}{'queries':>8}{'median':>9}{'p95':>9}{'p99':>9}"
        f"{'req/s':>9}{'errors':>8}{'refused':>9}{'vs floor':>10}"
    )
    lines = [header, "-" * len(header)]
    for endpoint in [*endpoints, floor]:
        if endpoint.missing:
            lines.append(f"{endpoint.name:<34}  n/a: {endpoint.missing}")
            continue
        lat = endpoint.latency
        ratio = endpoint.rps / floor.rps if floor.rps else 0
        lines.append(
            f"{endpoint.name:<34}{endpoint.queries:>8}"
            f"{lat['p50_ms']:>7.1f}ms{lat['p95_ms']:>7.1f}ms{lat['p99_ms']:>7.1f}ms"
            f"{endpoint.rps:>9.1f}{endpoint.errors:>8}{endpoint.refused:>9}"
            f"{ratio:>9.2f}x"
        )
    return "\n".join(lines)
