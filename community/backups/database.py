"""The database's part of a backup, per vendor.

PostgreSQL: `pg_dump --format=custom` inside an exported snapshot, so the row
counts in the manifest describe exactly the rows in the dump; `pg_restore --clean
--if-exists --no-owner` puts it back. SQLite: the online backup API copies a
consistent file while the site runs; restoring copies that file into place.
The password travels in PGPASSWORD, never on a command line.
"""

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections

DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class DatabaseError(Exception):
    pass


def vendor(alias="default") -> str:
    return connections[alias].vendor


def _program(name) -> str:
    """pg_dump or pg_restore: PG_BIN_DIR, the PATH, or Debian's newest version."""
    if bin_dir := os.environ.get("PG_BIN_DIR"):
        return str(Path(bin_dir) / name)
    if found := shutil.which(name):
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not candidates:
        raise DatabaseError(f"{name} was not found: install the PostgreSQL client.")
    return candidates[-1]


def _pg_environment(settings_dict) -> dict:
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    return environment


def _pg_connection_arguments(settings_dict) -> list[str]:
    arguments = ["--dbname", settings_dict["NAME"]]
    for option, key in [("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")]:
        if settings_dict.get(key):
            arguments += [option, str(settings_dict[key])]
    return arguments


def _run(command, settings_dict):
    result = subprocess.run(  # noqa: S603 (a fixed program and our own arguments)
        command,
        env=_pg_environment(settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise DatabaseError(
            f"{Path(command[0]).name} failed ({result.returncode}): "
            f"{result.stderr.strip()}"
        )


def _count_rows(cursor, tables, quote) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
        counts[table] = cursor.fetchone()[0]
    return counts


def _pg_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
        "ORDER BY tablename"
    )
    return [row[0] for row in cursor.fetchall()]


def _sqlite_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [row[0] for row in cursor.fetchall()]


def _quote_pg(name):
    return '"' + name.replace('"', '""') + '"'


_quote_sqlite = _quote_pg


def dump(destination: Path, alias="default") -> dict[str, int]:
    """Write the database to `destination`; return the row counts of that copy."""
    connection = connections[alias]
    if connection.in_atomic_block:
        # It would miss the transaction's own writes (PostgreSQL) or wait on its
        # lock for ever (SQLite).
        raise DatabaseError("A backup cannot run inside a database transaction.")
    if connection.vendor == "postgresql":
        return _dump_postgresql(connection, destination)
    if connection.vendor == "sqlite":
        return _dump_sqlite(connection, destination)
    raise DatabaseError(f"Backups of {connection.vendor} are not supported.")


def _dump_postgresql(connection, destination) -> dict[str, int]:
    settings_dict = connection.settings_dict
    # A connection of our own: its snapshot is the one pg_dump reads, so the
    # counts below describe the dump even while members keep writing.
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = True
        with raw.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            _run(
                [
                    _program("pg_dump"),
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    "--file",
                    str(destination),
                    *_pg_connection_arguments(settings_dict),
                ],
                settings_dict,
            )
            counts = _count_rows(cursor, _pg_tables(cursor), _quote_pg)
            cursor.execute("COMMIT")
    finally:
        raw.close()
    return counts


def _dump_sqlite(connection, destination) -> dict[str, int]:
    connection.ensure_connection()
    target = sqlite3.connect(destination)
    try:
        connection.connection.backup(target)
        cursor = target.cursor()
        return _count_rows(cursor, _sqlite_tables(cursor), _quote_sqlite)
    finally:
        target.close()


def row_counts(alias="default") -> dict[str, int]:
    """Rows per table in the configured database, as it is now."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            return _count_rows(cursor, _pg_tables(cursor), _quote_pg)
        return _count_rows(cursor, _sqlite_tables(cursor), _quote_sqlite)


def restore(dump_file: Path, alias="default") -> None:
    """Put the dump into the configured database, replacing what is there."""
    connection = connections[alias]
    settings_dict = connection.settings_dict
    connections.close_all()  # nothing of ours holds a lock or an open file
    if connection.vendor == "postgresql":
        _run(
            [
                _program("pg_restore"),
                "--no-owner",
                "--clean",
                "--if-exists",
                "--exit-on-error",
                *_pg_connection_arguments(settings_dict),
                str(dump_file),
            ],
            settings_dict,
        )
    elif connection.vendor == "sqlite":
        _restore_sqlite(dump_file, Path(settings_dict["NAME"]))
    else:
        raise DatabaseError(f"Restoring {connection.vendor} is not supported.")


def _restore_sqlite(dump_file: Path, database: Path) -> None:
    database.parent.mkdir(parents=True, exist_ok=True)
    incoming = database.with_name(database.name + ".restoring")
    shutil.copyfile(dump_file, incoming)
    for leftover in ["-wal", "-shm", "-journal"]:
        Path(str(database) + leftover).unlink(missing_ok=True)
    os.replace(incoming, database)
