"""The site on a real PostgreSQL primary and a streaming hot standby as its replica.

The fixture makes both clusters in a temporary directory (initdb, then
pg_basebackup from the primary), on their own ports, so the machine's own server
is untouched. It pauses the standby's replay to make replication lag as long as a
test needs: what a page shows then tells which server it was read from.

Skipped where PostgreSQL's server binaries are missing, unless
REQUIRE_REPLICA_TESTS is set (CI), when it fails instead. (It lives in articles
because it exercises the whole site, articles included.)
"""

import contextlib
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest

from articles.tests.test_two_app_servers import Browser, free_port, wait_until_up

REPO = Path(__file__).resolve().parents[2]
DATABASE = "site"
# conftest.TEST_PASSWORD, hashed by the server's own (production) hasher
PASSWORD = "a-long-test-password"

pytestmark = pytest.mark.browser  # a real server, like the browser tests

SEED = """
import sys
import django
django.setup()
from django.conf import settings
settings.FORUM_RATE_LIMITS = dict.fromkeys(settings.FORUM_RATE_LIMITS, (10**6, 1))
settings.FORUM_HOLD_FIRST_POSTS = 0  # the earlier updates count as approved
from conftest import make_member
from community.models import User
from community.permissions import Role
from articles.tests.factories import make_published, make_poll
from forum.tests.factories import make_update
MEMBERS = [("member@example.com", "Wren"), ("other@example.com", "Marlow")]
if sys.argv[1] == "site":
    editor = make_member("editor@example.com", "Rowan Page", role=Role.EDITOR)
    reviewer = make_member(
        "reviewer@example.com", "Avery Chen", role=Role.MEDICAL_REVIEWER,
        credentials="PharmD",
    )
    for email, name in MEMBERS:
        member = make_member(email, name)
        for number in range(2):  # the site holds a new member's first posts
            make_update(member, body=f"Earlier update {number}")
    article = make_published(editor, reviewer, title="Sleep in early recovery")
    make_poll(article)
else:
    article = make_published(
        User.objects.get(email="editor@example.com"),
        User.objects.get(email="reviewer@example.com"),
        title=sys.argv[1],
    )
print(article.slug, article.conversation_id)
"""


def postgres_bin_dir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_basebackup"))
    return Path(found[-1]).parent if found else None


def requirement_missing():
    if postgres_bin_dir() is None:
        return "needs PostgreSQL's server binaries (initdb, pg_ctl, pg_basebackup)"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "runs PostgreSQL as the postgres user and needs runuser"
    return None


class Cluster:
    """One PostgreSQL server in a directory of its own, run as a non-root user."""

    def __init__(self, bin_dir, directory, port):
        self.bin_dir, self.directory, self.port = bin_dir, directory, port
        self.url = f"postgres://postgres@127.0.0.1:{port}/{DATABASE}"

    def run(self, program, *args):
        command = [str(self.bin_dir / program), *args]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True)  # noqa: S603

    def start(self):
        options = (
            f"-p {self.port} -k {self.directory.parent} "
            "-c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on"
        )
        self.run(
            "pg_ctl", "-D", str(self.directory), "-l", f"{self.directory}.log",
            "-o", options, "-w", "start",
        )  # fmt: skip

    def stop(self):
        self.run("pg_ctl", "-D", str(self.directory), "-m", "fast", "-w", "stop")

    def query(self, sql, *params, database=DATABASE):
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=database,
            autocommit=True, connect_timeout=5,
        ) as connection:  # fmt: skip
            cursor = connection.execute(sql, params)
            return cursor.fetchone()[0] if cursor.description else None


@pytest.fixture(scope="module")
def clusters():
    missing = requirement_missing()
    if missing:
        if os.environ.get("REQUIRE_REPLICA_TESTS"):
            pytest.fail(missing)
        pytest.skip(missing)
    bin_dir = postgres_bin_dir()
    root = Path(tempfile.mkdtemp(prefix="replica-test-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    primary = Cluster(bin_dir, root / "primary", free_port())
    standby = Cluster(bin_dir, root / "standby", free_port())
    try:
        primary.run(
            "initdb", "-D", str(primary.directory), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        primary.start()
        primary.query(f"CREATE DATABASE {DATABASE}", database="postgres")
        standby.run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port),
            "-U", "postgres", "-D", str(standby.directory), "-R", "-X", "stream",
        )  # fmt: skip
        standby.start()
        assert standby.query("SELECT pg_is_in_recovery()") is True
        yield primary, standby
    finally:
        for cluster in (standby, primary):
            # Never started, or already stopped: nothing to stop.
            with contextlib.suppress(subprocess.CalledProcessError):
                cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def site(clusters):
    """gunicorn serving the site: DATABASE_URL the primary, the replica the standby."""
    primary, standby = clusters
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": primary.url,
        "DATABASE_REPLICA_URL": standby.url,
        "DATABASE_REPLICA_RETRY_SECONDS": "0",  # back on the replica as soon as it is
        "SECRET_KEY": "replica-test-" + "x" * 40,
        "TASKS_BACKEND": "immediate",
        "DJANGO_SETTINGS_MODULE": "community.settings",
    }
    for name in ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=REPO, env=env, check=True)  # noqa: S603
    slug, conversation_id = seed(env, "site").split()
    port = free_port()
    log_path = primary.directory.parent / "gunicorn.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(  # noqa: S603 - our own gunicorn, our own app
            [
                str(Path(sys.executable).with_name("gunicorn")), "community.wsgi",
                "--bind", f"127.0.0.1:{port}", "--workers", "1",
                "--log-level", "warning",
            ],
            cwd=REPO, env=env, stderr=log,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        wait_for_replay(primary, standby)
        yield Site(base, slug, conversation_id, primary, standby, env, log_path)
    finally:
        server.terminate()
        server.wait(timeout=10)


class Site:
    def __init__(self, base, slug, conversation_id, primary, standby, env, log_path):
        self.base, self.slug, self.conversation_id = base, slug, conversation_id
        self.primary, self.standby = primary, standby
        self.env, self.log_path = env, log_path

    @property
    def article_url(self):
        # A query string skips the visitors' page cache: every view reads the database.
        return f"{self.base}/articles/{self.slug}/?read={uuid.uuid4().hex[:6]}"

    def publish(self, title):
        seed(self.env, title)


def seed(env, what):
    """The site's first rows ("site"), or one more published article (its title)."""
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SEED, what],
        cwd=REPO, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def wait_for_replay(primary, standby, seconds=30):
    target = primary.query("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if standby.query("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", target):
            return
        time.sleep(0.1)
    raise AssertionError("the standby did not catch up")


class replication_paused:
    """The standby keeps serving reads but applies nothing new: a long lag."""

    def __init__(self, site):
        self.site = site

    def __enter__(self):
        wait_for_replay(self.site.primary, self.site.standby)
        self.site.standby.query("SELECT pg_wal_replay_pause()")

    def __exit__(self, *exc):
        self.site.standby.query("SELECT pg_wal_replay_resume()")
        wait_for_replay(self.site.primary, self.site.standby)


def sign_in(site, email="member@example.com"):
    member = Browser()
    status, html = member.post(
        f"{site.base}/accounts/login/",
        {"login": email, "password": PASSWORD},
        referer=f"{site.base}/accounts/login/",
    )
    assert status == 200
    assert "are not correct" not in html
    return member


def comment(site, member, body):
    status, _ = member.post(
        f"{site.base}/conversations/{site.conversation_id}/post/",
        {"body": body},
        referer=f"{site.base}/articles/{site.slug}/",
    )
    assert status == 200


def vote(site, visitor):
    """A visitor's poll vote: no CSRF token on cached pages, the Origin instead."""
    page = visitor.get(f"{site.base}/articles/{site.slug}/")[1]
    option = re.search(r'name="option" value="(\d+)"', page).group(1)
    request = urllib.request.Request(  # noqa: S310 - the URL we built
        f"{site.base}/articles/{site.slug}/poll/",
        data=urllib.parse.urlencode({"option": option}).encode(),
        headers={"Origin": site.base},
    )
    with visitor.opener.open(request, timeout=10) as response:
        assert response.status == 200


def posts_so_far(article_page):
    shown = re.search(r"\((\d+) posts? so far\)", article_page)
    return int(shown.group(1)) if shown else 0


def posts_on(cluster, body):
    return cluster.query("SELECT count(*) FROM forum_post WHERE body = %s", body)


def test_a_members_post_lands_on_the_primary_and_they_see_it_at_once(site):
    member = sign_in(site)
    with replication_paused(site):
        comment(site, member, "Written while the replica lags")
        assert posts_on(site.primary, "Written while the replica lags") == 1
        assert posts_on(site.standby, "Written while the replica lags") == 0
        # Read from the primary: the replica does not have it yet.
        assert "Written while the replica lags" in member.get(site.article_url)[1]


def test_visitors_article_page_search_and_feed_read_the_replica(site):
    # Another member: the site's real rate limits space one member's posts.
    member, visitor = sign_in(site, "other@example.com"), Browser()
    before = posts_so_far(visitor.get(site.article_url)[1])
    with replication_paused(site):
        comment(site, member, "Not on the replica yet")
        site.publish("Naloxone at home")
        # Visitors see how many posts an article's conversation has, not the posts.
        assert posts_so_far(visitor.get(site.article_url)[1]) == before
        assert "Naloxone at home" not in visitor.get(f"{site.base}/articles/feed/")[1]
        search = f"{site.base}/search/?q=naloxone"
        assert "Naloxone at home" not in visitor.get(search)[1]
        assert "Naloxone at home" in member.get(search)[1]  # members: the primary
        sitemap = visitor.get(f"{site.base}/sitemap.xml")[1]
        assert "/sleep-in-early-recovery/" in sitemap
        assert "/naloxone-at-home/" not in sitemap
    # Caught up: the same pages now show both.
    assert posts_so_far(visitor.get(site.article_url)[1]) == before + 1
    assert "Naloxone at home" in visitor.get(f"{site.base}/articles/feed/")[1]
    assert "/naloxone-at-home/" in visitor.get(f"{site.base}/sitemap.xml")[1]


def test_a_visitor_who_voted_reads_the_primary_for_a_while(site):
    voter, other = Browser(), Browser()
    with replication_paused(site):
        vote(site, voter)
        votes = site.primary.query("SELECT count(*) FROM articles_pollvote")
        assert votes == site.standby.query("SELECT count(*) FROM articles_pollvote") + 1
        assert "wrote_recently" in {cookie.name for cookie in voter.jar}
        # The replica does not have the new article; the voter's reads do.
        site.publish("Talking to family")
        feed = f"{site.base}/articles/feed/"
        assert "Talking to family" in voter.get(feed)[1]
        assert "Talking to family" not in other.get(feed)[1]


def test_an_unreachable_replica_falls_back_to_the_primary(site):
    visitor = Browser()
    site.standby.stop()
    try:
        site.publish("Returning to work")
        status, page = visitor.get(f"{site.base}/articles/feed/")
        assert status == 200
        assert "Returning to work" in page
        assert visitor.get(site.article_url)[0] == 200
        assert "Read replica unreachable" in site.log_path.read_text()
    finally:
        site.standby.start()
    wait_for_replay(site.primary, site.standby)
    assert "Returning to work" in visitor.get(f"{site.base}/articles/feed/")[1]
