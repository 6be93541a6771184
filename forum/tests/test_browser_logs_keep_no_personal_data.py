"""A browser journey through sign-up, sign-in and posting leaves no email, post
text or network address in any log line or on the server's stdout/stderr."""

import io
import logging
import re

import pytest
from django.core.management import call_command

from community.demo import DEMO_PASSWORD, DEMO_PEOPLE
from community.log_format import JsonFormatter, RedactPersonalData
from conftest import sign_in_through_the_form

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

UPDATE_TEXT = "Marigold check-in: ninety quiet days and a new bike"
REPLY_TEXT = "Cobalt reply: proud of you, keep riding"


@pytest.fixture
def production_log(settings):
    """Every line the configured handler would write as JSON, at INFO."""
    root = logging.getLogger()
    [console] = [
        handler
        for handler in root.handlers
        if any(isinstance(f, RedactPersonalData) for f in handler.filters)
    ]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.filters = list(console.filters)
    handler.setFormatter(JsonFormatter())
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # seed_demo refuses otherwise
    call_command("seed_demo", stdout=io.StringIO())
    settings.DEBUG = False


def test_a_journey_logs_no_email_post_text_or_address(
    demo, production_log, capfd, page, open_page_as, live_server, mailoutbox
):
    # An existing journey: sign up, confirm the email, edit the profile, sign out.
    from community.tests.test_browser_signup_journey import (
        test_newcomer_signs_up_verifies_edits_profile_and_signs_back_in as sign_up,
    )

    sign_up(page, live_server, mailoutbox)
    river = open_page_as()
    river.goto("/accounts/login/")
    river.get_by_label("Email").fill("juniper@example.com")
    river.get_by_label("Password").fill("not-the-password")
    river.get_by_role("button", name="Sign In").click()

    from community.demo import person

    river = open_page_as()
    sign_in_through_the_form(river, person("river@example.com"), DEMO_PASSWORD)
    river.goto("/community/")
    river.get_by_label("Your update").fill(UPDATE_TEXT)
    river.get_by_role("button", name="Post update").click()
    river.get_by_text(UPDATE_TEXT).first.wait_for()
    river.get_by_role("link", name="Reply", exact=True).first.click()
    river.get_by_label("Your reply").fill(REPLY_TEXT)
    river.get_by_role("button", name="Post reply").click()
    river.get_by_text(REPLY_TEXT).first.wait_for()
    # Django's own "Not Found: <path>" warning would carry these in clear.
    river.goto("/members/lantern@example.com/?email=editor@example.com")

    captured = capfd.readouterr()
    lines = production_log.getvalue() + captured.out + captured.err
    assert '"logger": "community.access"' in lines  # the journey was logged
    assert '"route": "forum:update_create"' in lines
    assert "Not Found: /members/[email]/" in lines
    forbidden = [email for email, *_ in DEMO_PEOPLE]
    forbidden += ["newcomer@example.com", "Taking it one day at a time."]
    forbidden += [UPDATE_TEXT, REPLY_TEXT, "Marigold", "Cobalt"]
    for text in forbidden:
        assert text not in lines, text
    assert not re.search(r"\b127\.0\.0\.1\b", lines)
