"""Rotating SECRET_KEY with the old key in SECRET_KEY_FALLBACKS (README runbook):
members stay signed in and emailed links keep working; without it, both end."""

import pytest

from community import account_deletion
from conftest import make_member
from forum import actions, visitor_questions

pytestmark = pytest.mark.django_db

OLD, NEW = "old-key-" + "x" * 50, "new-key-" + "y" * 50


@pytest.fixture
def signed_with_the_old_key(client, member, settings):
    settings.SECRET_KEY = OLD
    client.force_login(member)
    question = actions.ask_question(
        author=None, body="Is it normal to feel this tired?", visitor_key="k"
    ).post
    leaving = account_deletion.request_deletion(
        make_member("leaving@example.com", "Tamsin"),
        mode=account_deletion.ErasureMode.KEEP_WITHOUT_NAME,
    )
    cancel_token = account_deletion.cancel_token(leaving)
    return {
        "question link": visitor_questions.private_path(question),
        "cancel link": f"/account/delete/cancel/{cancel_token}/",
    }


def test_with_the_old_key_as_fallback_nothing_is_lost(
    client, settings, signed_with_the_old_key
):
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW, [OLD]
    assert client.get("/account/profile/").status_code == 200  # still signed in
    for link in signed_with_the_old_key.values():
        assert client.get(link).status_code == 200, link


def test_without_the_fallback_sessions_and_links_end(
    client, settings, signed_with_the_old_key
):
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW, []
    assert client.get("/account/profile/").status_code == 302  # signed out
    for link in signed_with_the_old_key.values():
        assert client.get(link).status_code == 404, link
