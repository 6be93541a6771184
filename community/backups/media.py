"""The media storage's part of a backup: every stored file (members' pictures,
"Download my data" zips), read and written through Django's storage API only, so
the local MEDIA_ROOT and an S3 bucket are handled alike."""

from django.core.files.base import File
from django.core.files.storage import default_storage


def stored_names(storage=None, folder=""):
    """Every file name in the storage, folders walked depth-first."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local MEDIA_ROOT not made yet: no files
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from stored_names(storage, f"{folder}/{sub}" if folder else sub)


def has_files(storage=None) -> bool:
    return next(stored_names(storage), None) is not None


def open_stored(name, storage=None):
    return (storage or default_storage).open(name, "rb")


def size_of(name, storage=None) -> int:
    return (storage or default_storage).size(name)


def put(name, source_path, storage=None) -> None:
    """Store the file at `name` exactly, replacing a file already there."""
    storage = storage or default_storage
    if storage.exists(name):
        storage.delete(name)
    with open(source_path, "rb") as handle:
        saved = storage.save(name, File(handle, name=name))
    if saved != name:
        raise OSError(f"The storage saved {name} as {saved}.")
