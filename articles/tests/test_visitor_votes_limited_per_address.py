"""Visitors can't stuff a poll by dropping their cookie (item 14 of issue 11)."""

import pytest
from django.test import Client, RequestFactory

from articles.models import Poll, PollVote
from articles.tests.factories import make_poll, make_published
from community.limits import visitor_key

pytestmark = [pytest.mark.django_db, pytest.mark.rate_limits]

ORIGIN = "http://testserver"
ADDRESS = "203.0.113.7"


@pytest.fixture(autouse=True)
def three_a_day(settings):
    settings.FORUM_RATE_LIMITS = {
        **settings.FORUM_RATE_LIMITS,
        "visitor_vote": (3, 86_400),
    }


@pytest.fixture
def poll(editor, medical_reviewer):
    return make_poll(make_published(editor, medical_reviewer))


def vote_without_cookies(poll, address=ADDRESS):
    """A fresh browser each time: what dropping the cookie amounts to."""
    return Client(REMOTE_ADDR=address).post(
        f"/articles/{poll.article.slug}/poll/",
        {"option": poll.options.first().pk},
        HTTP_ORIGIN=ORIGIN,
        follow=True,
    )


def test_cookie_less_votes_from_one_address_stop_at_the_limit(poll):
    for _ in range(3):
        assert "Thank you for voting." in vote_without_cookies(poll).text

    refused = vote_without_cookies(poll)

    assert refused.status_code == 200
    assert "already come from your network today" in refused.text
    assert "sign in to add yours" in refused.text
    assert PollVote.objects.filter(poll=poll).count() == 3
    assert Poll.objects.get(pk=poll.pk).total_votes == 3
    assert poll.options.first().vote_count == 3


def test_other_addresses_and_other_polls_still_count(poll, editor, medical_reviewer):
    for _ in range(3):
        vote_without_cookies(poll)
    other_poll = make_poll(
        make_published(editor, medical_reviewer, title="Another article")
    )

    assert "Thank you for voting." in vote_without_cookies(poll, "198.51.100.2").text
    assert "Thank you for voting." in vote_without_cookies(other_poll).text
    assert PollVote.objects.filter(poll=poll).count() == 4
    assert PollVote.objects.filter(poll=other_poll).count() == 1


def test_a_repeat_from_the_same_browser_costs_the_address_nothing(poll):
    browser = Client(REMOTE_ADDR=ADDRESS)
    url = f"/articles/{poll.article.slug}/poll/"
    option = {"option": poll.options.first().pk}
    browser.post(url, option, HTTP_ORIGIN=ORIGIN)
    for _ in range(3):
        again = browser.post(url, option, HTTP_ORIGIN=ORIGIN, follow=True)
        assert "already voted" in again.text

    assert "Thank you for voting." in vote_without_cookies(poll).text
    assert "Thank you for voting." in vote_without_cookies(poll).text
    assert PollVote.objects.filter(poll=poll).count() == 3


def test_members_are_not_limited_by_their_address(poll, member, other_member):
    for _ in range(3):
        vote_without_cookies(poll)
    for voter in [member, other_member]:
        client = Client(REMOTE_ADDR=ADDRESS)
        client.force_login(voter)
        client.post(
            f"/articles/{poll.article.slug}/poll/",
            {"option": poll.options.first().pk},
            HTTP_ORIGIN=ORIGIN,
        )

    assert PollVote.objects.filter(poll=poll, member__isnull=False).count() == 2


def test_the_address_is_counted_by_a_keyed_hash_only(settings):
    request = RequestFactory().get("/", REMOTE_ADDR=ADDRESS)
    key = visitor_key(request)

    assert ADDRESS not in key
    assert len(key) == 32
    settings.SECRET_KEY = "another-secret-key-for-this-test-only"
    assert visitor_key(request) != key


def test_forwarded_for_counts_only_behind_a_trusted_proxy(settings):
    def key_for(forwarded_for):
        return visitor_key(
            RequestFactory().get(
                "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for
            )
        )

    settings.TRUSTED_PROXY_COUNT = 0
    assert key_for("198.51.100.9") == key_for("192.0.2.1")

    settings.TRUSTED_PROXY_COUNT = 1
    # A client can write anything on the left; only our proxy's entry counts.
    assert key_for("1.2.3.4, 198.51.100.9") == key_for("5.6.7.8, 198.51.100.9")
    assert key_for("198.51.100.9") != key_for("192.0.2.1")
