"""Crisis resources and crisis-language detection (docs/safety.md sections 5 and 6).

- ``contacts``: when the crisis contacts were last verified, and the detector of
  contact details offered in a post (help lines excepted).
- ``normalise``: the canonical form text is matched in, and the detector's
  matching form.
- ``phrases``: ``PhraseMatcher``, whole-word phrases (watched words, sourcing
  phrases, moderators' extra crisis words). The sourcing phrases themselves are
  forum's hold watched words, seeded by forum migration 0014.
- ``detector``: ``detect`` and its typed result (``Kind``, ``Detection``), reading
  a text with the clinician-owned patterns in ``words``, ``wish_patterns``,
  ``act_patterns``, ``overdose_patterns`` and ``guards``.

Nothing here calls out of the process: plain ``re`` and ``unicodedata`` only.
Callers import from ``community.crisis``; the names below are its interface.
"""

from community.crisis.contacts import (
    CONTACT_DETAILS,
    CRISIS_CONTACTS_REVERIFY_AFTER,
    CRISIS_CONTACTS_VERIFIED_ON,
    HELPLINE_NUMBERS,
    find_contact_details,
)
from community.crisis.detector import (
    CRISIS_LIST_VERSION,
    NOTHING,
    Detection,
    Kind,
    detect,
)
from community.crisis.normalise import matching_form, normalise
from community.crisis.phrases import PhraseMatcher

__all__ = [
    "CONTACT_DETAILS",
    "CRISIS_CONTACTS_REVERIFY_AFTER",
    "CRISIS_CONTACTS_VERIFIED_ON",
    "CRISIS_LIST_VERSION",
    "HELPLINE_NUMBERS",
    "NOTHING",
    "Detection",
    "Kind",
    "PhraseMatcher",
    "detect",
    "find_contact_details",
    "matching_form",
    "normalise",
]
