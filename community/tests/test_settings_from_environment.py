import pytest
from django.core.exceptions import ImproperlyConfigured

from community.settings import database_from_url


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
