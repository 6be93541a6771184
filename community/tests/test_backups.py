"""Backups: what `manage.py restore` refuses, the checksums it checks, encryption
and the retention rule. The full round trip (demo, pictures, pages) is
articles/tests/test_backup_round_trip.py."""

import io
import json
import tarfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from community.backups import archive, encryption, retention, service

PASSPHRASE = "correct horse battery staple"


def back_up(tmp_path, monkeypatch, passphrase=""):
    if passphrase:
        monkeypatch.setenv("BACKUP_PASSPHRASE", passphrase)
    else:
        monkeypatch.delenv("BACKUP_PASSPHRASE", raising=False)
    output = tmp_path / "backups"
    call_command("backup", output=str(output), stdout=io.StringIO())
    (path,) = output.iterdir()
    return path


@pytest.mark.django_db
def test_a_backup_inside_a_transaction_is_refused_not_left_waiting(tmp_path):
    with pytest.raises(CommandError, match="inside a database transaction"):
        call_command("backup", output=str(tmp_path), stdout=io.StringIO())


@pytest.mark.django_db
def test_a_freshly_migrated_database_counts_as_empty():
    assert service.tables_holding_data() == []


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_holds_members(member, tmp_path, monkeypatch):
    path = back_up(tmp_path, monkeypatch)
    with pytest.raises(CommandError, match=r"not empty.*community_user.*--force"):
        call_command("restore", str(path), stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_media_store_that_holds_files(tmp_path, monkeypatch):
    default_storage.save("pictures/ab/kept.jpg", ContentFile(b"a picture"))
    path = back_up(tmp_path, monkeypatch)
    with pytest.raises(CommandError, match="media storage already holds files"):
        call_command("restore", str(path), stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_the_archive_holds_the_dump_every_file_and_a_manifest(tmp_path, monkeypatch):
    default_storage.save("pictures/ab/walk.jpg", ContentFile(b"walk"))
    default_storage.save("exports/someone.zip", ContentFile(b"zip"))
    path = back_up(tmp_path, monkeypatch)
    assert archive.NAME.match(path.name)["gzip"]
    assert not archive.is_encrypted_name(path.name)
    manifest = archive.extract_and_verify(path, tmp_path / "unpacked")
    assert set(manifest["files"]) == {
        manifest["database"]["file"],
        "media/pictures/ab/walk.jpg",
        "media/exports/someone.zip",
    }
    assert manifest["database"]["row_counts"]["auth_group"] > 0  # the roles
    assert manifest["code_version"]
    assert manifest["created_at"]


def tamper(path, member_name, new_bytes, destination):
    """A copy of the archive with one member's bytes changed, manifest untouched."""
    with tarfile.open(path) as source, tarfile.open(destination, "w:gz") as out:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == member_name:
                data = new_bytes
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    return destination


@pytest.mark.django_db(transaction=True)
def test_a_tampered_file_fails_the_checksum(tmp_path, monkeypatch):
    default_storage.save("pictures/ab/walk.jpg", ContentFile(b"the real picture"))
    path = back_up(tmp_path, monkeypatch)
    tampered = tamper(
        path, "media/pictures/ab/walk.jpg", b"not the picture", tmp_path / "t.tar.gz"
    )
    with pytest.raises(CommandError, match="checksum mismatch: media/pictures/ab"):
        call_command("restore", str(tampered), stdout=io.StringIO())


def test_a_file_missing_from_the_manifest_is_refused(tmp_path):
    manifest = json.dumps({"format": archive.FORMAT, "files": {}}).encode()
    path = tmp_path / "backup-20261130T030000Z.tar"
    with tarfile.open(path, "w") as tar:
        for name, data in [("media/extra.jpg", b"x"), ("manifest.json", manifest)]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with pytest.raises(archive.ArchiveError, match="not in the manifest: media/extra"):
        archive.extract_and_verify(path, tmp_path / "unpacked")


@pytest.mark.django_db(transaction=True)
def test_an_encrypted_backup_opens_only_with_its_passphrase(tmp_path, monkeypatch):
    default_storage.save("pictures/ab/walk.jpg", ContentFile(b"a private picture"))
    path = back_up(tmp_path, monkeypatch, passphrase=PASSPHRASE)
    assert path.name.endswith(".tar.gz.enc")
    assert archive.is_encrypted_name(path.name)
    assert encryption.is_encrypted(path)
    with pytest.raises(tarfile.ReadError):
        tarfile.open(path).close()  # not readable without the passphrase

    with pytest.raises(encryption.DecryptionError, match="not its passphrase"):
        encryption.decrypt_file(path, tmp_path / "wrong.tar", "a wrong guess")
    monkeypatch.delenv("BACKUP_PASSPHRASE")
    with pytest.raises(CommandError, match="set BACKUP_PASSPHRASE"):
        call_command("restore", str(path), stdout=io.StringIO())

    encryption.decrypt_file(path, tmp_path / "plain.tar.gz", PASSPHRASE)
    manifest = archive.extract_and_verify(tmp_path / "plain.tar.gz", tmp_path / "out")
    assert (tmp_path / "out/media/pictures/ab/walk.jpg").read_bytes() == (
        b"a private picture"
    )
    assert "media/pictures/ab/walk.jpg" in manifest["files"]


def test_pruning_keeps_seven_daily_and_four_weekly_archives(tmp_path):
    now = datetime(2026, 11, 30, 3, 15, tzinfo=UTC)  # a Monday
    # Two a day for 60 days (03:15 and 15:15), newest first.
    moments = [
        now - timedelta(days=day, hours=hours)
        for day in range(60)
        for hours in (0, -12)
    ]
    for moment in moments:
        name = archive.archive_name(moment, gzip=True, encrypted=False)
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "notes.txt").write_text("not an archive")

    deleted = retention.prune(tmp_path, daily=7, weekly=4)

    kept = sorted(
        archive.created_at_from_name(path.name)
        for path in tmp_path.iterdir()
        if path.name != "notes.txt"
    )
    daily = [now.replace(hour=15) - timedelta(days=day) for day in range(7)]
    # The newest of each of the last four ISO weeks: this Monday's (already a
    # daily), then the three Sundays before it.
    weekly = [now.replace(hour=15) - timedelta(days=day) for day in (0, 1, 8, 15)]
    assert kept == sorted(set(daily) | set(weekly))
    assert len(deleted) == len(moments) - len(kept)
    assert (tmp_path / "notes.txt").exists()


@pytest.mark.django_db(transaction=True)
def test_backup_with_prune_deletes_old_archives(tmp_path, settings):
    settings.BACKUP_KEEP_DAILY = 1
    settings.BACKUP_KEEP_WEEKLY = 0
    old = tmp_path / archive.archive_name(
        datetime(2020, 1, 1, tzinfo=UTC), gzip=True, encrypted=False
    )
    old.write_bytes(b"")
    out = io.StringIO()
    call_command("backup", output=str(tmp_path), prune=True, stdout=out)
    assert not old.exists()
    assert f"Deleted {old}" in out.getvalue()
    assert len(list(Path(tmp_path).glob("backup-*"))) == 1
