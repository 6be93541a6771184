"""In a real browser: a member's session ends while they write. Sending gets the
site's page (crisis banner included) with their words, and once they sign in again
in another tab their words go through."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in_through_the_form
from forum.models import Post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAFT = "Forty days today.\nSome of it was <hard>, & I'm still here."


def test_a_draft_survives_an_expired_session_and_a_sign_in_elsewhere(
    open_page_as, member
):
    page = open_page_as(member)
    page.goto("/community/")
    page.get_by_label("Your update").fill(DRAFT)

    page.context.clear_cookies()  # the session (and its token) ended meanwhile
    page.get_by_role("button", name="Post update").click()

    expect(page.get_by_role("heading", name="Your form wasn't sent")).to_be_visible()
    expect(page.locator("[data-crisis-banner]")).to_be_visible()
    expect(page.get_by_text("You're not signed in right now.")).to_be_visible()
    expect(page.get_by_label("Body")).to_have_value(DRAFT)
    assert not Post.objects.exists()

    other_tab = page.context.new_page()
    sign_in_through_the_form(other_tab, member)
    other_tab.close()

    # Signing in renewed the token, so the first press explains once more; the
    # words are still there, now with a token that works.
    with page.expect_navigation():
        page.get_by_role("button", name="Send again").click()
    expect(page.get_by_text("You're not signed in right now.")).to_have_count(0)
    expect(page.get_by_label("Body")).to_have_value(DRAFT)
    with page.expect_navigation():
        page.get_by_role("button", name="Send again").click()

    expect(page.get_by_text("Your update is posted.")).to_be_visible()
    post = Post.objects.get()
    # Browsers send a textarea's line breaks as CRLF, as the composer gets them.
    assert (post.author, post.body) == (member, DRAFT.replace("\n", "\r\n"))
