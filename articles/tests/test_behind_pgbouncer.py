"""The site works behind PgBouncer in transaction mode (DATABASE_POOL_MODE, README
"Behind PgBouncer"): migrations, the demo seed, reading, posting, search and a
moderator's approval (select_for_update) all run through a real PgBouncer, in
their own processes (articles/tests/pgbouncer_walk.py). And without the setting,
the same server-side cursor breaks: the setting is what makes it work.

Needs pgbouncer (Debian's package) and PostgreSQL at 127.0.0.1:5432; skipped
without them unless REQUIRE_PGBOUNCER_TESTS is set (CI), when it fails instead.
(It lives in articles because it exercises the whole site, articles included.)
"""

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured

from community.settings import database_from_url

REPO = Path(__file__).resolve().parents[2]
UPSTREAM = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
CONFIG = """\
[databases]
* = host={host} port={port}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {listen_port}
unix_socket_dir =
auth_type = trust
auth_file = {directory}/users.txt
pool_mode = transaction
server_round_robin = 1
default_pool_size = 8
max_client_conn = 100
logfile = {directory}/pgbouncer.log
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def missing_requirement():
    if not (shutil.which("pgbouncer") or os.path.exists("/usr/sbin/pgbouncer")):
        return "pgbouncer is missing (apt-get install pgbouncer)"
    try:
        psycopg.connect(dbname="postgres", connect_timeout=3, **UPSTREAM).close()
    except psycopg.Error as error:
        return f"needs PostgreSQL at 127.0.0.1:5432 ({error})"
    return None


def start_pgbouncer(directory):
    """PgBouncer in the foreground, as the postgres user when we are root (it
    refuses to run as root)."""
    port = free_port()
    (directory / "pgbouncer.ini").write_text(
        CONFIG.format(listen_port=port, directory=directory, **UPSTREAM)
    )
    (directory / "users.txt").write_text(f'"{UPSTREAM["user"]}" ""\n')
    command = [shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"]
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        for path in [directory, *directory.iterdir()]:
            os.chown(path, owner.pw_uid, owner.pw_gid)
        command = ["runuser", "-u", "postgres", "--", *command]
    process = subprocess.Popen(  # noqa: S603 - pgbouncer, our config
        [*command, str(directory / "pgbouncer.ini")],
        start_new_session=True,  # its own group, so runuser and pgbouncer both stop
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, port
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    log = directory / "pgbouncer.log"
    stop(process)
    pytest.fail(f"pgbouncer did not start: {log.read_text() if log.exists() else ''}")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=15)


def admin(statement):
    with psycopg.connect(dbname="postgres", autocommit=True, **UPSTREAM) as conn:
        conn.execute(statement)


@pytest.fixture(scope="module")
def bounced_site():
    """A fresh database, migrated and seeded through PgBouncer; yields the
    environment for manage.py and the walk to reach it through PgBouncer."""
    missing = missing_requirement()
    if missing:
        if os.environ.get("REQUIRE_PGBOUNCER_TESTS"):
            pytest.fail(missing)
        pytest.skip(missing)
    directory = Path(tempfile.mkdtemp(prefix="pgbouncer-"))
    name = f"pgbouncer_walk_{uuid.uuid4().hex[:12]}"
    admin(f'CREATE DATABASE "{name}"')
    process, port = start_pgbouncer(directory)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DEBUG="1",
        DJANGO_SETTINGS_MODULE="community.settings",
        DATABASE_URL=f"postgres://{UPSTREAM['user']}@127.0.0.1:{port}/{name}",
        DATABASE_POOL_MODE="transaction",
        TASKS_BACKEND="immediate",
    )
    try:
        run(env, "manage.py", "migrate", "--no-input")
        run(env, "manage.py", "seed_demo")
        yield env
    finally:
        stop(process)
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(directory, ignore_errors=True)


def run(env, *args, check=True):
    result = subprocess.run(  # noqa: S603 - our own manage.py and modules
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check:
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    return result


def test_reading_posting_search_and_moderation_work_through_pgbouncer(bounced_site):
    walked = run(bounced_site, "-m", "articles.tests.pgbouncer_walk", "walk")
    assert "done through PgBouncer" in walked.stdout


def test_without_the_pool_mode_setting_a_server_side_cursor_breaks(bounced_site):
    without = {**bounced_site, "DATABASE_POOL_MODE": "session"}
    broken = run(without, "-m", "articles.tests.pgbouncer_walk", "iterate", check=False)
    assert broken.returncode != 0
    # InvalidCursorName: portal "_django_curs_..." does not exist (psycopg describes
    # the cursor just declared: already on another server connection)
    missing_cursor = re.search(
        r'InvalidCursorName: (cursor|portal) "\w+" does not exist', broken.stderr
    )
    assert missing_cursor, broken.stderr[-3000:]
    fixed = run(bounced_site, "-m", "articles.tests.pgbouncer_walk", "iterate")
    assert "done through PgBouncer" in fixed.stdout


def test_transaction_pool_mode_turns_off_server_side_cursors_and_prepares(
    monkeypatch,
):
    monkeypatch.setenv("DATABASE_POOL_MODE", "transaction")
    database = database_from_url(
        "postgres://app@pgbouncer:6432/community?sslmode=require&prepare_threshold=5"
    )
    assert database["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert database["OPTIONS"] == {"sslmode": "require", "prepare_threshold": None}


def test_without_a_pooler_statements_are_bound_and_prepared_by_the_server(
    monkeypatch,
):
    monkeypatch.delenv("DATABASE_POOL_MODE", raising=False)
    database = database_from_url("postgres://app@db:5432/community?sslmode=require")
    assert "DISABLE_SERVER_SIDE_CURSORS" not in database
    assert database["OPTIONS"] == {
        "sslmode": "require",
        "server_side_binding": True,
        "prepare_threshold": 5,
    }


def test_an_unknown_pool_mode_is_refused(monkeypatch):
    monkeypatch.setenv("DATABASE_POOL_MODE", "statement")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_POOL_MODE"):
        database_from_url("postgres://app@db:5432/community")
