"""The two operations: make an archive, and restore one into an empty site."""

import os
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections

from community.backups import archive, database, encryption, media


class RestoreRefused(Exception):
    pass


class VerificationFailed(Exception):
    pass


def code_version() -> str:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 (git from the PATH)
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
        return result.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return os.environ.get("CODE_VERSION", "unknown")


def create_backup(output_dir: Path, *, gzip=True, passphrase="") -> Path:
    """Write one archive into `output_dir` and return its path."""
    output_dir.mkdir(parents=True, exist_ok=True)
    created_at = datetime.now(UTC)
    name = archive.archive_name(created_at, gzip=gzip, encrypted=bool(passphrase))
    final = output_dir / name
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".backup-") as work:
        work = Path(work)
        dump_file = work / database.DUMP_NAMES[database.vendor()]
        # The database first: files deleted while media is copied may be missing
        # from the archive, but every file the dump names was stored before it.
        row_counts = database.dump(dump_file)
        tar_path = work / "archive.tar"
        writer = archive.ArchiveWriter(tar_path, gzip=gzip)
        try:
            with open(dump_file, "rb") as handle:
                writer.add(
                    archive.DATABASE_FOLDER + dump_file.name,
                    handle,
                    dump_file.stat().st_size,
                )
            media_count = 0
            for stored in media.stored_names():
                with media.open_stored(stored) as handle:
                    writer.add(
                        archive.MEDIA_FOLDER + stored, handle, media.size_of(stored)
                    )
                media_count += 1
            writer.finish(
                {
                    "created_at": created_at.isoformat(),
                    "code_version": code_version(),
                    "database": {
                        "vendor": database.vendor(),
                        "file": archive.DATABASE_FOLDER + dump_file.name,
                        "row_counts": row_counts,
                    },
                    "media_files": media_count,
                }
            )
        except BaseException:
            writer.abandon()
            raise
        if passphrase:
            encryption.encrypt_file(tar_path, work / "archive.enc", passphrase)
            tar_path = work / "archive.enc"
        os.replace(tar_path, final)  # appears whole, or not at all
    return final


def tables_holding_data() -> list[str]:
    """Our apps' tables with rows, less those their migrations fill (an app lists
    them in its AppConfig's `models_filled_by_migrations`)."""
    base = Path(settings.BASE_DIR)
    busy = []
    for config in apps.get_app_configs():
        if Path(config.path).parent != base:
            # Django's own apps and third-party packages (even when the virtualenv
            # lives inside the project folder, as `make` puts it).
            continue
        seeded = set(getattr(config, "models_filled_by_migrations", ()))
        for model in config.get_models(include_auto_created=True):
            if model.__name__ in seeded or model._meta.proxy:
                continue
            if _table_exists(model._meta.db_table) and model._base_manager.exists():
                busy.append(model._meta.db_table)
    return busy


def _table_exists(table) -> bool:
    connection = connections["default"]
    with connection.cursor() as cursor:
        return table in connection.introspection.table_names(cursor)


def refuse_unless_empty() -> None:
    busy = tables_holding_data()
    problems = []
    if busy:
        problems.append("the database has rows in " + ", ".join(sorted(busy)))
    if media.has_files():
        problems.append("the media storage already holds files")
    if problems:
        raise RestoreRefused(
            "The target is not empty: "
            + "; ".join(problems)
            + ". Restore into an empty database and media store, or pass --force "
            "to replace what is there."
        )


def restore_backup(archive_path: Path, *, force=False, passphrase="", log=print):
    """Restore the archive into the configured database and media storage."""
    if not archive_path.is_file():
        raise FileNotFoundError(f"No archive at {archive_path}.")
    with tempfile.TemporaryDirectory(prefix="restore-") as work:
        work = Path(work)
        plain = archive_path
        if encryption.is_encrypted(archive_path):
            plain = work / "archive.tar"
            encryption.decrypt_file(archive_path, plain, passphrase)
            log("Decrypted the archive.")
        unpacked = work / "unpacked"
        manifest = archive.extract_and_verify(plain, unpacked)
        log(f"Checksums match for all {len(manifest['files'])} files.")
        backed_up_vendor = manifest["database"]["vendor"]
        if backed_up_vendor != database.vendor():
            raise RestoreRefused(
                f"The archive holds a {backed_up_vendor} database; the configured "
                f"database is {database.vendor()}."
            )
        if not force:
            refuse_unless_empty()
        database.restore(unpacked / manifest["database"]["file"])
        log("Restored the database.")
        for name in manifest["files"]:
            if name.startswith(archive.MEDIA_FOLDER):
                media.put(name.removeprefix(archive.MEDIA_FOLDER), unpacked / name)
        log(f"Restored {manifest['media_files']} media files.")
    verify_row_counts(manifest["database"]["row_counts"])
    log("Row counts match the manifest for every table.")
    return manifest


def verify_row_counts(expected: dict[str, int]) -> None:
    actual = database.row_counts()
    mismatches = [
        f"{table}: {actual.get(table, 'missing')} rows, the manifest says {count}"
        for table, count in sorted(expected.items())
        if actual.get(table) != count
    ]
    if mismatches:
        raise VerificationFailed(
            "The restored database does not match the manifest:\n  "
            + "\n  ".join(mismatches)
        )
