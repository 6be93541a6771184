"""The forms text is read in.

``normalise`` is the canonical form every phrase and post is matched in (watched
words, sourcing phrases, contact details). ``matching_form`` goes further for the
crisis detector only: quoted titles masked, separators, leetspeak, repeated and
spaced-out letters and chat spellings undone (see ``detector``).
"""

import re
import unicodedata

# --- Normalising ------------------------------------------------------------------

# Right and left single quotation marks, modifier-letter apostrophe, prime, grave
# accent and the full-width apostrophe all count as a plain apostrophe.
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032\u0060\uff07", "'"))
# Zero-width space, non-joiner, joiner, word joiner and the byte-order mark.
_ZERO_WIDTH = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff"))
WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return ``text`` in the canonical form every phrase and post is matched in.

    In order: Unicode NFKC (full-width and other compatibility forms become plain
    characters) -> ``casefold()`` -> apostrophe-like characters become ``'`` ->
    zero-width characters are dropped -> every run of whitespace, newlines
    included, becomes one space, and the ends are stripped.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_APOSTROPHES).translate(_ZERO_WIDTH)
    return WHITESPACE.sub(" ", text).strip()


# A quoted span that names a song, film, book or show is not the member speaking:
# "Suicide Is Painless", 'I Want to Die' by someone. A span is a title when most of
# its words are capitalised (not shouted in capitals), or a title word is next to it.
_QUOTED = re.compile(
    # Double quotes, straight and curly, or single quotes that are not apostrophes.
    '["\u201c\u201d\u201e\u00ab\u00bb]([^"\u201c\u201d\u201e\u00ab\u00bb\n]{1,80})'
    '["\u201c\u201d\u201e\u00ab\u00bb]'
    r"|(?<![^\W_])['\u2018](?![st] )([^'\u2018\u2019\n]{1,80})['\u2019](?![^\W_])"
)
_TITLE_CUE = re.compile(
    r"(?:song|songs|track|album|film|movie|book|novel|show|series|episode|poem|play|"
    r"podcast|documentary|doc|lyrics?|titled|called|named|by|sings?|sang|singing|"
    r"listening to|listened to|watching|watched|reading|read|quote|quoting|line from|"
    r"joke|joking|jokes|word|words|term|terms|phrase|phrases|hashtag|slang|saying)"
    r"\W*$",
    re.IGNORECASE,
)
_TITLE_CUE_AFTER = re.compile(
    r"^\W*(?:by|song|film|movie|book|album|track|episode|is (?:a|my|the|such a) "
    r"(?:great |good |sad |beautiful )?(?:song|film|movie|book|album|track|show))",
    re.IGNORECASE,
)


def _is_title(span: str, before: str, after: str) -> bool:
    words = [word for word in re.findall(r"[^\W\d_]+", span) if len(word) > 3]
    if _TITLE_CUE.search(before[-25:]) or _TITLE_CUE_AFTER.search(after[:40]):
        return True
    if not words or span.isupper():
        return False
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= 2 and capitalised == len(words)


def _mask_titles(text: str) -> str:
    def mask(match):
        span = match.group(1) or match.group(2)
        before, after = text[: match.start()], text[match.end() :]
        return " " if _is_title(span, before, after) else match.group()

    return _QUOTED.sub(mask, text)


# "k1ll my$elf" -> "kill myself", only inside words that also hold letters and are
# not a number with a unit ("4am", "30mg", "2nd").
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_LEET_WORD = re.compile(r"[\w@$]*[^\W\d_][\w@$]*")
_NUMBER_WITH_UNIT = re.compile(r"\d+[^\W\d_]*")
# Hyphen-minus, the Unicode hyphens and dashes, and emphasis or slash marks.
_SEPARATORS = re.compile(r"[-\u2010-\u2015_*~/|\\]+")
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
# Chat spellings read as the words they stand for ("thinkin bout it", "tn").
_CHAT_WORDS = {
    "abt": "about",
    "bout": "about",
    "'bout": "about",
    "thinkin": "thinking",
    "thinkn": "thinking",
    "tn": "tonight",
    "2nite": "tonight",
    "tonite": "tonight",
    "rlly": "really",
    "rly": "really",
    "srsly": "seriously",
    "prolly": "probably",
    "u": "you",
    "ur": "your",
}
_CHAT_WORD = re.compile(
    r"(?<![\w'])(?:" + "|".join(map(re.escape, _CHAT_WORDS)) + r")(?![\w'])"
    r"|(?<![\w'])b(?= (?:dead|gone|alive|here)\b)"
)
# "s u i c i d e", "k.m.s": three or more letters typed apart become one word.
_SPELLED_OUT = re.compile(r"(?<![\w'])(?:[^\W\d_][ .]){2,}[^\W\d_](?![^\W_])")


def _unleet(match):
    word = match.group()
    if _NUMBER_WITH_UNIT.fullmatch(word) or not re.search(r"[0-9@$]", word):
        return word
    if word.startswith("@") or word.endswith("@"):
        return word
    return word.translate(_LEET)


def matching_form(text: str) -> str:
    """``text`` as the detector reads it (see the notes above the patterns)."""
    text = normalise(_mask_titles(unicodedata.normalize("NFKC", text)))
    text = _SEPARATORS.sub(" ", text)
    text = _LEET_WORD.sub(_unleet, text)
    text = _REPEATS.sub(r"\1\1", text)
    text = _SPELLED_OUT.sub(lambda match: re.sub("[ .]", "", match.group()), text)
    text = _CHAT_WORD.sub(lambda match: _CHAT_WORDS.get(match.group(), "be"), text)
    return WHITESPACE.sub(" ", text).strip()
