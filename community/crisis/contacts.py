"""Crisis contacts' verification date, and offered contact details.

The contact details themselves live in templates/components/crisis_contacts.html
(and .txt for email) and nowhere else. (``HELPLINE_NUMBERS`` below is not contact
data for display: it is the list of digits the contact-details detector must never
flag, kept equal to the template's tel:/sms: numbers by a test.)
"""

import datetime
import re

from community.crisis.normalise import normalise

# When the crisis resources' details were last checked against the source.
CRISIS_CONTACTS_VERIFIED_ON = datetime.date(2026, 11, 27)
CRISIS_CONTACTS_REVERIFY_AFTER = datetime.timedelta(days=180)

# Help lines members may quote freely; never treated as contact details. The same
# numbers as the tel:/sms: links in templates/components/crisis_contacts.html.
HELPLINE_NUMBERS = ("988", "911", "838255", "18006624357")

CONTACT_DETAILS = re.compile(
    r"""
    (?P<email>
        (?<![^\W_])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![^\W_])
    )
    | (?P<phone>                      # US: 555-201-3344, (555) 201 3344,
        (?<![^\W_])(?<!\+)            # 555.201.3344, 5552013344, +1 555 201 3344
        (?:\+?1[ .-]?)?
        (?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}
        (?![^\W_])
    )
    | (?P<handle>                     # @someone: starts with a letter or _, so
        (?<![\w@.])@[^\W\d][\w.]*\w   # "@7pm" and emails are not handles
    )
    | (?P<cashtag>                    # $cashtag: "$" then a letter, so "$20" is not
        (?<![\w$])\$[^\W\d_]\w*
    )
    """,
    re.VERBOSE,
)


def _canonical_number(digits: str) -> str:
    """US number without the leading country code 1."""
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


_HELPLINE_DIGITS = frozenset(_canonical_number(number) for number in HELPLINE_NUMBERS)


def find_contact_details(text: str) -> list[str]:
    """Phone numbers, emails and @handles/$cashtags offered in ``text``.

    Matches are taken from the normalised text and returned distinct, in order.
    The help lines in ``HELPLINE_NUMBERS`` are never returned.
    """
    found = []
    for match in CONTACT_DETAILS.finditer(normalise(text)):
        if match.lastgroup == "phone":
            digits = re.sub(r"\D", "", match.group())
            if _canonical_number(digits) in _HELPLINE_DIGITS:
                continue
        found.append(match.group())
    return list(dict.fromkeys(found))
