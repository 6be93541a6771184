"""The sourcing phrases, as migration 0014 seeds them into the hold watched words,
catch sourcing wording and leave everyday recovery talk alone (safety.md section 10).

The phrases' one home is the migration's frozen tuple (moderators then change the
seeded watched words); these tests read it there. No database needed.
"""

# The table deliberately holds a curly apostrophe: the normaliser must undo it.
# ruff: noqa: RUF001

import importlib

import pytest

from community.crisis import PhraseMatcher, find_contact_details, normalise
from community.tests.test_crisis_language_matching import INNOCENT

SOURCING_PHRASES = importlib.import_module(
    "forum.migrations.0014_seed_sourcing_watched_words"
).SOURCING_PHRASES
SOURCING = PhraseMatcher(SOURCING_PHRASES)


def held_for(text):
    """What a post would be held for: sourcing phrases plus contact details."""
    return SOURCING.find(text) + find_contact_details(text)


def test_the_sourcing_seed_list_is_stored_normalised_and_without_duplicates():
    assert isinstance(SOURCING_PHRASES, tuple)
    assert all(phrase == normalise(phrase) and phrase for phrase in SOURCING_PHRASES)
    assert len(set(SOURCING_PHRASES)) == len(SOURCING_PHRASES)


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


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_sentences_are_not_held(text):
    assert held_for(text) == []
