"""A kept conversation page goes out gzipped once (community/deflate_once.py):
every member unpacks the page they would get unzipped, with their own CSRF
token in every card's form, and that token works."""

import gzip
import re

import pytest
from django.test import Client

from conftest import make_member
from forum import kept_pages
from forum.tests.kept_page_helpers import edit, small_conversation, thread_markup

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _nothing_kept(monkeypatch):
    monkeypatch.setattr(kept_pages, "_KEPT", {})


def browser(member):
    """A browser as a member's: it asks for gzip and its forms need their token."""
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    client.force_login(member)
    return client


def page_of(client, conversation):
    response = client.get(conversation.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    return response, gzip.decompress(response.content).decode()


def kept_markup_in(response):
    """Whether the response carries a kept page's thread deflated once."""
    for kept in kept_pages._KEPT.values():
        for markup in kept.page.markup.values():
            for deflated in markup._deflated.values():
                if deflated is not None and deflated.tail in response.content:
                    return True
    return False


def test_members_served_a_kept_page_each_unpack_their_own_working_tokens(
    member, other_member
):
    conversation = small_conversation(member, other_member)
    readers = [
        browser(make_member(f"reader{n}@example.com", f"Heron{n}")) for n in range(3)
    ]
    pages = [page_of(reader, conversation)[1] for reader in readers]
    response, page = page_of(readers[-1], conversation)
    first = conversation.posts.get(body="Day one.")

    assert kept_markup_in(response)
    assert "Day one." in page
    assert "Proud of you." in page
    tokens = [set(TOKEN.findall(thread_markup(page))) for page in [*pages, page]]
    assert all(len(found) == 1 for found in tokens)  # one token in every card
    assert len(set.union(*tokens)) == 4  # each response its own

    def react(reader, token):
        return reader.post(
            f"/posts/{first.pk}/react/",
            {"reaction": "hug:on", "next": "/", "csrfmiddlewaretoken": token},
        ).status_code

    (mine,), (theirs,) = tokens[-1], tokens[0]
    assert react(readers[-1], mine) == 302
    assert react(readers[0], theirs) == 302
    assert react(readers[1], theirs) == 403  # a token from someone else's page
    first.refresh_from_db()
    assert first.hug_count == 2


def test_a_change_shows_in_the_next_gzipped_page(member, other_member):
    conversation = small_conversation(member, other_member)
    reader = browser(make_member("reader@example.com", "Heron"))
    page_of(reader, conversation)
    response, _ = page_of(reader, conversation)
    assert kept_markup_in(response)

    edit(conversation.posts.get(body="Day one."))
    _, page = page_of(reader, conversation)

    assert "Day one, edited." in page
