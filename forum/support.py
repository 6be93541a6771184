"""The support note: shown once, on the next page, after someone writes crisis or
overdose words or reports that someone may be at risk.

This module is the one home of the session key the note travels in: views offer
a note, the context processor takes it, nothing else touches the key.
"""

from dataclasses import dataclass
from enum import StrEnum

SESSION_KEY = "support_note"


class NoteKind(StrEnum):
    CRISIS = "crisis"
    OVERDOSE = "overdose"
    REPORTER = "reporter"  # someone reported that another person may be at risk


class PostOutcome(StrEnum):
    """What happened to the text that raised the note, so the note can say so."""

    PUBLISHED = "published"
    HELD = "held"  # waiting for a moderator (a first post, a visitor's question...)
    NONE = "none"  # no post of theirs involved (a report)


@dataclass(frozen=True)
class SupportNote:
    kind: NoteKind
    outcome: PostOutcome = PostOutcome.NONE
    is_question: bool = False


def offer_support_note(session, note: SupportNote) -> None:
    session[SESSION_KEY] = {
        "kind": note.kind.value,
        "outcome": note.outcome.value,
        "is_question": note.is_question,
    }


def take_support_note(session) -> SupportNote | None:
    """The note waiting in ``session``, removed so it shows only once."""
    stored = session.pop(SESSION_KEY, None)
    if not isinstance(stored, dict):
        return None
    try:
        return SupportNote(
            kind=NoteKind(stored["kind"]),
            outcome=PostOutcome(stored.get("outcome", PostOutcome.NONE)),
            is_question=bool(stored.get("is_question")),
        )
    except (KeyError, ValueError):
        return None
