"""Crisis, overdose and sourcing detection (docs/safety.md sections 5, 6 and 10).

The phrase lists in community/crisis.py are owned by our clinical reviewer; change
them only together with the tables here. No database needed.
"""

# The tables deliberately hold look-alike characters (full-width letters, curly
# apostrophes): they are what the normaliser must undo.
# ruff: noqa: RUF001

import re
from pathlib import Path

import pytest

from community.crisis import (
    CONTACT_DETAILS,
    CRISIS_LIST_VERSION,
    CRISIS_PHRASES,
    HELPLINE_NUMBERS,
    OVERDOSE_PHRASES,
    SOURCING_PHRASES,
    PhraseMatcher,
    find_contact_details,
    find_crisis_language,
    find_overdose_language,
    normalise,
)

REPO = Path(__file__).resolve().parents[2]
SOURCING = PhraseMatcher(SOURCING_PHRASES)


def held_for(text):
    """What a post would be held for: sourcing phrases plus contact details."""
    return SOURCING.find(text) + find_contact_details(text)


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
    assert find_crisis_language("ki\u200bll myself") == ["kill myself"]


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


# --- Crisis language --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("I want to die", "want to die"),
        ("I don’t want to be here anymore", "don't want to be here"),
        ("I'm going to KILL MYSELF", "kill myself"),
        ("ｋｉｌｌ ｍｙｓｅｌｆ", "kill myself"),
        ("kill\nmyself", "kill myself"),
        ("thinking about how to end my life", "end my life"),
        ("honestly everyone would be better off without me", "better off without me"),
        ("i just want to end it all.", "end it all"),
        ("There's no reason to live", "no reason to live"),
        ("I'd be better off dead", "better off dead"),
        ("feeling suicidal tonight", "suicidal"),
        ("I want to hurt myself", "hurt myself"),
        ("I can’t go on like this", "can't go on"),
        ("*kill myself*", "kill myself"),
        ("_kill myself_", "kill myself"),
    ],
)
def test_crisis_language_is_found(text, phrase):
    assert phrase in find_crisis_language(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm so skilled at this",
        "killer workout today",
        "this song kills me",
        "I need to skill myself up",
        "blood test on Monday",
        "I'm dying to see the show",
        "the movie's ending was sad",
        "Recovery helped me take my life back",
        "I'm grateful to be here today",
        "a diet soda",
    ],
)
def test_everyday_language_is_not_crisis_language(text):
    assert find_crisis_language(text) == []


def test_the_seed_crisis_list_holds_the_phrases_the_docs_assume():
    required = {
        "want to die",
        "don't want to be here",
        "kill myself",
        "end my life",
        "end it all",
        "no reason to live",
        "better off dead",
        "better off without me",
        "suicidal",
        "hurt myself",
        "can't go on",
    }
    assert required <= set(CRISIS_PHRASES)
    assert isinstance(CRISIS_LIST_VERSION, int)


@pytest.mark.parametrize(
    "phrases", [CRISIS_PHRASES, OVERDOSE_PHRASES, SOURCING_PHRASES]
)
def test_seed_lists_are_stored_normalised_and_without_duplicates(phrases):
    assert isinstance(phrases, tuple)
    assert all(phrase == normalise(phrase) and phrase for phrase in phrases)
    assert len(set(phrases)) == len(phrases)


# --- Overdose language ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("he's not breathing", "not breathing"),
        ("she won't wake up", "won't wake up"),
        ("she won’t wake up!!", "won't wake up"),
        ("I can't wake him up", "can't wake him"),
        ("his lips are blue", "lips are blue"),
        ("I think she's ODing", "oding"),
        ("my friend is od'ing", "od'ing"),
        ("he's overdosing", "overdosing"),
    ],
)
def test_overdose_language_is_found(text, phrase):
    assert phrase in find_overdose_language(text)


@pytest.mark.parametrize(
    "text",
    [
        "breathing exercises help me",
        "I wake up at 6",
        "I can't wake up early on my new dose",
        "I'm breathing easier these days",
        "that's odd",
    ],
)
def test_everyday_language_is_not_overdose_language(text):
    assert find_overdose_language(text) == []


# --- Sourcing and contact details -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "text me 555-201-3344",
        "anyone selling subs?",
        "add me on telegram",
        "hmu on whatsapp",
        "email me at someone@example.com",
        "my cashapp is $helper99",
        "dm me for details",
        "Who’s selling around here",
        "where to buy strips",
        "my plug is out, need a plug",
        "message me on signal",
        "pay by venmo or zelle",
        "I have extra strips",
        "hit me up @quickmeds",
    ],
)
def test_sourcing_and_contact_details_are_held(text):
    assert held_for(text) != []


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
def test_innocent_sentences_are_not_held(text):
    assert held_for(text) == []


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_sentences_raise_no_crisis_or_overdose_note(text):
    assert find_crisis_language(text) == []
    assert find_overdose_language(text) == []


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


def test_contact_details_pattern_is_precompiled():
    assert isinstance(CONTACT_DETAILS, re.Pattern)


def test_exempt_help_lines_are_exactly_the_numbers_in_the_contact_block():
    template = (REPO / "templates/components/crisis_contacts.html").read_text()
    linked = set(re.findall(r"(?:tel|sms):\+?(\d+)", template))
    assert set(HELPLINE_NUMBERS) == linked
