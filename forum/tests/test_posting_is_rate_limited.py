"""Posting counts against two limits at once (community/limits.py): the posts of
its kind a day, and the gap between any two posts. The first limit reached is the
one the member is told about, and a refused update keeps its text."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from community.limits import RateLimited, check_rate_limits
from forum import actions
from forum.models import Post
from forum.tests.factories import make_conversation

pytestmark = [pytest.mark.django_db, pytest.mark.rate_limits]

GAP_MESSAGE = "You're posting very quickly"
DAILY_MESSAGE = "You've reached today's limit for this"


@pytest.fixture(autouse=True)
def limits(settings):
    cache.clear()
    settings.FORUM_RATE_LIMITS = {
        **settings.FORUM_RATE_LIMITS,
        "update": (2, 86_400),
        "post_gap": (1, 10),
    }
    yield
    cache.clear()


def test_a_second_post_within_the_gap_is_refused(member):
    actions.post_update(author=member, body="Day 30 today.")
    with pytest.raises(RateLimited, match=GAP_MESSAGE):
        actions.post_update(author=member, body="And one more thing.")
    assert Post.objects.filter(author=member).count() == 1


def test_the_gap_holds_across_kinds_of_post(member):
    actions.post_update(author=member, body="Day 30 today.")
    with pytest.raises(RateLimited, match=GAP_MESSAGE):
        actions.post_comment(make_conversation(), author=member, body="Hello.")


def test_the_days_limit_is_named_before_the_gap(member, settings):
    settings.FORUM_RATE_LIMITS = {**settings.FORUM_RATE_LIMITS, "post_gap": (3, 10)}
    actions.post_update(author=member, body="Day 30 today.")
    actions.post_update(author=member, body="Day 31 today.")
    # Over both limits now: the day's is the one to tell.
    settings.FORUM_RATE_LIMITS = {**settings.FORUM_RATE_LIMITS, "post_gap": (2, 10)}
    with pytest.raises(RateLimited, match=DAILY_MESSAGE):
        actions.post_update(author=member, body="Day 32 today.")
    assert Post.objects.filter(author=member).count() == 2


def test_moderators_are_never_limited_and_members_still_are(moderator, member):
    for _ in range(3):
        check_rate_limits((moderator, "update", ""), (moderator, "post_gap", ""))
    check_rate_limits((moderator, "update", ""), (member, "post_gap", ""))
    with pytest.raises(RateLimited, match=GAP_MESSAGE):
        check_rate_limits((moderator, "update", ""), (member, "post_gap", ""))


def test_a_refused_update_keeps_its_text(client, member):
    client.force_login(member)
    url = reverse("forum:update_create")
    client.post(url, {"body": "Day 30 today."})
    response = client.post(url, {"body": "Still here, still sober."})
    page = response.content.decode()
    assert response.status_code == 429
    assert "posting very quickly" in page
    assert "Still here, still sober." in page
