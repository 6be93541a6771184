"""Messages to moderators count against FORUM_RATE_LIMITS["moderator_message"]."""

import pytest

from community.actions import write_to_moderators
from community.limits import RateLimited
from community.models import ModeratorMessage

pytestmark = [pytest.mark.django_db, pytest.mark.rate_limits]


@pytest.fixture
def three_a_day(settings):
    settings.FORUM_RATE_LIMITS = {
        **settings.FORUM_RATE_LIMITS,
        "moderator_message": (3, 86_400),
    }


def test_a_member_past_the_daily_limit_is_refused_and_nothing_is_stored(
    member, three_a_day
):
    for number in range(3):
        write_to_moderators(member, body=f"Message {number}")

    with pytest.raises(RateLimited):
        write_to_moderators(member, body="One too many")

    assert list(
        ModeratorMessage.objects.filter(member=member)
        .order_by("pk")
        .values_list("body", flat=True)
    ) == ["Message 0", "Message 1", "Message 2"]


def test_the_contact_page_answers_429_and_keeps_the_text(client, member, three_a_day):
    client.force_login(member)
    for number in range(3):
        response = client.post("/contact-moderators/", {"body": f"Message {number}"})
        assert response.status_code == 302

    response = client.post("/contact-moderators/", {"body": "Please read this one"})

    assert response.status_code == 429
    assert "You can write again tomorrow" in response.text
    assert "Please read this one</textarea>" in response.text
    assert ModeratorMessage.objects.filter(member=member).count() == 3


def test_each_member_has_their_own_count(member, other_member, three_a_day):
    for number in range(3):
        write_to_moderators(member, body=f"Message {number}")

    write_to_moderators(other_member, body="My first message")

    assert ModeratorMessage.objects.filter(member=other_member).count() == 1


def test_the_configured_five_a_day_holds_for_eight_in_a_row(member, settings):
    assert settings.FORUM_RATE_LIMITS["moderator_message"] == (5, 86_400)
    refused = 0
    for number in range(8):
        try:
            write_to_moderators(member, body=f"Message {number}")
        except RateLimited:
            refused += 1

    assert refused == 3
    assert ModeratorMessage.objects.filter(member=member).count() == 5
