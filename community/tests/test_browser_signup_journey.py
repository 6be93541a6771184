import re

import pytest

from community.models import User

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "a-long-test-password"


def test_newcomer_signs_up_verifies_edits_profile_and_signs_back_in(
    page, live_server, mailoutbox
):
    page.goto("/")
    page.get_by_role("link", name="Join").first.click()
    page.get_by_label("Email").fill("newcomer@example.com")
    page.get_by_label("Display name (a pseudonym)").fill("NorthStar")
    page.get_by_label("I am 18 or older.").check()
    page.get_by_label("I agree to the community guidelines.").check()
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()

    assert page.get_by_role("heading", name="Thank you for signing up.").is_visible()

    (message,) = mailoutbox
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group()
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{live_server.url}/welcome/")
    assert page.get_by_role(
        "heading", name="Welcome to Steady Ground, NorthStar"
    ).is_visible()
    assert page.get_by_text("Welcome back").count() == 0
    account_nav = page.get_by_role("navigation", name="Account")
    assert account_nav.get_by_role("link", name="NorthStar").is_visible()

    account_nav.get_by_role("link", name="NorthStar").click()
    page.get_by_role("link", name="Edit your profile").click()
    page.get_by_label("Short bio (optional)").fill("Taking it one day at a time.")
    page.get_by_role("button", name="Save profile").click()
    assert page.get_by_text("Taking it one day at a time.").is_visible()
    assert User.objects.get(display_name="NorthStar").profile.bio == (
        "Taking it one day at a time."
    )

    page.get_by_role("navigation", name="Account").get_by_role(
        "link", name="Sign out"
    ).click()
    page.get_by_role("button", name="Sign Out").click()
    assert (
        page.get_by_role("navigation", name="Account")
        .get_by_role("link", name="Sign in")
        .is_visible()
    )

    page.get_by_role("navigation", name="Account").get_by_role(
        "link", name="Sign in"
    ).click()
    page.get_by_label("Email").fill("newcomer@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    assert (
        page.get_by_role("navigation", name="Account")
        .get_by_role("link", name="NorthStar")
        .is_visible()
    )


def test_signup_without_confirmations_explains_and_keeps_the_draft(page, live_server):
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("newcomer@example.com")
    page.get_by_label("Display name (a pseudonym)").fill("NorthStar")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    # The browser's own "required" check would stop the form; we test the server.
    page.evaluate(
        "document.querySelectorAll('input[type=checkbox]')"
        ".forEach(box => box.removeAttribute('required'))"
    )
    page.get_by_role("button", name="Sign Up").click()
    assert page.get_by_text("Please confirm that you are 18 or older.").is_visible()
    assert page.get_by_text(
        "Please confirm that you agree to the community guidelines."
    ).is_visible()
    assert page.get_by_label("Email").input_value() == "newcomer@example.com"
    assert page.get_by_label("Display name (a pseudonym)").input_value() == "NorthStar"
    assert not User.objects.exists()
