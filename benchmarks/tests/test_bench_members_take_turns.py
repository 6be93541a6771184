"""The bench's wrk scripts spread posts over every member, as the rate limits
assume: a soak whose posts came from a tenth of the members met the ten-second
gap between posts, and refusals (cheaper than posts) flattered its figures.

wrk drives a small recording server here, no Django: what is checked is which
session each request carries.
"""

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from benchmarks import server

pytestmark = pytest.mark.skipif(
    shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)"
)

MEMBERS = 40


class _Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list  # (method, session key), set per server

    def do_GET(self):
        self._answer(200, {})

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._answer(302, {"Location": f"/posts/{len(self.seen) + 1}/"})

    def _answer(self, status, headers):
        cookie = self.headers.get("Cookie", "")
        session = cookie.split("sessionid=")[1].split(";")[0] if cookie else ""
        self.seen.append((self.command, session))
        self.send_response(status)
        for name, value in {**headers, "Content-Length": "0"}.items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def recording_server():
    handler = type("Handler", (_Recorder,), {"seen": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], handler.seen
    httpd.shutdown()
    httpd.server_close()


def _run(script, port, tmp_path, **env):
    sessions = tmp_path / "sessions.txt"
    sessions.write_text("".join(f"member{n}\n" for n in range(MEMBERS)))
    return server.wrk(
        port,
        "/",
        script=script,
        threads=2,
        connections=4,
        seconds=1,
        env={
            "BENCH_SESSIONS": str(sessions),
            "BENCH_CSRF": "token",
            "BENCH_THREADS": "2",
            "BENCH_OFFSET": "0",
            "BENCH_ACKED": str(tmp_path / "acked.txt"),
            **env,
        },
    )


def test_every_member_posts_in_turn_in_the_soak(recording_server, tmp_path):
    port, seen = recording_server
    _run(
        "soak.lua",
        port,
        tmp_path,
        BENCH_READS="/a/,/b/,/c/",
        BENCH_POST_PATH="/community/post/",
        BENCH_POST_EVERY="5",
    )
    posters = [session for method, session in seen if method == "POST"]
    assert len(posters) > 2 * MEMBERS, "too few posts to judge the rotation"
    assert set(posters) == {f"member{n}" for n in range(MEMBERS)}
    # Each of wrk's two threads walks its half of the members in order (even and
    # odd numbers), so no member posts twice before the rest of its half once.
    for parity in (0, 1):
        counts = [posters.count(f"member{n}") for n in range(parity, MEMBERS, 2)]
        assert max(counts) - min(counts) <= 1


def test_the_soak_reads_as_every_member_too(recording_server, tmp_path):
    port, seen = recording_server
    _run(
        "soak.lua",
        port,
        tmp_path,
        BENCH_READS="/a/",
        BENCH_POST_PATH="/community/post/",
        BENCH_POST_EVERY="5",
    )
    readers = {session for method, session in seen if method == "GET"}
    assert readers == {f"member{n}" for n in range(MEMBERS)}
