"""What counts as visible text is decided by Unicode's properties, not a hand list."""

import sys
import unicodedata

from community.invisible_characters import INVISIBLE_RANGES, generate_ranges
from community.sanitize import has_visible_text


def test_invisible_ranges_are_exactly_what_unicode_properties_give():
    assert generate_ranges() == INVISIBLE_RANGES


def test_every_mark_separator_control_and_format_character_is_invisible_alone():
    shown = [
        hex(code_point)
        for code_point in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code_point))[0] in "MZ"
        or unicodedata.category(chr(code_point)) in {"Cc", "Cf", "Cs"}
        if has_visible_text(chr(code_point))
    ]
    assert shown == []


def test_letters_digits_punctuation_and_symbols_are_visible_except_blank_ones():
    hidden = {
        f"U+{code_point:04X}"
        for code_point in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code_point))[0] in "LNPS"
        and not has_visible_text(chr(code_point))
    }
    # Default-ignorable letters (the Hangul fillers) and the empty Braille cell.
    assert hidden == {"U+115F", "U+1160", "U+3164", "U+FFA0", "U+2800"}
