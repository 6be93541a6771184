"""``detect``: is a text a crisis statement, an overdose happening now, or neither?

It returns a typed ``Detection`` (kind, shortest matched phrase, list version).
"""

# OWNED BY OUR CLINICAL REVIEWER. The patterns (wish_patterns, act_patterns,
# overdose_patterns, words and guards) change only by code review,
# together with the test table in community/tests/crisis_table.py (every kind of
# statement it lists must still be found, and none of its ordinary sentences).
# Bump CRISIS_LIST_VERSION on any change: queue items record the version that
# matched, so a false alarm can be traced to the list that raised it.
#
# How a text is read (``detect``):
# 1. ``normalise`` (section 5 of docs/safety.md), after masking quoted titles
#    ("Suicide Is Painless", a film or song named in quotes).
# 2. A matching form: hyphens, slashes and emphasis marks become spaces ("self-harm",
#    "OD-ing"), light leetspeak inside words is undone ("k1ll my$elf"), letters
#    typed three or more times are cut to two ("dieeee" -> "diee"), letters typed
#    apart are joined ("s u i c i d e") and chat spellings read as words ("bout",
#    "tn").
# 3. One compiled regex with one named group per pattern. Patterns are written
#    in the matching form: a space is one space, ``'?`` an optional apostrophe.
# 4. Guards drop a match that is negated just before it ("I'd never kill myself",
#    "I'm not suicidal"), asked about ("how do I know if my friend is suicidal?"),
#    said of people in general, told in the past tense without a sign that it is
#    recent ("so boring I wanted to die lol"), or in a sentence about the distant
#    past ("years ago I wanted to die"); overdose wording also when the sentence
#    tells of a death ("my brother overdosed and died"), a fear for later, or is
#    teaching ("if someone isn't breathing, call 911").
# 5. Overdose wins over crisis: the note then leads with 911 and naloxone. The
#    phrase reported is the shortest match of the winning kind.

import re
from dataclasses import dataclass
from enum import StrEnum

from community.crisis import guards
from community.crisis.act_patterns import ACT_PATTERNS
from community.crisis.normalise import matching_form
from community.crisis.overdose_patterns import OVERDOSE_PATTERNS
from community.crisis.phrases import (
    NOT_AFTER_LETTER_OR_DIGIT,
    NOT_BEFORE_LETTER_OR_DIGIT,
    PhraseMatcher,
)
from community.crisis.wish_patterns import WISH_PATTERNS

CRISIS_LIST_VERSION = 2


class Kind(StrEnum):
    CRISIS = "crisis"
    OVERDOSE = "overdose"
    NONE = "none"


@dataclass(frozen=True)
class Detection:
    """What ``detect`` found: the kind, its shortest matched phrase, the list."""

    kind: Kind = Kind.NONE
    phrase: str = ""
    list_version: int = CRISIS_LIST_VERSION

    def __bool__(self):
        return self.kind is not Kind.NONE


NOTHING = Detection()

# (kind, comment, pattern), crisis first: the order names the regex groups.
_PATTERNS = (
    *((Kind.CRISIS, comment, pattern) for comment, pattern in WISH_PATTERNS),
    *((Kind.CRISIS, comment, pattern) for comment, pattern in ACT_PATTERNS),
    *((Kind.OVERDOSE, comment, pattern) for comment, pattern in OVERDOSE_PATTERNS),
)


def _whole_words_in_exceptions(pattern: str) -> str:
    """End every "not followed by" exception (``(?! ...)``) at a word boundary.

    So "don't want to wake up (?! to...)" still matches "... wake up tomorrow".
    """
    out, depth_stack, i = [], [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[":  # a character class: copy it whole
            end = pattern.index("]", i + 2 if pattern[i + 1] in "^]" else i + 1)
            out.append(pattern[i : end + 1])
            i = end + 1
            continue
        if char == "(":
            depth_stack.append(pattern.startswith("(?! ", i))
        elif char == ")" and depth_stack.pop():
            out.append(NOT_BEFORE_LETTER_OR_DIGIT)
        out.append(char)
        i += 1
    return "".join(out)


def _compile_detector():
    # Overdose patterns are tried first: where both could start, the emergency wins.
    alternation = "|".join(
        f"(?P<p{number}>{_whole_words_in_exceptions(pattern)})"
        for number, (kind, _c, pattern) in sorted(
            enumerate(_PATTERNS), key=lambda row: row[1][0] is not Kind.OVERDOSE
        )
    )
    return re.compile(
        f"{NOT_AFTER_LETTER_OR_DIGIT}(?:{alternation}){NOT_BEFORE_LETTER_OR_DIGIT}"
    )


_DETECTOR = _compile_detector()
_KIND_OF_GROUP = {f"p{number}": kind for number, (kind, _c, _p) in enumerate(_PATTERNS)}


def _is_history(head, matched, tail, kind):
    """A history (or, for overdose wording, a death) marker in the sentence that is
    not wholly inside the match itself ("used to cut myself" counts; "if I died" in
    "nobody would care if I died" does not)."""
    sentence = f"{head}{matched}{tail}"
    inside = range(len(head), len(head) + len(matched) + 1)
    markers = [guards.HISTORICAL] + ([guards.DEATH] if kind is Kind.OVERDOSE else [])
    return any(
        not (found.start() in inside and found.end() in inside)
        for marker in markers
        for found in marker.finditer(sentence)
    )


def _clause_before(text, start):
    return guards.CLAUSE_START.sub("", text[:start]).strip()


def _sentence_around(text, start, end):
    head = guards.SENTENCE_START.sub("", text[:start])
    tail = guards.SENTENCE_END.split(text[end:], maxsplit=1)[0]
    return head, tail


def _guarded(text, match, kind):
    """True when a match is not an alarm: negated, history, or general talk."""
    before = _clause_before(text, match.start())
    # A match that starts a clause of its own ("... so I could just go") is not
    # denied by the clause before it.
    starts_clause = guards.JOINING_WORD.match(match.group())
    negated = not starts_clause and guards.NEGATED.search(before)
    negated = negated and not guards.INSISTS.search(before)
    negated = negated or guards.ASKING.search(
        guards.SENTENCE_START.sub("", text[: match.start()])
    )
    negated = negated or guards.PEOPLE_IN_GENERAL.search(before)
    if negated or guards.NEGATED_AFTER.match(text[match.end() :]):
        return True
    head, tail = _sentence_around(text, match.start(), match.end())
    rest = f"{head} | {tail}"
    if _is_history(head, match.group(), tail, kind) and not guards.HAPPENING_NOW.search(
        rest
    ):
        return True
    if guards.FEARING_FOR.search(f"{head}{match.group()}"):
        return True
    told = " ".join([*before.split()[-3:], match.group()])
    if kind is Kind.CRISIS and guards.PAST_TENSE.search(told):
        sentence = f"{head} {match.group()} {tail}"
        if not (
            guards.HAPPENING_NOW.search(sentence) or guards.RECENT.search(sentence)
        ):
            return True
    return (
        kind is Kind.OVERDOSE
        and bool(guards.GENERAL.search(rest))
        and not (guards.HAPPENING_NOW.search(rest))
    )


def _alarms(text):
    """Every (kind, phrase) the detector raises in matching-form ``text``, including
    matches that overlap ("he used and now he won't wake up" holds two)."""
    position = 0
    while (match := _DETECTOR.search(text, position)) is not None:
        kind = _KIND_OF_GROUP[match.lastgroup]
        if not _guarded(text, match, kind):
            yield kind, match.group()
        position = match.start() + 1


def detect(
    text: str, *, extra_crisis_phrases: PhraseMatcher | None = None
) -> Detection:
    """Is ``text`` a crisis statement, an overdose happening now, or neither?

    ``extra_crisis_phrases`` are moderators' crisis watched words (docs/moderation.md
    section 5): they can add to the list, never take away from it.
    """
    found = {}  # kind -> its shortest phrase: the most specific, the least text
    for kind, phrase in _alarms(matching_form(text)):
        if kind not in found or len(phrase) < len(found[kind]):
            found[kind] = phrase
    if Kind.OVERDOSE in found:
        return Detection(Kind.OVERDOSE, found[Kind.OVERDOSE])
    if Kind.CRISIS in found:
        return Detection(Kind.CRISIS, found[Kind.CRISIS])
    if extra_crisis_phrases is not None and (extra := extra_crisis_phrases.find(text)):
        return Detection(Kind.CRISIS, extra[0])
    return NOTHING


# Sourcing and "take it elsewhere" wording: seeded as *hold* watched words (held for
# a moderator, never blocked). Transaction phrases, not drug names: members may name
