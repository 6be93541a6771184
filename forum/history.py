"""A post's edit history: who changed it, when, and a word diff of each change.

Every edit keeps the version it replaced as a Revision (forum/actions.edit_post),
so the versions in order are the revisions, oldest first, then the post as it is.
Who may see the history is decided in forum/visibility.py. The diff is plain text
in pieces; the template escapes every piece, so nothing here is marked safe.
"""

import difflib
import re
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from forum.models import Post

# Words and the spaces between them, so the diff keeps the text's own spacing.
_TOKENS = re.compile(r"\s+|[^\s]+")


class Change(Enum):
    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True)
class Piece:
    change: Change
    text: str

    @property
    def is_removed(self) -> bool:
        return self.change is Change.REMOVED

    @property
    def is_added(self) -> bool:
        return self.change is Change.ADDED


@dataclass(frozen=True)
class Edit:
    editor_name: str
    at: datetime
    pieces: list[Piece]
    picture_changed: bool
    description_changed: bool


def word_diff(before: str, after: str) -> list[Piece]:
    """`before` → `after` as pieces of unchanged, removed and added text."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    pieces = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece(Change.SAME, "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece(Change.REMOVED, "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(Piece(Change.ADDED, "".join(new[j1:j2])))
    return pieces


def edit_history(post: Post) -> list[Edit]:
    """Every edit of `post`, newest first (two queries however many edits)."""
    revisions = list(
        post.revisions.select_related("editor").order_by("created_at", "id")
    )
    # Each revision holds the text an edit replaced; the next version is the result
    # (the post itself after the newest). A post never edited has no edits.
    edits = []
    results = [*revisions[1:], post] if revisions else []
    for before, after in zip(revisions, results, strict=True):
        edits.append(
            Edit(
                editor_name=before.editor.display_name,
                at=before.created_at,
                pieces=word_diff(before.body, after.body),
                picture_changed=_picture_name(before) != _picture_name(after),
                description_changed=before.picture_alt != after.picture_alt,
            )
        )
    edits.reverse()
    return edits


def _picture_name(version) -> str:
    """A Revision stores the picture's name; the post, a file field."""
    return getattr(version.picture, "name", version.picture) or ""
