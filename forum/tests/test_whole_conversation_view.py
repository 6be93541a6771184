"""The whole conversation on one page: tree order, read-only, fixed query count."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone
from django.utils.formats import date_format

from forum import actions
from forum.card_stamps import Stamps
from forum.models import Status
from forum.tests.factories import make_conversation, make_reply, make_thread

from .test_conversation_query_count import grow, queries_for

pytestmark = pytest.mark.django_db


def print_url(conversation):
    return f"/conversations/{conversation.pk}/print/"


def card_ids(html):
    return [int(pk) for pk in re.findall(r'<article id="post-(\d+)"', html)]


def test_every_post_appears_once_in_tree_order_oldest_first(
    client, member, other_member
):
    conversation = make_conversation()
    first = actions.post_comment(conversation, author=member, body="First post").post
    second = actions.post_comment(conversation, author=other_member, body="Second").post
    reply = make_reply(first, other_member)
    nested = make_reply(reply, member)
    late_reply = make_reply(first, member)
    client.force_login(member)

    html = client.get(print_url(conversation)).content.decode()

    assert card_ids(html) == [first.pk, reply.pk, nested.pk, late_reply.pk, second.pk]
    assert 'class="post depth-2"' in html  # nested keeps its depth


def test_the_print_view_is_read_only(client, member, other_member):
    conversation = make_conversation()
    post = actions.post_comment(
        conversation, author=other_member, body="Hello all"
    ).post
    actions.set_reaction(post, member=member, kind="hug", on=True)
    client.force_login(member)

    html = client.get(print_url(conversation)).content.decode()

    assert "Hello all" in html
    assert 'class="reaction-static"' in html  # counts shown...
    cards = html.split('id="post-list"')[1].split('<footer class="site-footer"')[0]
    assert "<form" not in cards  # ...but no actions
    assert ">Reply<" not in html
    assert ">Report<" not in html


@pytest.mark.premoderation
def test_others_held_posts_stay_out_and_the_authors_own_show(
    client, member, other_member
):
    conversation = make_conversation()
    actions.post_comment(conversation, author=member, body="Published")
    held = actions.post_comment(conversation, author=other_member, body="Held one").post
    assert held.status == Status.HELD  # a new member's first post waits
    client.force_login(member)
    assert "Held one" not in client.get(print_url(conversation)).content.decode()

    client.force_login(other_member)
    html = client.get(print_url(conversation)).content.decode()
    assert "Held one" in html
    assert "Waiting for review" in html


def test_visitors_are_sent_to_sign_in(client):
    conversation = make_conversation()
    response = client.get(print_url(conversation))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_conversation_longer_than_the_limit_continues_on_a_next_page(client, member):
    conversation = make_conversation()
    make_thread(conversation, member, top_level=3, replies_each=2)  # 9 posts
    client.force_login(member)
    with override_settings(FORUM_PRINT_LIMIT=4):
        first = client.get(print_url(conversation)).content.decode()
        assert len(card_ids(first)) == 4
        after = re.search(r'href="\?after=([0-9a-z]+)"', first).group(1)
        rest = client.get(f"{print_url(conversation)}?after={after}").content.decode()
        assert len(card_ids(rest)) == 4
        after = re.search(r'href="\?after=([0-9a-z]+)"', rest).group(1)
        last = client.get(f"{print_url(conversation)}?after={after}").content.decode()
    assert len(card_ids(last)) == 1
    assert 'href="?after=' not in last  # no link to a further page
    shown = card_ids(first) + card_ids(rest) + card_ids(last)
    assert sorted(shown) == sorted(conversation.posts.values_list("pk", flat=True))


def test_print_view_queries_do_not_grow_with_the_conversation(
    client, member, other_member
):
    conversation = make_conversation()
    grow(conversation, member, other_member, top_level=2, replies_each=4)
    client.force_login(member)
    small = queries_for(client, print_url(conversation))
    grow(conversation, member, other_member, top_level=20, replies_each=9)
    assert conversation.posts.count() == 210
    assert queries_for(client, print_url(conversation)) == small


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 1, 5, 0, 7, tzinfo=ZoneInfo("UTC")),
        datetime(2026, 7, 4, 16, 0, tzinfo=ZoneInfo("UTC")),
        datetime(2026, 11, 27, 17, 45, 30, 123456, tzinfo=ZoneInfo("UTC")),
        datetime(2026, 3, 8, 5, 30, tzinfo=ZoneInfo("UTC")),
    ],
)
def test_card_times_read_exactly_as_djangos_date_filter_would(moment):
    local = timezone.localtime(moment)
    # HTML allows at most three digits of a second's fraction: whole seconds.
    whole_seconds = local.replace(microsecond=0)
    expected = (
        f'<time datetime="{date_format(whole_seconds, "c")}">'
        f"{date_format(local, 'M j, Y, g:i a')}</time>"
    )
    assert Stamps()(moment) == expected
    assert date_format(local, "M j, Y") in Stamps()(moment, with_time=False)
