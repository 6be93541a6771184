"""Crisis, overdose and contact-detail detection (safety.md sections 5, 6 and 10).
The sourcing phrases are forum's: forum/tests/test_sourcing_phrases_are_held.py.

The phrase lists and patterns in community/crisis/ are owned by our clinical
reviewer; change them only together with the tables here and in crisis_table.py.
No database needed.
"""

# The tables deliberately hold look-alike characters (full-width letters, curly
# apostrophes): they are what the normaliser must undo.
# ruff: noqa: RUF001

import re
from pathlib import Path

import pytest

from community.crisis import (
    CRISIS_LIST_VERSION,
    HELPLINE_NUMBERS,
    Detection,
    Kind,
    PhraseMatcher,
    detect,
    detector,
    find_contact_details,
    matching_form,
    normalise,
)

REPO = Path(__file__).resolve().parents[2]


# --- normalise --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("ｋｉｌｌ ｍｙｓｅｌｆ", "kill myself"),  # full-width
        ("I’M HERE", "i'm here"),  # curly apostrophe, capitals
        ("don‘t ʼtil ′ `x` ＇y＇", "don't 'til ' 'x' 'y'"),
        ("ki\u200bll my\u200cse\u200dlf\u2060\ufeff", "kill myself"),  # zero-width
        ("kill\nmyself", "kill myself"),
        ("  end\r\n\t my \u00a0 life  ", "end my life"),
        ("Straße", "strasse"),  # casefold, not just lower()
        ("", ""),
    ],
)
def test_normalise_gives_one_canonical_form(typed, normal):
    assert normalise(typed) == normal


@pytest.mark.parametrize(
    "typed", ["ｋｉｌｌ ｍｙｓｅｌｆ", "I don’t want to be here", "a\u200b\n\nb"]
)
def test_normalise_is_idempotent(typed):
    assert normalise(normalise(typed)) == normalise(typed)


def test_zero_width_characters_inside_words_do_not_hide_a_phrase():
    assert detect("ki\u200bll myself").phrase == "kill myself"


def test_a_zero_width_character_between_spaces_still_collapses_to_one_space():
    assert normalise("kill \u200b myself") == "kill myself"


# --- PhraseMatcher ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the cat sat", ["cat"]),
        ("concatenate", []),
        ("cats", []),
        ("cat5", []),
        ("(cat)", ["cat"]),
        ("_cat_", ["cat"]),  # underscore is not a letter or digit: Markdown emphasis
        ("cat's toy", ["cat"]),
        ("CAT", ["cat"]),
    ],
)
def test_phrase_matcher_matches_whole_words_only(text, found):
    assert PhraseMatcher(["cat"]).find(text) == found


@pytest.mark.parametrize(
    "text", ["hot dog", "hot  dog", "hot\ndog", "hot\t\u00a0dog", "HOT\u200b DOG"]
)
def test_phrase_matcher_spans_any_whitespace(text):
    assert PhraseMatcher(["hot dog"]).find(text) == ["hot dog"]


@pytest.mark.parametrize("phrases", [[], [""], ["   ", "\n"]])
def test_empty_matcher_matches_nothing(phrases):
    matcher = PhraseMatcher(phrases)
    assert matcher.phrases == ()
    assert matcher.find("anything at all") == []
    assert matcher.find("") == []


def test_phrase_matcher_results_are_distinct_and_in_order_of_first_appearance():
    matcher = PhraseMatcher(["zebra", "apple", "mango"])
    text = "mango then apple, mango again, apple, no zebra"
    assert matcher.find(text) == ["mango", "apple", "zebra"]


def test_phrase_matcher_normalises_and_collapses_its_phrases():
    matcher = PhraseMatcher(["Don’t  Panic", "don't panic", "", "ＯＫ"])
    assert matcher.phrases == ("don't panic", "ok")
    assert matcher.find("DON'T\nPANIC, ok?") == ["don't panic", "ok"]


def test_phrase_matcher_prefers_the_longest_phrase_at_a_position():
    matcher = PhraseMatcher(["kill myself", "kill myself tonight"])
    assert matcher.find("I will kill myself tonight") == ["kill myself tonight"]


def test_phrase_matcher_reports_overlapping_phrases():
    matcher = PhraseMatcher(["anyone selling", "selling subs"])
    assert matcher.find("anyone selling subs?") == ["anyone selling", "selling subs"]


@pytest.mark.parametrize("phrase", ["a.b", "c++", "(x)", "1+1", "$cash", "[y]*"])
def test_phrase_matcher_treats_phrases_as_literal_text(phrase):
    matcher = PhraseMatcher([phrase])
    assert matcher.find(f"see {phrase} here") == [phrase]
    assert matcher.find("see axb cc x 11 cash y here") == []


def test_phrase_matcher_compiles_once():
    matcher = PhraseMatcher(["kill myself"])
    pattern = matcher.pattern
    matcher.find("kill myself")
    matcher.find("nothing")
    assert matcher.pattern is pattern


# --- Crisis and overdose detection ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "phrase"),
    [
        ("I want to die", Kind.CRISIS, "want to die"),
        ("I don’t want to be here anymore", Kind.CRISIS, "don't want to be here"),
        ("I'm going to KILL MYSELF", Kind.CRISIS, "kill myself"),
        ("ｋｉｌｌ ｍｙｓｅｌｆ", Kind.CRISIS, "kill myself"),
        ("kill\nmyself", Kind.CRISIS, "kill myself"),
        ("ki\u200bll myself", Kind.CRISIS, "kill myself"),
        ("*kill myself*", Kind.CRISIS, "kill myself"),
        ("_kill myself_", Kind.CRISIS, "kill myself"),
        ("thinking about suicide tonight", Kind.CRISIS, "thinking about suicide"),
        ("he's not breathing", Kind.OVERDOSE, "not breathing"),
        ("is it time for the narcan?", Kind.OVERDOSE, "time for the narcan"),
    ],
)
def test_detect_returns_the_kind_the_phrase_and_the_list_version(text, kind, phrase):
    assert detect(text) == Detection(kind, phrase, CRISIS_LIST_VERSION)


def test_overdose_wins_when_a_text_is_both():
    found = detect("I want to die. I took all my pills and my lips are going blue")
    assert found.kind is Kind.OVERDOSE


def test_nothing_found_is_a_false_detection_of_kind_none():
    found = detect("day 30 today!")
    assert found == Detection(Kind.NONE, "", CRISIS_LIST_VERSION)
    assert not found
    assert detect("I want to die")


def test_moderators_crisis_words_add_to_the_list():
    extra = PhraseMatcher(["feeling hopeless"])
    assert detect("Feeling HOPELESS today", extra_crisis_phrases=extra) == Detection(
        Kind.CRISIS, "feeling hopeless", CRISIS_LIST_VERSION
    )
    assert detect("Feeling hopeless today") == Detection()


def test_the_detector_is_compiled_once_per_process():
    assert isinstance(detector._DETECTOR, re.Pattern)
    pattern = detector._DETECTOR
    detect("I want to die")
    assert detector._DETECTOR is pattern


@pytest.mark.parametrize(
    ("typed", "read_as"),
    [
        ("k1ll my$elf", "kill myself"),
        ("self-harm", "self harm"),
        ("OD\u2013ing", "od ing"),
        ("s u i c i d e", "suicide"),
        ("dieeeee", "diee"),
        ("I took 4 pills at 4am", "i took 4 pills at 4am"),  # numbers stay numbers
        ("thinkin bout it tn", "thinking about it tonight"),  # chat spellings
        ("i wanna b dead", "i wanna be dead"),
        ('my song is "Suicide Is Painless"', "my song is"),  # a title in quotes
        ('I keep thinking "I WANT TO DIE"', 'i keep thinking "i want to die"'),
    ],
)
def test_matching_form_undoes_what_people_type(typed, read_as):
    assert matching_form(typed) == read_as


def test_every_pattern_group_has_a_comment_and_a_kind():
    for kind, comment, pattern in detector._PATTERNS:
        assert kind in {Kind.CRISIS, Kind.OVERDOSE}
        assert comment.strip()
        assert re.compile(pattern)


# --- Sentences nothing should flag -----------------------------------------------
# The sourcing phrases are forum's watched words (seeded by forum migration 0014):
# forum/tests/test_sourcing_phrases_are_held.py checks these sentences against them.


INNOCENT = [
    "My doctor prescribed Suboxone 8 mg",
    "pot roast recipe",
    "I shot a video",
    "this song kills me",
    "blood test on Monday",
    "day 30 today!",
    "I called 988 last night and it helped",
    "call 1-800-662-4357 for treatment referrals",
    "text 838255 if you're a veteran",
    "If you're in danger call 911",
    "I paid $20 for the copay",
    "my counselor said to plug my phone in at night",
    "we pulled the plug on the old meeting time",
    "quick plug for the Tuesday meeting",
    "the group meets at 7pm",
    "see you @ 7pm, or @7pm",
    "I've been on methadone for 2 years",
    "we traded stories at the meeting",
    "I wouldn't trade my recovery for anything",
    "I sent a message to my sponsor",
    "my sponsor texted me back",
    "started on 16 mg in 2023, now down to 4 mg",
    "my recovery date is 03/14/2022",
    "rehab cost $1,200 after insurance",
    "ordered a sub sandwich after group",
    "I wake up at 6 and take my dose",
]


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_sentences_raise_no_crisis_or_overdose_note(text):
    assert detect(text) == Detection()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("call 555-201-3344", ["555-201-3344"]),
        ("call (555) 201 3344", ["(555) 201 3344"]),
        ("call 555.201.3344", ["555.201.3344"]),
        ("call 5552013344", ["5552013344"]),
        ("call +1 555 201 3344", ["+1 555 201 3344"]),
        ("call +15552013344", ["+15552013344"]),
        ("write to Some.One+x@Example.co.uk.", ["some.one+x@example.co.uk"]),
        ("find me @some_one.", ["@some_one"]),
        ("send it to $helper99", ["$helper99"]),
        ("5552013344 or 555-201-3344 or 5552013344", ["5552013344", "555-201-3344"]),
    ],
)
def test_contact_details_are_found(text, found):
    assert find_contact_details(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "8 mg",
        "day 30",
        "2023",
        "988",
        "911",
        "838255",
        "1-800-662-4357",
        "1 800 662 4357",
        "+1 (800) 662-4357",
        "18006624357",
        "$20",
        "$ 20 each",
        "meet @ 7pm",
        "12345678901234",  # a long reference number is not a phone number
        "2023-01-15 to 2024-01-15",
    ],
)
def test_numbers_and_help_lines_are_not_contact_details(text):
    assert find_contact_details(text) == []


def test_exempt_help_lines_are_exactly_the_numbers_in_the_contact_block():
    template = (REPO / "templates/components/crisis_contacts.html").read_text()
    linked = set(re.findall(r"(?:tel|sms):\+?(\d+)", template))
    assert set(HELPLINE_NUMBERS) == linked
