"""Nobody can take a name that looks like another member's (a moderator's above
all), an invisible name, or a name the site keeps for itself and its staff."""

import pytest
from django.db import IntegrityError, transaction
from django.utils.html import escape

from community.models import User
from community.names import MESSAGES

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"
PROFILE = "/account/profile/"

# Each looks like the moderator fixture's "Keel".
LOOK_ALIKES = [
    "K\u0435\u0435l",  # Cyrillic ie
    "\u039aeel",  # Greek capital kappa
    "\uff2b\uff45\uff45\uff4c",  # full-width letters
    "KeeI",  # capital i for small L
    "K\u0323eel",  # a combining dot below
    " keel ",  # case and spaces
]
HIDDEN_CHARACTERS = [
    "Ke\u200bel",  # zero-width space
    "\u202eleeK",  # right-to-left override: shows as "Keel"
    "Ke\u2060el",  # word joiner
    "Keel\u3164",  # Hangul filler
]
INVISIBLE = ["\u3164", "\u2800\u2800", "\u200b\u200d", "\u00ad", "\u0301"]
RESERVED = [
    "A Steady Ground Visitor",
    "Steady Ground Visitor",
    "Steady Ground",
    "Moderator",
    "M\u043ederator",  # Cyrillic o
    "Mo-derator",
    "Moderator Jane",
    "The Moderators",
    "Admin",
    "Jane (mod)",
    "Staff",
    "Former member",
]


def signup_data(display_name):
    return {
        "email": "newcomer@example.com",
        "display_name": display_name,
        "password1": "a-long-test-password",
        "password2": "a-long-test-password",
        "is_adult": "on",
        "accepts_guidelines": "on",
    }


def rename(client, member, display_name):
    client.force_login(member)
    return client.post(
        PROFILE, {"display_name": display_name, "bio": "My unsaved words."}
    )


def assert_refused(response, member, message):
    html = response.content.decode()
    assert response.status_code == 400
    assert escape(str(message)) in html  # the message is translated lazily
    assert "My unsaved words." in html
    member.refresh_from_db()
    assert member.display_name == "Wren"
    assert member.profile.bio == ""


@pytest.mark.parametrize("name", LOOK_ALIKES)
def test_renaming_to_a_look_alike_of_a_moderator_is_refused(
    client, member, moderator, name
):
    assert_refused(rename(client, member, name), member, MESSAGES["taken"])


@pytest.mark.parametrize("name", HIDDEN_CHARACTERS)
def test_names_with_zero_width_or_direction_characters_are_refused(
    client, member, name
):
    assert_refused(rename(client, member, name), member, MESSAGES["hidden_characters"])


@pytest.mark.parametrize("name", INVISIBLE)
def test_invisible_names_are_refused(client, member, name):
    assert_refused(rename(client, member, name), member, MESSAGES["invisible"])


@pytest.mark.parametrize("name", RESERVED)
def test_reserved_names_are_refused(client, member, name):
    assert_refused(rename(client, member, name), member, MESSAGES["reserved"])


@pytest.mark.parametrize("name", [LOOK_ALIKES[0], HIDDEN_CHARACTERS[1], RESERVED[0]])
def test_signup_refuses_look_alike_hidden_and_reserved_names(client, moderator, name):
    response = client.post(SIGNUP, signup_data(name))
    assert response.status_code == 200
    assert 'value="newcomer@example.com"' in response.content.decode()
    assert not User.objects.filter(email="newcomer@example.com").exists()


@pytest.mark.parametrize("name", ["Keelan", "Wren", "WREN", "Zo\u00eb", "\u674e\u96f7"])
def test_distinct_names_and_ones_own_name_in_another_case_are_accepted(
    client, member, moderator, name
):
    response = rename(client, member, name)
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == name


def test_the_skeleton_follows_every_rename(member):
    member.display_name = "North \uff33tar"
    member.full_clean(exclude=["password"])
    member.save(update_fields=["display_name"])
    assert User.objects.get(pk=member.pk).name_skeleton == "north star"


@pytest.mark.parametrize("name", ["\u3164", "\u2800", "\u200b"])
def test_database_refuses_an_invisible_name(name):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="x@example.com", display_name=name)
    assert not User.objects.exists()
