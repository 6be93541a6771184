"""Two gunicorn servers on one PostgreSQL and one Redis behave as one site.

(It lives in articles because it exercises the whole site, articles included.)

Runs where PostgreSQL and Redis are available (CI has both); elsewhere it is
skipped, unless REQUIRE_TWO_SERVER_TESTS is set, when it fails instead.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from articles.tests.factories import make_poll, make_published
from community import settings as project_settings
from forum.tests.factories import make_update

REPO = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TWO_SERVER_REDIS_URL", "redis://127.0.0.1:6379/14")

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def redis_is_up():
    parts = urllib.parse.urlsplit(REDIS_URL)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def requirement_missing():
    if connection.vendor != "postgresql":
        return "needs PostgreSQL (set DATABASE_URL)"
    if not redis_is_up():
        return f"needs Redis at {REDIS_URL}"
    return None


@pytest.fixture
def two_servers():
    missing = requirement_missing()
    if missing:
        if os.environ.get("REQUIRE_TWO_SERVER_TESTS"):
            pytest.fail(missing)
        pytest.skip(missing)
    database = settings.DATABASES["default"]
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"two-servers-{uuid.uuid4().hex[:8]}",
        "SECRET_KEY": "shared-by-both-servers-" + "x" * 40,
        "TASKS_BACKEND": "immediate",
        "DJANGO_SETTINGS_MODULE": "community.settings",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    servers, bases = [], []
    for _ in range(2):
        port = free_port()
        servers.append(
            subprocess.Popen(  # noqa: S603 - our own gunicorn, our own app
                [
                    str(Path(sys.executable).with_name("gunicorn")),
                    "community.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--log-level",
                    "warning",
                ],
                cwd=REPO,
                env=env,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base in bases:
            wait_until_up(base)
        yield bases
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=10)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(base, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/help/", timeout=10)  # noqa: S310
            return
        except OSError:  # refused while booting, or a slow first request
            time.sleep(0.2)
    raise AssertionError(f"{base} did not start")


class Browser:
    """A cookie jar shared across both servers, like one person's browser."""

    def __init__(self):
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )

    def get(self, url):
        try:
            with self.opener.open(url, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post(self, url, data, referer):
        _, page = self.get(referer)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(  # noqa: S310 - http URLs we build
            url, data=body, headers={"Referer": referer}
        )
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def sign_in(browser, base, user):
    # The servers use the production hashers, not the tests' fast MD5 one.
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    ):
        user.set_password("a-long-test-password")
    user.save(update_fields=["password"])
    status, html = browser.post(
        f"{base}/accounts/login/",
        {"login": user.email, "password": "a-long-test-password"},
        referer=f"{base}/accounts/login/",
    )
    assert status == 200
    assert "are not correct" not in html
    assert "sessionid" in {cookie.name for cookie in browser.jar}


def test_a_session_made_on_one_server_works_on_the_other(two_servers, member):
    one, other = two_servers
    browser = Browser()
    sign_in(browser, one, member)
    status, html = browser.get(f"{other}/community/")
    assert status == 200
    assert "Share an update" in html  # signed in: the composer, not the invitation


def test_a_post_made_on_one_server_appears_on_the_other(two_servers, member):
    one, other = two_servers
    browser = Browser()
    sign_in(browser, one, member)
    status, _ = browser.post(
        f"{one}/community/post/",
        {"body": "Posted through the first server"},
        referer=f"{one}/community/",
    )
    assert status == 200
    assert "Posted through the first server" in browser.get(f"{other}/community/")[1]


def test_a_cached_page_is_invalidated_on_both(
    two_servers, member, editor, medical_reviewer
):
    article = make_published(editor, medical_reviewer, title="Shared cache")
    make_poll(article)
    one, other = two_servers
    path = article.get_absolute_url()
    visitor = Browser()
    for base in (one, other):
        assert "so far" not in visitor.get(f"{base}{path}")[1]  # now cached on both
    for number in range(2):  # the servers hold a new member's first posts
        make_update(member, body=f"Earlier update {number}")
    writer = Browser()
    sign_in(writer, one, member)
    writer.post(
        f"{one}/conversations/{article.conversation_id}/post/",
        {"body": "A comment"},
        referer=f"{one}{path}",
    )
    for base in (one, other):
        assert "(1 post so far)" in visitor.get(f"{base}{path}")[1]


def test_a_rate_limit_counts_across_both(two_servers):
    one, other = two_servers
    # The servers run the project's real limits (this process's tests relax them).
    allowed, _period = project_settings.FORUM_RATE_LIMITS["visitor_search"]
    assert allowed <= 50  # a bounded loop
    visitor = Browser()
    statuses = [
        visitor.get(f"{(one, other)[n % 2]}/search/?q=sleep")[0] for n in range(allowed)
    ]
    assert statuses == [200] * allowed
    assert visitor.get(f"{one}/search/?q=sleep")[0] == 429
    assert visitor.get(f"{other}/search/?q=sleep")[0] == 429
