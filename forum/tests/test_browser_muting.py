"""Muting in a real browser: from a member's profile, then their post is folded
away in the feed and opens without JavaScript."""

import pytest
from playwright.sync_api import expect

from conftest import post_card
from forum.tests.factories import make_update

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_mute_someone_then_see_their_post_collapsed_and_expand_it(
    open_page_as, member, other_member
):
    post = make_update(other_member, body="Marlow checking in after a long week")
    page = open_page_as(member, java_script_enabled=False)
    page.goto(f"/members/{other_member.pk}/")
    page.get_by_text("Mute Marlow", exact=True).click()
    expect(page.get_by_text("Muting folds away")).to_be_visible()
    page.get_by_role("button", name="Yes, mute Marlow").click()
    expect(page.get_by_text("You muted Marlow. They won't be told.")).to_be_visible()

    page.goto("/community/")
    card = post_card(page, post.pk)
    body = card.get_by_text("Marlow checking in after a long week")
    expect(body).to_be_hidden()
    card.get_by_text("You muted Marlow · show").click()
    expect(body).to_be_visible()

    page.goto("/account/people/")
    page.get_by_role("button", name="Unmute Marlow").click()
    expect(page.get_by_text("Marlow is no longer muted or blocked.")).to_be_visible()
    page.goto("/community/")
    expect(post_card(page, post.pk).locator("details.muted-post")).to_have_count(0)
