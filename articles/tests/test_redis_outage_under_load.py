"""The site keeps serving while Redis is stopped under load, and recovers when it
is back: reads stay 200, sessions come from the database (cached_db), posting is
refused with a clear message that keeps the text, and sign-in still works.

A real redis-server of its own (community/tests/redis_server.py) is killed and
started again while a thread keeps reading. Lives in articles because it reads
the whole site, articles included.
"""

import threading
import time

import pytest
import redis
from django.db import connections
from django.test import Client, override_settings

import community.cache
from articles.tests.factories import make_published
from community.tests.redis_server import private_redis_server
from conftest import TEST_PASSWORD, SignInClient
from forum.models import Post

pytestmark = pytest.mark.django_db(transaction=True)

RETRY_AFTER = 0.5
TEXT = "Day forty: the mornings are easier."


@pytest.fixture
def redis_server():
    yield from private_redis_server()


@pytest.fixture
def site_on_redis(redis_server, monkeypatch):
    monkeypatch.setattr(community.cache, "_outages", {})  # no earlier test's outage
    caches = {
        "default": {
            "BACKEND": "community.cache.RedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"retry_after": RETRY_AFTER},
        }
    }
    engine = "django.contrib.sessions.backends.cached_db"
    with override_settings(CACHES=caches, SESSION_ENGINE=engine):
        yield redis_server


class Readers(threading.Thread):
    """Visitors and a signed-in member reading, one request after another.

    Each request holds `turn`, so the test's own writes never overlap a read (SQLite
    in tests allows one at a time); stopping and starting Redis don't take it.
    """

    def __init__(self, urls, member):
        super().__init__(daemon=True)
        self.urls, self.member = urls, member
        self.turn = threading.Lock()
        self.phase = "up"
        self.seen = []  # (phase, url, status)
        self.stopping = threading.Event()

    def run(self):
        visitor, member = Client(), SignInClient()
        member.force_login(self.member)
        try:
            while not self.stopping.is_set():
                for client, url in [(visitor, u) for u in self.urls] + [
                    (member, "/community/")
                ]:
                    with self.turn:
                        response = client.get(url)
                    signed_in = client is visitor or self.member.display_name in (
                        response.content.decode()
                    )
                    self.seen.append((self.phase, url, response.status_code, signed_in))
        finally:
            connections.close_all()

    def finish(self):
        self.stopping.set()
        self.join(timeout=30)


def post_update(client, body=TEXT):
    return client.post("/community/post/", {"body": body, "picture_alt": ""})


def test_reads_sessions_and_posting_through_a_redis_outage(
    site_on_redis, member, other_member, editor, medical_reviewer
):
    redis_server = site_on_redis
    article = make_published(editor, medical_reviewer, title="Sleep and recovery")
    urls = [article.get_absolute_url(), "/search/?q=sleep", "/articles/"]
    writer = SignInClient()
    writer.force_login(member)
    assert post_update(writer).status_code == 302

    readers = Readers(urls, member)
    readers.start()
    try:
        signed_in_newcomer = outage_and_return(
            redis_server, readers, writer, other_member
        )
    finally:
        readers.finish()

    newcomer_page = signed_in_newcomer.get("/community/").content.decode()
    assert other_member.display_name in newcomer_page
    statuses = {(phase, url, status) for phase, url, status, _ in readers.seen}
    assert {status for _, _, status in statuses} == {200}, statuses
    assert all(signed_in for *_, signed_in in readers.seen)
    phases = {phase for phase, *_ in readers.seen}
    assert phases == {"up", "down", "back"}
    # The cache is used again: the visitors' article page is stored in Redis.
    stored = redis.Redis.from_url(redis_server.url).keys("*article-page*")
    assert stored


def outage_and_return(redis_server, readers, writer, other_member):
    """Redis stops and starts while `readers` read; returns a client that signed
    in during the outage."""
    time.sleep(0.5)
    readers.phase = "down"
    redis_server.stop()
    time.sleep(1.5)

    with readers.turn:
        refused = post_update(writer, "Written while Redis was away.")
        html = refused.content.decode()
        assert refused.status_code == 429
        assert "Please try again in a moment" in html
        assert "Written while Redis was away.</textarea>" in html
        assert Post.objects.count() == 1
        # Signing in still works: allauth's own limits miss, the session is in the DB.
        newcomer = Client()
        signed_in = newcomer.post(
            "/accounts/login/",
            {"login": other_member.email, "password": TEST_PASSWORD},
        )
        assert signed_in.status_code == 302, signed_in.content.decode()[-3000:]
    assert other_member.display_name in newcomer.get("/community/").content.decode()

    redis_server.start()
    readers.phase = "back"
    time.sleep(RETRY_AFTER + 1)
    with readers.turn:
        assert post_update(writer, "Written after Redis came back.").status_code == 302
    time.sleep(0.5)
    return newcomer
