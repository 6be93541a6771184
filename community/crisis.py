"""Crisis resources and crisis-language detection (docs/safety.md sections 5 and 6).

Crisis resources: when their details were last checked against the source.
The contact details themselves live in templates/components/crisis_contacts.html
(and .txt for email) and nowhere else. (``HELPLINE_NUMBERS`` below is not contact
data for display: it is the list of digits the contact-details detector must never
flag, kept equal to the template's tel:/sms: numbers by a test.)

Detection: ``normalise`` puts text typed by a member into one canonical form;
``PhraseMatcher`` finds whole-word phrases in it with one compiled regex. The same
normaliser and matcher serve moderators' watched words (docs/moderation.md
section 5), so a phrase is always stored and matched the same way.

Nothing here calls out of the process: plain ``re`` and ``unicodedata`` only.
"""

import datetime
import re
import unicodedata
from collections.abc import Iterable

CRISIS_CONTACTS_VERIFIED_ON = datetime.date(2026, 11, 27)
CRISIS_CONTACTS_REVERIFY_AFTER = datetime.timedelta(days=180)


# --- Normalising ------------------------------------------------------------------

# Right and left single quotation marks, modifier-letter apostrophe, prime, grave
# accent and the full-width apostrophe all count as a plain apostrophe.
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032\u0060\uff07", "'"))
# Zero-width space, non-joiner, joiner, word joiner and the byte-order mark.
_ZERO_WIDTH = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff"))
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return ``text`` in the canonical form every phrase and post is matched in.

    In order: Unicode NFKC (full-width and other compatibility forms become plain
    characters) -> ``casefold()`` -> apostrophe-like characters become ``'`` ->
    zero-width characters are dropped -> every run of whitespace, newlines
    included, becomes one space, and the ends are stripped.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_APOSTROPHES).translate(_ZERO_WIDTH)
    return _WHITESPACE.sub(" ", text).strip()


# --- Whole-word phrase matching ---------------------------------------------------

# Whole words: no letter or digit may touch either end of a match. ``[^\W_]`` is
# "a word character other than the underscore", i.e. any Unicode letter or digit.
# We deliberately do not use ``\w`` here: it also counts ``_``, so Markdown
# emphasis such as ``_kill myself_`` would slip through.
_NOT_AFTER_LETTER_OR_DIGIT = r"(?<![^\W_])"
_NOT_BEFORE_LETTER_OR_DIGIT = r"(?![^\W_])"


def _phrase_pattern(phrase: str) -> str:
    """A normalised phrase as regex source: literal text, a space matches ``\\s+``."""
    return r"\s+".join(re.escape(word) for word in phrase.split(" "))


class PhraseMatcher:
    """Find whole-word phrases in text, with one regex compiled up front.

    Phrases are normalised on the way in; blank ones are ignored and duplicates
    collapsed. They are tried longest first, so at any starting point the longest
    phrase wins ("kill myself tonight" before "kill myself"). The scan looks at
    every starting point, so phrases that overlap ("anyone selling" and "selling
    subs" in "anyone selling subs") are both reported. Phrases are literal text:
    no wildcards or regex syntax.
    """

    def __init__(self, phrases: Iterable[str]):
        normalised = (normalise(phrase) for phrase in phrases)
        self.phrases: tuple[str, ...] = tuple(dict.fromkeys(p for p in normalised if p))
        if self.phrases:
            longest_first = sorted(self.phrases, key=lambda p: (-len(p), p))
            alternation = "|".join(_phrase_pattern(p) for p in longest_first)
            # A zero-width lookahead that captures lets finditer report a phrase
            # starting inside another match (overlaps), still in text order.
            self.pattern: re.Pattern[str] | None = re.compile(
                f"{_NOT_AFTER_LETTER_OR_DIGIT}"
                f"(?=({alternation}){_NOT_BEFORE_LETTER_OR_DIGIT})"
            )
        else:
            self.pattern = None

    def find(self, text: str) -> list[str]:
        """The distinct phrases found in ``text``, in order of first appearance."""
        if self.pattern is None:
            return []
        found = (
            _WHITESPACE.sub(" ", match.group(1))
            for match in self.pattern.finditer(normalise(text))
        )
        return list(dict.fromkeys(found))

    def __repr__(self) -> str:
        return f"<PhraseMatcher of {len(self.phrases)} phrases>"


# --- Phrase lists -----------------------------------------------------------------
#
# OWNED BY OUR CLINICAL REVIEWER. The crisis and overdose lists change only by code
# review, together with the test table in
# community/tests/test_crisis_language_matching.py (must match / must not match).
# Favour first-person phrases over single words; list spelling variants (with and
# without apostrophes) explicitly, since matching is literal. Bump
# CRISIS_LIST_VERSION on any change to CRISIS_PHRASES: queue items record it.

CRISIS_LIST_VERSION = 1

CRISIS_PHRASES = (
    "want to die",
    "wanna die",
    "want to be dead",
    "wish i was dead",
    "wish i were dead",
    "don't want to be here",
    "dont want to be here",
    "do not want to be here",
    "don't want to live",
    "dont want to live",
    "do not want to live",
    "don't want to be alive",
    "dont want to be alive",
    "kill myself",
    "killing myself",
    "unalive myself",
    "end my life",
    "ending my life",
    "end my own life",
    "take my own life",
    "taking my own life",
    "end it all",
    "ending it all",
    "no reason to live",
    "nothing to live for",
    "no point in living",
    "no point living",
    "better off dead",
    "better off without me",
    "suicidal",
    "commit suicide",
    "hurt myself",
    "hurting myself",
    "harm myself",
    "harming myself",
    "overdose on purpose",
    "can't go on",
    "cant go on",
    "cannot go on",
)

# Wording that someone may be overdosing now: shows the overdose steps (911 first).
OVERDOSE_PHRASES = (
    "not breathing",
    "isn't breathing",
    "isnt breathing",
    "stopped breathing",
    "barely breathing",
    "won't wake up",
    "wont wake up",
    "will not wake up",
    "can't wake him",
    "can't wake her",
    "can't wake them",
    "can't wake my",
    "cant wake him",
    "cant wake her",
    "cant wake them",
    "cant wake my",
    "cannot wake him",
    "cannot wake her",
    "cannot wake them",
    "cannot wake my",
    "he's unresponsive",
    "she's unresponsive",
    "they're unresponsive",
    "turning blue",
    "lips are blue",
    "lips turning blue",
    "blue lips",
    "overdosing",
    "od'ing",
    "oding",
    "having an overdose",
    "took too much",
    "need narcan",
    "need naloxone",
)

# Sourcing and "take it elsewhere" wording: seeded as *hold* watched words (held for
# a moderator, never blocked). Transaction phrases, not drug names: members may name
# their own medication and talk about past use. No bare everyday words: "plug" and
# "trade my" are listed only in sourcing forms ("plug my phone in", "pull the plug",
# "I wouldn't trade my recovery" stay clear).
SOURCING_PHRASES = (
    "selling subs",
    "sell subs",
    "sell my subs",
    "buy subs",
    "buying subs",
    "got subs",
    "have subs",
    "need subs",
    "extra subs",
    "spare subs",
    "trading subs",
    "selling strips",
    "extra strips",
    "spare strips",
    "sell my script",
    "selling my script",
    "sell my meds",
    "selling my meds",
    "trade my subs",
    "trade my script",
    "trade my meds",
    "trade for subs",
    "anyone selling",
    "who's selling",
    "whos selling",
    "who is selling",
    "who sells",
    "where to buy",
    "where can i buy",
    "where to cop",
    "where can i cop",
    "for sale",
    "need a plug",
    "know a plug",
    "got a plug",
    "have a plug",
    "find a plug",
    "looking for a plug",
    "my plug",
    "your plug",
    "new plug",
    "plug me",
    "hook me up",
    "hook you up",
    "dm me",
    "pm me",
    "inbox me",
    "message me on",
    "message me at",
    "text me",
    "hit me up",
    "hmu",
    "add me on",
    "signal me",
    "telegram",
    "whatsapp",
    "wickr",
    "snapchat",
    "kik",
    "cash app",
    "cashapp",
    "venmo",
    "zelle",
)

_crisis_matcher = PhraseMatcher(CRISIS_PHRASES)
_overdose_matcher = PhraseMatcher(OVERDOSE_PHRASES)


def find_crisis_language(text: str) -> list[str]:
    """Crisis phrases in ``text`` (distinct, in order). Never a reason to hold."""
    return _crisis_matcher.find(text)


def find_overdose_language(text: str) -> list[str]:
    """Overdose-now phrases in ``text`` (distinct, in order)."""
    return _overdose_matcher.find(text)


# --- Contact details --------------------------------------------------------------

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
