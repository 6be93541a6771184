"""What changed between two revisions, word by word, for the reviewer's page.

Returns plain values (segments of text marked same, added or removed); the
template escapes the text, so no markup is built here.
"""

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

# (content key, label), in the order the article page shows them.
FIELDS = [
    ("title", _("Title")),
    ("key_takeaways", _("Key takeaways")),
    ("summary", _("Full summary")),
    ("body", _("Body")),
    ("references", _("References")),
    ("disclosure", _("Disclosure")),
    ("sponsor", _("Sponsor")),
    ("poll_question", _("Poll question")),
    ("poll_options", _("Poll choices")),
]
CONTEXT_WORDS = 12  # unchanged words kept on each side of a change
TOKEN = re.compile(r"\S+\s*|\s+")  # a word with the space after it
WORD = re.compile(r"\S+")


class Change(StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Segment:
    text: str
    change: Change

    @property
    def is_added(self):
        return self.change == Change.ADDED

    @property
    def is_removed(self):
        return self.change == Change.REMOVED


@dataclass(frozen=True)
class FieldDiff:
    label: str
    segments: list[Segment]
    words_added: int
    words_removed: int


def revision_diff(old: dict | None, new: dict) -> list[FieldDiff]:
    """Per changed field of two revisions' content, the words added and removed.
    `old` is None for a first publication (everything is added)."""
    diffs = []
    for key, label in FIELDS:
        before, after = _as_text(old, key), _as_text(new, key)
        if before != after:
            diffs.append(field_diff(label, before, after))
    return diffs


def field_diff(label: str, before: str, after: str) -> FieldDiff:
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    # Words are compared without their spacing, so a browser's \r\n line endings
    # or a re-wrapped paragraph don't show as changes.
    matcher = difflib.SequenceMatcher(
        a=[token.strip() for token in old],
        b=[token.strip() for token in new],
        autojunk=False,
    )
    segments, added, removed = [], 0, 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("".join(new[j1:j2]), Change.SAME))
            continue
        if i2 > i1:
            text = "".join(old[i1:i2])
            removed += len(WORD.findall(text))
            segments.append(Segment(text, Change.REMOVED))
        if j2 > j1:
            text = "".join(new[j1:j2])
            added += len(WORD.findall(text))
            segments.append(Segment(text, Change.ADDED))
    return FieldDiff(label, _shortened(segments), added, removed)


def _shortened(segments):
    """Long unchanged stretches keep only the words next to a change."""
    out = []
    last = len(segments) - 1
    for index, segment in enumerate(segments):
        if segment.change != Change.SAME:
            out.append(segment)
            continue
        words = TOKEN.findall(segment.text)
        keep_head = CONTEXT_WORDS if index > 0 else 0
        keep_tail = CONTEXT_WORDS if index < last else 0
        if len(words) <= keep_head + keep_tail + 1:
            out.append(segment)
            continue
        head = "".join(words[:keep_head])
        tail = "".join(words[len(words) - keep_tail :])
        out.append(Segment(f"{head}… {tail}" if head or tail else "…", Change.SAME))
    return out


def _as_text(content, key) -> str:
    if content is None:
        return ""
    poll = content.get("poll") or {}
    if key == "key_takeaways":
        return "\n".join(str(point) for point in content["key_takeaways"])
    if key == "references":
        return "\n".join(
            " ".join(part for part in (r["text"], r["url"], r["doi"]) if part)
            for r in content["references"]
        )
    if key == "poll_question":
        return poll.get("question", "")
    if key == "poll_options":
        return "\n".join(option["text"] for option in poll.get("options", []))
    return content[key]
