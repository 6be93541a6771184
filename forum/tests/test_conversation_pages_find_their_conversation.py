"""Conversation pages find their conversation by the id in the address (read through
a compiled query, forum/models/posts.py), and any other id is simply not found."""

import pytest

from forum.models import Conversation
from forum.tests.factories import make_conversation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["", "print/"])
def test_a_conversation_page_shows_its_own_conversation(client, member, page):
    conversation = make_conversation()
    make_conversation()  # another one, which must not be shown instead
    client.force_login(member)
    response = client.get(f"/conversations/{conversation.pk}/{page}")
    assert response.status_code == 200
    assert response.context["conversation"] == conversation


@pytest.mark.parametrize("page", ["", "print/"])
@pytest.mark.parametrize("pk", ["987654", "99999999999999999999999"])
def test_an_unknown_or_impossible_id_is_not_found(client, member, page, pk):
    make_conversation()
    client.force_login(member)
    assert client.get(f"/conversations/{pk}/{page}").status_code == 404


def test_the_feed_is_made_on_first_use_and_then_found():
    assert not Conversation.objects.filter(kind=Conversation.Kind.FEED).exists()
    made = Conversation.objects.feed()
    assert made.kind == Conversation.Kind.FEED
    assert Conversation.objects.feed() == made
    assert Conversation.objects.filter(kind=Conversation.Kind.FEED).count() == 1


def test_the_feeds_id_leads_to_the_feed(client, member):
    client.force_login(member)
    feed = Conversation.objects.feed()
    response = client.get(f"/conversations/{feed.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/community/"
