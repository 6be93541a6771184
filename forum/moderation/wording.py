"""What moderation tells an author, in words that follow the reader's language.

Notices and status reasons are stored in English, since the moderator's language
is not the author's; `in_reader_language` shows a stored one in the active
language. A moderator's own reason inside a notice is shown as they typed it.
"""

import functools
import re

from django.utils import translation
from django.utils.translation import gettext_lazy as _

APPROVED = _("Your post was approved and is now visible to members.")
NOT_APPROVED = _("Your post was not approved: %(reason)s")
HIDDEN = _("A moderator hid your post: %(reason)s")
REMOVED = _("A moderator removed your post: %(reason)s")
RESTORED = _("A moderator restored your post; it is visible to members again.")
HIDDEN_BY_REPORTS = _(
    "Your post is hidden while a moderator reviews reports about it. "
    "You'll hear back once they have looked."
)
REPORTED_BY_A_MODERATOR = _("Reported by a moderator")
REPORTED_BY_MEMBERS = _("Reported by %(count)s members")
REPORTS_DISMISSED = _("Reports dismissed")
HELD_AFTER_EDIT = _("An edit added words that need a moderator's look")

_WORDINGS = [
    APPROVED,
    NOT_APPROVED,
    HIDDEN,
    REMOVED,
    RESTORED,
    HIDDEN_BY_REPORTS,
    REPORTED_BY_A_MODERATOR,
    REPORTED_BY_MEMBERS,
    REPORTS_DISMISSED,
    HELD_AFTER_EDIT,
]
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def stored(wording, **values) -> str:
    """`wording` as it is stored: in English."""
    with translation.override("en"):
        text = str(wording)
    return text % values if values else text


@functools.cache
def _english_shapes():
    """(wording, text before its one placeholder, its name, text after)."""
    shapes = []
    for wording in _WORDINGS:
        before, *rest = _PLACEHOLDER.split(stored(wording))
        name, after = rest if rest else (None, "")
        shapes.append((wording, before, name, after))
    return shapes


def in_reader_language(text: str) -> str:
    """A stored notice or reason in the active language; other text as stored."""
    for wording, before, name, after in _english_shapes():
        if name is None:
            if text == before:
                return str(wording)
        elif (
            text.startswith(before)
            and text.endswith(after)
            and len(text) >= len(before) + len(after)
        ):
            return str(wording) % {name: text[len(before) : len(text) - len(after)]}
    return text
