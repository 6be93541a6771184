"""Hot spots from a pyinstrument session: which of our functions the time is in.

Each sample's self time goes to the nearest function of ours on its stack (the
project's apps, not libraries and not the profiler itself), so a Django call a
view makes counts for that view's function: what to act on, not where Python was.
Time in the database drivers, Django's template engine and the Redis client is
set apart (our template tags called from templates still count as ours).
"""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

OUTSIDE_THE_PROJECT = "(Django, libraries, the test client)"
# Library code that is a cost of its own, whoever calls it.
GROUPS = [
    ("(database drivers: queries and commits)", ("/django/db/backends/", "/psycopg")),
    ("(Django's template engine)", ("/django/template/", "/django/templatetags/")),
    # Redis has no column: its round trips count in the phase that makes them.
    ("(Redis client: cache and session round trips)", ("/site-packages/redis/",)),
]


@dataclass
class HotSpot:
    function: str
    place: str
    share: float


def _ours(path):
    """The project-relative path of one of our modules, else None."""
    if not path or not Path(path).is_absolute():  # "<built-in>", "<frozen …>"
        return None
    base = Path(settings.BASE_DIR)
    try:
        relative = Path(path).resolve().relative_to(base)
    except ValueError:
        return None
    if relative.parts[0] in {".venv", "benchmarks", "var"}:
        return None
    return str(relative)


def _group(path):
    for name, markers in GROUPS:
        if path and any(marker in path for marker in markers):
            return (name, "")
    return None


def hot_spots(session, limit=5):
    root = session.root_frame() if session else None
    if root is None or not root.time:
        return []
    spent = Counter()
    stack = [(root, (OUTSIDE_THE_PROJECT, ""))]
    while stack:
        frame, owner = stack.pop()
        place = _ours(frame.file_path)
        if place is not None:
            owner = (frame.function, f"{place}:{frame.line_no}")
        else:
            owner = _group(frame.file_path) or owner
        spent[owner] += frame.total_self_time
        stack.extend(
            (child, owner) for child in frame.children if not child.is_synthetic
        )
    return [
        HotSpot(function, place, seconds / root.time)
        for (function, place), seconds in spent.most_common(limit)
    ]


def lines(name, spots):
    found = [f"  {spot.share:>4.0%}  {spot.function}  {spot.place}" for spot in spots]
    return [f"{name}:", *found]
