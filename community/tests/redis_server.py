"""A real, private redis-server on a free port, to stop and start at will.

Skipped where redis-server isn't installed, unless REQUIRE_TWO_SERVER_TESTS is set
(CI), when the test fails instead.
"""

import os
import shutil
import socket
import subprocess
import time

import pytest


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    def __init__(self, binary):
        self.binary = binary
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - redis-server, our arguments
            [
                self.binary,
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--daemonize", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self):
        """Gone at once, as a crash or a lost network would leave it."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None


def private_redis_server():
    """For a fixture: `yield from private_redis_server()`."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("REQUIRE_TWO_SERVER_TESTS"):
            pytest.fail("redis-server is missing; CI must run the Redis outage tests.")
        pytest.skip("redis-server is missing (apt-get install redis-server)")
    server = RedisServer(binary)
    server.start()
    yield server
    server.stop()
