"""The header's unread counts come with the member (forum/unread.py): no query of
their own, and never the counts from before the page read something."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.backends import load_with_member
from forum import messaging
from forum.models import Notification
from forum.tests.factories import make_reply, make_update
from forum.tests.messaging_helpers import accept_messages_from_anyone, make_established

pytestmark = pytest.mark.django_db


def header_counts(html):
    """(unread notifications, unread messages) as the header shows them."""
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    notices = re.search(r'href="/notifications/".*?</a>', header, re.S).group(0)
    messages = re.search(r'messages-link".*?</a>', header, re.S).group(0)
    return tuple(
        int(found.group(1))
        if (found := re.search(r'aria-hidden="true">(\d+)<', part))
        else 0
        for part in (notices, messages)
    )


@pytest.fixture
def conversation_with_unread(member, other_member):
    writer = make_established(member)
    accept_messages_from_anyone(other_member)
    return messaging.start_conversation(
        author=writer, recipients=[other_member], body="How was the meeting?"
    ).message.conversation


def test_a_members_page_reads_the_counts_in_the_members_own_query(
    client, member, other_member
):
    make_reply(make_update(member), other_member)  # a notification for member
    assert Notification.objects.filter(recipient=member, read_at=None).exists()
    client.force_login(member)

    with CaptureQueriesContext(connection) as captured:
        html = client.get("/community/").content.decode()

    assert header_counts(html) == (1, 0)
    asking = [q["sql"] for q in captured if "forum_notification" in q["sql"]]
    assert len(asking) == 1
    assert '"community_user"."password"' in asking[0]  # the member's own query


def test_the_page_that_reads_a_message_shows_it_read_in_its_header(
    client, other_member, conversation_with_unread
):
    client.force_login(other_member)
    assert header_counts(client.get("/community/").content.decode()) == (0, 1)

    html = client.get(conversation_with_unread.get_absolute_url()).content.decode()

    assert "How was the meeting?" in html
    assert header_counts(html) == (0, 0)


def test_notifications_marked_read_show_read_on_the_next_page(
    client, member, other_member
):
    make_reply(make_update(member), other_member)
    client.force_login(member)
    assert header_counts(client.get("/notifications/").content.decode()) == (1, 0)

    response = client.post("/notifications/read/", follow=True)

    assert header_counts(response.content.decode()) == (0, 0)


def test_a_value_registered_after_members_were_loaded_is_refused(client, member):
    client.force_login(member)
    client.get("/community/")  # a member loaded: their query is compiled for good

    with pytest.raises(RuntimeError, match="already loaded"):
        load_with_member("too_late", lambda: None)
