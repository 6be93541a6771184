"""The archive: one tar (gzip by default) holding `database/<dump>`, `media/<name>`
for every stored file, and `manifest.json` last, which lists a sha256 for every
other member. Names say what a file is: `backup-20261130T031500Z.tar.gz`, and
`.enc` after it when encrypted."""

import hashlib
import io
import json
import re
import tarfile
import time
from datetime import UTC, datetime
from pathlib import Path

MANIFEST = "manifest.json"
FORMAT = 1
DATABASE_FOLDER = "database/"
MEDIA_FOLDER = "media/"
NAME = re.compile(
    r"^backup-(?P<stamp>\d{8}T\d{6}Z)\.tar(?P<gzip>\.gz)?(?P<encrypted>\.enc)?$"
)
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    pass


def archive_name(created_at: datetime, *, gzip: bool, encrypted: bool) -> str:
    stamp = created_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"backup-{stamp}.tar{'.gz' if gzip else ''}{'.enc' if encrypted else ''}"


def created_at_from_name(name: str) -> datetime | None:
    match = NAME.match(name)
    if match is None:
        return None
    return datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def is_encrypted_name(name: str) -> bool:
    match = NAME.match(name)
    return bool(match and match["encrypted"])


class _HashingReader:
    """Reads through to a file while hashing what passes, for tarfile.addfile."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


class ArchiveWriter:
    """Adds members while recording their checksums; the manifest goes in last."""

    def __init__(self, path: Path, *, gzip: bool):
        self.tar = tarfile.open(path, "w:gz" if gzip else "w")  # noqa: SIM115
        self.checksums: dict[str, str] = {}

    def add(self, arcname: str, handle, size: int) -> None:
        info = tarfile.TarInfo(arcname)
        info.size = size
        info.mode = 0o600
        info.mtime = int(time.time())
        reader = _HashingReader(handle)
        self.tar.addfile(info, reader)
        self.checksums[arcname] = reader.digest.hexdigest()

    def finish(self, manifest: dict) -> None:
        manifest = {**manifest, "format": FORMAT, "files": self.checksums}
        data = json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8")
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mode = 0o600
        info.mtime = int(time.time())
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()

    def abandon(self) -> None:
        self.tar.close()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def extract_and_verify(archive: Path, destination: Path) -> dict:
    """Unpack into `destination`; every file must match the manifest's checksum."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            tar.extractall(destination, filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise ArchiveError(f"{archive} is not a readable backup: {error}") from None
    manifest_path = destination / MANIFEST
    if not manifest_path.exists():
        raise ArchiveError(f"{archive} has no {MANIFEST}: it is not a backup.")
    manifest = json.loads(manifest_path.read_text("utf-8"))
    if manifest.get("format") != FORMAT:
        raise ArchiveError(f"Unknown backup format {manifest.get('format')!r}.")
    present = {
        path.relative_to(destination).as_posix()
        for path in destination.rglob("*")
        if path.is_file() and path != manifest_path
    }
    expected = set(manifest["files"])
    problems = [f"missing from the archive: {name}" for name in expected - present]
    problems += [f"not in the manifest: {name}" for name in present - expected]
    problems += [
        f"checksum mismatch: {name}"
        for name in sorted(expected & present)
        if sha256_of(destination / name) != manifest["files"][name]
    ]
    if problems:
        raise ArchiveError(
            "The archive does not match its manifest:\n  " + "\n  ".join(problems)
        )
    return manifest
