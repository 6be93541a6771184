"""Staff two-factor sign-in from outside, in a real browser: the admin's login
page is the site's sign-in, and a moderator who skips the code (or whose session
started before their authenticator existed) reaches no staff page and changes
nothing."""

import time

import pytest
from playwright.sync_api import expect

from community.models import Sanction
from community.permissions import Role, assign_role
from conftest import (
    TEST_PASSWORD,
    make_member,
    set_up_authenticator,
    sign_in_through_the_form,
    totp_code,
)
from forum import actions
from forum.models import ModerationLog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIGN_IN = "/accounts/login/"
TWO_FACTOR_STEP = "/accounts/2fa/authenticate/"
REAUTHENTICATE = "/accounts/2fa/reauthenticate/"


def path_of(page, live_server):
    return page.url.removeprefix(live_server.url)


def fresh_code():
    """The current code, not in the last seconds of its 30-second window."""
    if 30 - time.time() % 30 < 5:
        time.sleep(30 - time.time() % 30 + 0.5)
    return totp_code()


def post_as_page(page, path, form):
    """A form POST with the page's cookies and CSRF token, as a crafted request."""
    token = next(
        cookie["value"]
        for cookie in page.context.cookies()
        if cookie["name"] == "csrftoken"
    )
    return page.request.post(
        path, form=form, headers={"X-CSRFToken": token}, max_redirects=0
    )


def expect_no_staff_page(page):
    for path in ["/moderation/", "/moderation/watched-words/", "/admin/"]:
        page.goto(path)
        expect(page.get_by_role("heading", name="Moderation queue")).to_have_count(0)
        expect(page.get_by_role("heading", name="Watched words")).to_have_count(0)
        expect(page.get_by_text("Site administration")).to_have_count(0)


def test_admin_sign_in_is_the_sites_and_skipping_the_code_gives_nothing(
    open_page_as, live_server, moderator, member
):
    moderator.is_staff = True
    moderator.save()
    post = actions.post_update(author=member, body="An update nobody should hide.").post
    page = open_page_as()

    # The admin has no password form of its own: it sends people to the site's.
    page.goto("/admin/login/")
    assert path_of(page, live_server) == f"{SIGN_IN}?next=/admin/"
    expect(page.locator("input[name=username]")).to_have_count(0)
    page.get_by_label("Email").fill(moderator.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"**{TWO_FACTOR_STEP}")

    # Walk away from the code: no staff page opens, no staff action goes through.
    expect_no_staff_page(page)
    for path, form in [
        (f"/moderation/posts/{post.pk}/hide/", {"reason": "because"}),
        (
            f"/moderation/members/{member.pk}/",
            {"kind": "silence", "days": "3", "reason": "r", "member_message": "m"},
        ),
    ]:
        response = post_as_page(page, path, form)
        assert response.status in {302, 403}, (path, response.status)
    post.refresh_from_db()
    assert post.status == "published"
    assert not Sanction.objects.exists()
    assert not ModerationLog.objects.exists()

    # The admin asks for the unfinished sign-in's code; with it, the admin and
    # the moderation queue open.
    page.goto("/admin/login/")
    assert path_of(page, live_server) == TWO_FACTOR_STEP
    page.get_by_label("Code").fill(fresh_code())
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(lambda url: TWO_FACTOR_STEP not in url)
    assert path_of(page, live_server) == "/admin/"
    expect(page.get_by_text("Site administration")).to_be_visible()
    page.goto("/moderation/")
    expect(page.get_by_role("heading", name="Moderation queue")).to_be_visible()


def test_session_from_before_the_authenticator_must_give_the_code(
    open_page_as, live_server, member
):
    newcomer = make_member("newmod@example.com", "Tern")
    assign_role(newcomer, Role.MODERATOR)
    post = actions.post_update(author=member, body="An update nobody should hide.").post
    page = open_page_as()
    sign_in_through_the_form(page, newcomer)  # no authenticator: no code asked
    set_up_authenticator(newcomer)

    page.goto("/moderation/")
    assert path_of(page, live_server).startswith(REAUTHENTICATE)
    expect(page.locator("ul.messages")).to_contain_text(
        "Staff pages need the code from your authenticator app"
    )
    expect(page.get_by_role("heading", name="Moderation queue")).to_have_count(0)
    response = post_as_page(
        page, f"/moderation/posts/{post.pk}/hide/", {"reason": "because"}
    )
    assert response.status == 302
    assert response.headers["location"].startswith(REAUTHENTICATE)
    post.refresh_from_db()
    assert post.status == "published"
    assert not ModerationLog.objects.exists()

    page.get_by_label("Code").fill(fresh_code())
    with page.expect_navigation(url="**/moderation/"):
        page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Moderation queue")).to_be_visible()
