"""The malformed inputs issue 11 found, each answered with a 4xx or an ordinary
page (the whole-site sweep is articles/tests/test_malformed_input_never_500.py)."""

import base64

import pytest

from community.models import Sanction
from community.tests.two_factor import sign_in_with_two_factor
from forum import actions
from forum.cursors import decode_cursor
from forum.models import Post
from forum.tests.factories import make_conversation

pytestmark = pytest.mark.django_db


def _cursor(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_asking_about_a_conversation_that_isnt_a_number_is_not_found(client):
    assert client.get("/questions/ask/", {"conversation": "abc"}).status_code == 404
    response = client.post(
        "/questions/ask/", {"conversation": "abc", "body": "Is this right?"}
    )
    assert response.status_code == 404
    assert not Post.objects.exists()


def test_a_log_filter_that_is_not_an_id_or_an_action_is_refused(client, moderator):
    sign_in_with_two_factor(client, moderator)

    for query in [{"member": "abc"}, {"actor": "-1"}, {"action": "a\x00b"}]:
        response = client.get("/moderation/log/", query)
        assert response.status_code == 400
        assert "That filter is not valid" in response.text


@pytest.mark.parametrize(
    "cursor",
    [
        _cursor("0001-01-01T00:00:00+05:00|1"),  # before year 1 in UTC
        _cursor("9999-12-31T23:59:59-05:00|1"),  # after year 9999 in UTC
        _cursor("2026-01-01T00:00:00|1"),  # no time zone
        _cursor("2026-01-01T00:00:00+00:00|99999999999999999999"),
        "a\x00b",
    ],
)
def test_a_cursor_off_the_calendar_or_off_the_id_range_is_ignored(
    client, member, cursor
):
    assert decode_cursor(cursor) is None
    client.force_login(member)
    actions.post_update(author=member, body="Still here")

    response = client.get("/community/", {"before": cursor})

    assert response.status_code == 200
    assert "Still here" in response.text


def test_a_nul_in_search_print_or_thread_parameters_is_harmless(client, member):
    post = actions.post_update(author=member, body="A first update").post
    client.force_login(member)

    assert client.get("/search/", {"q": "first\x00"}).status_code == 200
    assert client.get(f"/posts/{post.pk}/", {"from": "a\x00b"}).status_code == 200
    comment = actions.post_comment(
        make_conversation(), author=member, body="A comment to print"
    ).post
    print_url = f"/conversations/{comment.conversation_id}/print/"
    printed = client.get(print_url, {"after": "a\x00b"})
    assert printed.status_code == 200
    assert "A comment to print" in printed.text


def test_a_sanction_message_has_a_length_limit(client, member, moderator):
    sign_in_with_two_factor(client, moderator)

    response = client.post(
        f"/moderation/members/{member.pk}/",
        {"kind": "warning", "reason": "Spam", "member_message": "x" * 1_000_000},
    )

    assert response.status_code == 400
    assert "at most 2000 characters" in response.text
    assert not Sanction.objects.exists()


def test_a_reason_too_long_to_log_changes_nothing(client, member, moderator):
    post = actions.post_update(author=member, body="An update").post
    sign_in_with_two_factor(client, moderator)

    response = client.post(
        f"/moderation/posts/{post.pk}/hide/", {"reason": "x" * 10_000}, follow=True
    )

    assert response.status_code == 200
    assert "at most 500 characters" in response.text
    assert Post.objects.get(pk=post.pk).status == post.status
