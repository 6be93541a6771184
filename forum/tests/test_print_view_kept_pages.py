"""The print view's kept cards (forum/printing.py): shared by the members who see
the same, and never stale.

Kept pages are used only outside a transaction on PostgreSQL, so these tests
commit for real (`transaction=True`); each write is its own transaction, as in
production.
"""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from community.relations import keep_away
from conftest import make_member
from forum import actions, printing
from forum.models import Status
from forum.moderation.decisions import remove_post
from forum.tests.factories import make_conversation, make_thread
from forum.tests.kept_page_helpers import (
    edit,
    react,
    remove,
    rename,
    reply,
    small_conversation,
    thread_markup,
)

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="kept pages need PostgreSQL's xmin"
)
pytestmark = [pytest.mark.django_db(transaction=True), on_postgresql]


@pytest.fixture(autouse=True)
def _nothing_kept(monkeypatch):
    monkeypatch.setattr(printing, "_KEPT", {})
    monkeypatch.setattr(printing, "_LONGER_THAN_A_PAGE", set())


@pytest.fixture
def conversation(member, other_member):
    return small_conversation(member, other_member)


@pytest.fixture
def reader(db):
    return make_member("reader@example.com", "Heron")


def print_url(conversation):
    return f"/conversations/{conversation.pk}/print/"


def printed(client, conversation):
    """(the page's cards, whether the rows were read) for one GET."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(print_url(conversation))
    assert response.status_code == 200
    read_rows = any("body_html" in query["sql"] for query in captured)
    return thread_markup(response.content.decode()), read_rows


def printed_afresh(client, viewer, conversation):
    """`viewer`'s page, which must be built for them, not the kept one."""
    client.force_login(viewer)
    cards, read_rows = printed(client, conversation)
    assert read_rows
    return cards


def test_members_who_wrote_nothing_there_share_one_kept_page(
    client, conversation, reader
):
    client.force_login(reader)
    first, read_rows = printed(client, conversation)
    assert read_rows
    again, read_rows = printed(client, conversation)
    assert not read_rows
    assert again == first

    client.force_login(make_member("second@example.com", "Kestrel"))
    theirs, read_rows = printed(client, conversation)
    assert not read_rows
    assert theirs == first
    assert "Day one." in theirs
    assert "Proud of you." in theirs


@pytest.mark.parametrize(
    ("change", "shows", "no_longer"),
    [
        (remove, "Removed by a moderator", "Day one."),
        (edit, "Day one, edited.", None),
        (react, 'reaction-static">Hug 1<', None),
        (rename, "Wren Again", None),
        (reply, "Same here, a new reply.", None),
    ],
    ids=["removal", "edit", "reaction", "rename", "reply"],
)
def test_every_change_shows_on_the_next_print_view(
    client, conversation, reader, moderator, change, shows, no_longer
):
    viewer = make_member("viewer@example.com", "Kestrel")
    client.force_login(viewer)
    before, _ = printed(client, conversation)
    assert shows not in before
    post = conversation.posts.get(body__startswith="Day one")

    change(post, moderator=moderator, reader=reader)

    after, read_rows = printed(client, conversation)
    assert read_rows
    assert shows in after
    if no_longer:
        assert no_longer not in after


def test_a_change_made_while_the_page_is_built_shows_on_the_next_request(
    client, conversation, reader, monkeypatch
):
    post = conversation.posts.get(body="Day one.")
    build = printing.threads.whole_conversation

    def edited_just_after_reading(*args, **kwargs):
        page = build(*args, **kwargs)
        monkeypatch.setattr(printing.threads, "whole_conversation", build)
        actions.edit_post(post, editor=post.author, body="Edited meanwhile.")
        return page

    monkeypatch.setattr(
        printing.threads, "whole_conversation", edited_just_after_reading
    )
    client.force_login(reader)
    built, _ = printed(client, conversation)
    assert "Edited meanwhile." not in built  # read before the edit

    assert "Edited meanwhile." in printed(client, conversation)[0]


def test_an_authors_held_post_shows_to_them_and_to_no_one_else(
    client, conversation, reader, settings
):
    settings.FORUM_HOLD_FIRST_POSTS = 1  # a newcomer's first post waits
    newcomer = make_member("newcomer@example.com", "Sparrow")
    held = actions.post_comment(conversation, author=newcomer, body="My first.").post
    assert held.status == Status.HELD

    client.force_login(reader)
    assert "My first." not in printed(client, conversation)[0]  # kept
    theirs = printed_afresh(client, newcomer, conversation)
    assert "My first." in theirs
    assert "Waiting for review" in theirs
    client.force_login(make_member("later@example.com", "Kestrel"))
    assert "My first." not in printed(client, conversation)[0]


def test_a_moderator_sees_what_members_dont_never_the_kept_page(
    client, conversation, reader, moderator
):
    post = conversation.posts.get(body="Day one.")
    remove_post(post, moderator=moderator, reason="Shared a dealer's number.")
    client.force_login(reader)
    assert "Day one." not in printed(client, conversation)[0]  # kept

    theirs = printed_afresh(client, moderator, conversation)
    assert "Day one." in theirs
    assert "Shared a dealer&#x27;s number." in theirs


def test_a_member_who_mutes_an_author_sees_their_posts_collapsed(
    client, conversation, reader, other_member
):
    client.force_login(reader)
    shared, _ = printed(client, conversation)
    assert "muted-post" not in shared

    muter = make_member("muter@example.com", "Kestrel")
    keep_away(muter, other_member, "mute")
    theirs = printed_afresh(client, muter, conversation)
    assert "You muted Marlow" in theirs

    client.force_login(reader)
    assert printed(client, conversation)[0] == shared


def test_a_conversation_longer_than_a_page_is_read_on_every_request(
    client, member, reader
):
    conversation = make_conversation()
    make_thread(conversation, member, top_level=3, replies_each=2)  # 9 posts
    client.force_login(reader)
    with override_settings(FORUM_PRINT_LIMIT=4):
        printed(client, conversation)
        with CaptureQueriesContext(connection) as captured:
            assert printed(client, conversation)[1]
    # Posts are never deleted: it stays too long, and isn't fingerprinted again.
    assert not any("xmin" in query["sql"] for query in captured)


@pytest.mark.django_db
def test_inside_a_transaction_the_rows_are_read_every_time(
    client, conversation, reader
):
    client.force_login(reader)
    printed(client, conversation)
    assert printed(client, conversation)[1]
