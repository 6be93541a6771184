import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from community.settings import database_from_url

REPO = Path(__file__).resolve().parents[2]


def test_postgres_url_becomes_a_psycopg_database():
    database = database_from_url("postgres://app:s%40cret@db.internal:6432/community")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "community"
    assert database["USER"] == "app"
    assert database["PASSWORD"] == "s@cret"
    assert database["HOST"] == "db.internal"
    assert database["PORT"] == "6432"


def test_sqlite_url_points_at_a_file():
    database = database_from_url("sqlite:////srv/app/var/db.sqlite3")
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == "/srv/app/var/db.sqlite3"


def test_unknown_database_scheme_is_refused():
    with pytest.raises(ImproperlyConfigured):
        database_from_url("mysql://localhost/db")


def test_an_s3_bucket_is_configured_by_environment_variables():
    env = {
        **os.environ,
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "community.settings",
        "MEDIA_S3_BUCKET": "community-media",
        "MEDIA_S3_ENDPOINT_URL": "http://minio.internal:9000",
        "MEDIA_S3_REGION": "us-east-1",
    }
    probe = (
        "import django; django.setup();"
        "from django.core.files.storage import storages;"
        "s = storages['default'];"
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.location,"
        " s.default_acl)"
    )
    shown = subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", probe],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert shown == [
        "S3Storage",
        "community-media",
        "http://minio.internal:9000",
        "media",
        "private",
    ]
