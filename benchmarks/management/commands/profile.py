"""Where each benchmark page's warm request spends its time.

    DATABASE_URL=... [REDIS_URL=...] manage.py profile [--requests 20] [--html DIR]

`make profile` sets DATABASE_URL (var/profile.sqlite3 unless given), creates and
migrates the database and runs this. It seeds the benchmark community at a small
scale (the same 5,000-post article and 500-post conversation, fewer members and
feed posts) unless one is there, then requests `make bench`'s endpoints in-process
with Django's test client and production's switches (DEBUG off, tasks queued in
the database), splitting each warm request into middleware, view, queries, cards
and rendering (benchmarks/breakdown.py). pyinstrument then profiles a few more
requests per endpoint for the hot spots (benchmarks/hotspots.py) and, with
`--html`, a page per endpoint. Timings are printed, never asserted.
"""

import functools
import os
import re
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings

from benchmarks import breakdown, hotspots, seed
from benchmarks.management.commands.bench import LIMITED_ACTIONS
from benchmarks.management.commands.bench import Command as Bench
from community.limits import reset_rate_limits
from community.models import User

SMALL = seed.Scale(members=300, posts=10_000, other_articles=1, other_article_posts=500)
WARM_UP = 3
# What a browser asks for (benchmarks/wrk/members.lua too): pages are gzipped.
ACCEPT_ENCODING = "gzip, deflate, br, zstd"


class Command(BaseCommand):
    help = "Split each benchmark page's warm request into where its time goes."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=20, help="per endpoint")
        parser.add_argument(
            "--profiled", type=int, default=10, help="pyinstrument requests each"
        )
        parser.add_argument("--hotspots", type=int, default=5, help="0: none")
        parser.add_argument("--html", type=Path, help="pyinstrument pages go here")
        parser.add_argument("--posts", type=int, default=SMALL.posts)
        parser.add_argument("--members", type=int, default=SMALL.members)

    def handle(self, *args, **options):
        if not os.environ.get("DATABASE_URL"):
            raise CommandError(
                "Set DATABASE_URL to a database for profiling (`make profile` uses "
                "var/profile.sqlite3), so your development data is never touched."
            )
        community = seed.existing()
        if community is None:
            scale = seed.Scale(
                members=options["members"],
                posts=options["posts"],
                other_articles=SMALL.other_articles,
                other_article_posts=SMALL.other_article_posts,
            )
            self.stdout.write(
                f"Seeding {scale.posts:,} posts, {scale.members:,} members…"
            )
            community = seed.seed(scale, log=self.stdout.write)
        seed.settle(log=self.stdout.write)
        endpoints, _floor = Bench().endpoints(community)
        report = profile(
            community,
            endpoints,
            requests=options["requests"],
            profiled=options["profiled"]
            if options["hotspots"] or options["html"]
            else 0,
            hotspot_count=options["hotspots"],
            html=options["html"],
        )
        self.stdout.write(report)


def profile(community, endpoints, *, requests, profiled=0, hotspot_count=0, html=None):
    """The printed breakdown (and hot spots) of `endpoints`, measured in-process."""
    runner = _Runner(community)
    rows, spots, sessions = [], [], []
    with production_switches(), warnings.catch_warnings():
        # WhiteNoise looks for STATIC_ROOT, which only collectstatic makes.
        warnings.filterwarnings("ignore", message="No directory at")
        for endpoint in endpoints:
            with (
                breakdown.measuring(settings.MIDDLEWARE) as chain,
                override_settings(MIDDLEWARE=chain),
            ):
                samples = runner.samples(endpoint, requests)
            if samples is None:  # the route is not there
                continue
            rows.append(breakdown.Row.from_samples(endpoint.name, samples))
            if not profiled:
                continue
            session = runner.profile(endpoint, profiled)
            sessions.append(session)
            found = hotspots.hot_spots(session, hotspot_count)
            spots.extend(hotspots.lines(endpoint.name, found))
            if html:
                write_page(html, endpoint.name, session)
    out = [setup_line(requests), breakdown.table(rows)]
    if spots and hotspot_count:
        out.append(
            f"Hot spots (pyinstrument, {profiled} requests each): time in our "
            "functions and the library code they call; database drivers, templates "
            "and Redis set apart"
        )
        out.extend(
            hotspots.lines("all endpoints together", combined(sessions, hotspot_count))
        )
        out.extend(spots)
    return "\n".join(out) + "\n"


@contextmanager
def production_switches():
    """What production runs with (DEBUG off, tasks queued in the database), on the
    test client's host, over plain HTTP."""
    with override_settings(
        DEBUG=False,
        ALLOWED_HOSTS=["testserver"],
        SECURE_SSL_REDIRECT=False,
        WHITENOISE_AUTOREFRESH=False,
        TASKS={"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}},
    ):
        yield


class _Runner:
    """Requests an endpoint as make bench does: a member (a different one for each
    update, as the rate limits want), or a visitor."""

    def __init__(self, community):
        self.member_ids = community.member_ids
        self.sent = 0

    def samples(self, endpoint, requests):
        client = Client(HTTP_ACCEPT_ENCODING=ACCEPT_ENCODING)
        breakdown.RequestTimer.samples = []
        for _ in range(WARM_UP + requests):
            if not self.request(client, endpoint):
                return None
        return breakdown.RequestTimer.samples[WARM_UP:]

    def profile(self, endpoint, requests):
        from pyinstrument import Profiler

        client = Client(HTTP_ACCEPT_ENCODING=ACCEPT_ENCODING)
        profiler = Profiler(interval=0.0002, async_mode="disabled")
        for _ in range(WARM_UP):
            self.request(client, endpoint)
        for _ in range(requests):
            self.prepare(client, endpoint)
            profiler.start()
            self.send(client, endpoint)
            profiler.stop()
        return profiler.last_session

    def request(self, client, endpoint):
        self.prepare(client, endpoint)
        response = self.send(client, endpoint)
        expected = 302 if endpoint.posts else 200
        if response.status_code == 404 and "/print/" in endpoint.path:
            return False
        if response.status_code != expected:
            raise CommandError(f"{endpoint.path} answered {response.status_code}")
        return True

    def prepare(self, client, endpoint):
        """Signed in as the right member, rate limits forgotten, before the timing.
        Visitors send no cookies, like wrk's."""
        if not endpoint.signed_in:
            client.cookies.clear()
            return
        member_id = self.member_ids[0]
        if endpoint.posts:
            self.sent += 1
            poster_ids = self.member_ids[1:] or self.member_ids
            member_id = poster_ids[self.sent % len(poster_ids)]
        if client.session.get("_auth_user_id") != str(member_id):
            client.force_login(User.objects.get(pk=member_id))
        reset_rate_limits([member_id], LIMITED_ACTIONS)

    def send(self, client, endpoint):
        if endpoint.posts:
            body = f"Profiling where the time goes ({time.time_ns()})."
            return client.post(endpoint.path, {"body": body, "picture_alt": ""})
        return client.get(endpoint.path)


def combined(sessions, limit):
    from pyinstrument.session import Session

    return hotspots.hot_spots(functools.reduce(Session.combine, sessions), limit)


def write_page(directory, name, session):
    from pyinstrument.renderers import HTMLRenderer

    directory.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    (directory / f"{slug}.html").write_text(HTMLRenderer().render(session))


def setup_line(requests):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    else:
        database = f"SQLite (Python's {connection.Database.sqlite_version})"
    cache = "Redis" if settings.REDIS_URL else "local-memory cache"
    middle = requests - 2 * (requests // 4)
    return (
        f"{database} · {cache} · in-process (Django's test client), DEBUG off · "
        f"ms of a warm request: median, then the middle {middle} of {requests} "
        "requests averaged part by part (the parts sum to `total`)"
    )
