"""DATABASE_REPLICA_URL adds a replica, its router and middleware; else nothing.

(The routing itself is tested on a real streaming replica in
articles/tests/test_read_replica.py.)
"""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

READ_SETTINGS = """
import json
from community import settings
print(json.dumps({
    "databases": settings.DATABASES,
    "routers": getattr(settings, "DATABASE_ROUTERS", []),
    "middleware": settings.MIDDLEWARE,
}, default=str))
"""


def settings_with(**variables):
    env = {**os.environ, "DEBUG": "1"}
    env.pop("DATABASE_REPLICA_URL", None)
    env.update(variables)
    done = subprocess.run(  # noqa: S603 - our own settings module
        [sys.executable, "-c", READ_SETTINGS],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_without_a_replica_url_there_is_one_database_and_no_router():
    loaded = settings_with()
    assert list(loaded["databases"]) == ["default"]
    assert loaded["routers"] == []
    assert "community.read_replica.ReadReplicaMiddleware" not in loaded["middleware"]


def test_a_replica_url_adds_the_replica_that_tests_mirror_to_the_primary():
    loaded = settings_with(
        DATABASE_URL="postgres://app@primary:5432/community",
        DATABASE_REPLICA_URL="postgres://reader@standby:5433/community",
    )
    replica = loaded["databases"]["replica"]
    assert (replica["HOST"], replica["PORT"], replica["USER"]) == (
        "standby",
        "5433",
        "reader",
    )
    assert replica["TEST"] == {"MIRROR": "default"}
    assert loaded["routers"] == ["community.read_replica.ReplicaForVisitorReads"]
    middleware = loaded["middleware"]
    # After authentication: it asks whether the visitor is signed in.
    assert middleware.index("community.read_replica.ReadReplicaMiddleware") == (
        middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
    )
