"""The one list of what the site keeps about a member, kept by each app that keeps it.

Leaving (erasing) and downloading (exporting) must cover everything a member wrote or
did, in every app, while community must not import the apps above it. So each app
registers its parts here from its AppConfig.ready(); deletion and export walk
`registered_parts()` and never name an app. A new model holding personal data is
incomplete until its app registers a part for it (a test lists the models with a
foreign key to the user and fails on any no part claims).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class ErasureMode(StrEnum):
    """What happens to what a leaving member wrote (they choose)."""

    # Posts stay, signed "A former member"; pictures only if the member chose so.
    KEEP_WITHOUT_NAME = "keep_without_name"
    # Each post becomes a tombstone "Removed by its author"; pictures deleted.
    REMOVE_EVERYTHING = "remove_everything"


@dataclass(frozen=True)
class Erasure:
    """A confirmed deletion, as every part's `erase` receives it."""

    mode: ErasureMode
    keep_pictures: bool = False


@dataclass(frozen=True)
class PersonalDataPart:
    """One kind of data about a member, as an app keeps it.

    - `name`: the file in the export (`<name>.json`), e.g. "posts".
    - `description`: one plain sentence for the export's README.txt.
    - `export(user)`: JSON-serialisable rows of this member's data only.
    - `erase(user, erasure)`: removes or anonymises it; must be idempotent (the
      deletion task may run twice).
    - `models`: the models this part covers (for the completeness test).
    - `files(user)`: storage names of files the rows point to (pictures), copied
      into the export's zip under the same names, as stored.
    """

    name: str
    description: str
    export: Callable[[object], list[dict]]
    erase: Callable[[object, Erasure], None]
    models: tuple = field(default=())
    files: Callable[[object], list[str]] | None = None


_parts: dict[str, PersonalDataPart] = {}


def register(part: PersonalDataPart) -> PersonalDataPart:
    if part.name in _parts and _parts[part.name] != part:
        raise ValueError(f"Two personal-data parts are named {part.name!r}")
    _parts[part.name] = part
    return part


def registered_parts() -> tuple[PersonalDataPart, ...]:
    """In registration order: community's parts first, then forum's, then articles'."""
    return tuple(_parts.values())
