"""Whole-word phrase matching: ``PhraseMatcher``, for moderators' watched words,
the sourcing phrases and moderators' extra crisis words alike, so a phrase is always
stored and matched the same way (docs/moderation.md section 5).
"""

import re
from collections.abc import Iterable

from community.crisis.normalise import WHITESPACE, normalise

# Whole words: no letter or digit may touch either end of a match. ``[^\W_]`` is
# "a word character other than the underscore", i.e. any Unicode letter or digit.
# We deliberately do not use ``\w`` here: it also counts ``_``, so Markdown
# emphasis such as ``_kill myself_`` would slip through.
NOT_AFTER_LETTER_OR_DIGIT = r"(?<![^\W_])"
NOT_BEFORE_LETTER_OR_DIGIT = r"(?![^\W_])"


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
                f"{NOT_AFTER_LETTER_OR_DIGIT}"
                f"(?=({alternation}){NOT_BEFORE_LETTER_OR_DIGIT})"
            )
        else:
            self.pattern = None

    def find(self, text: str) -> list[str]:
        """The distinct phrases found in ``text``, in order of first appearance."""
        if self.pattern is None:
            return []
        found = (
            WHITESPACE.sub(" ", match.group(1))
            for match in self.pattern.finditer(normalise(text))
        )
        return list(dict.fromkeys(found))

    def __repr__(self) -> str:
        return f"<PhraseMatcher of {len(self.phrases)} phrases>"
