"""Which archives stay: the newest of each of the last KEEP_DAILY days that have
one, and the newest of each of the last KEEP_WEEKLY ISO weeks that have one."""

from pathlib import Path

from community.backups.archive import created_at_from_name


def archives_in(folder: Path) -> dict[Path, object]:
    return {
        path: created_at
        for path in folder.iterdir()
        if path.is_file() and (created_at := created_at_from_name(path.name))
    }


def archives_to_keep(created: dict, *, daily: int, weekly: int) -> set:
    """`created` maps each archive to its time; returns the archives to keep."""
    newest_first = sorted(created, key=created.get, reverse=True)
    keep = set()
    for period, count in [
        (lambda moment: moment.date(), daily),
        (lambda moment: moment.isocalendar()[:2], weekly),
    ]:
        seen = []
        for archive in newest_first:
            key = period(created[archive])
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(archive)
    return keep


def prune(folder: Path, *, daily: int, weekly: int) -> list[Path]:
    """Delete the archives in `folder` the rule does not keep; return them."""
    created = archives_in(folder)
    keep = archives_to_keep(created, daily=daily, weekly=weekly)
    deleted = sorted(set(created) - keep)
    for path in deleted:
        path.unlink()
    return deleted
