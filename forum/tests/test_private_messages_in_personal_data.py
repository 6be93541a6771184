"""Private messages in "Download my data" and in account erasure (issue 18)."""

import json
from pathlib import Path

import jsonschema
import pytest

from community.personal_data import Erasure, ErasureMode
from forum import messaging
from forum.message_personal_data import (
    erase_private_messages,
    export_private_messages,
)
from forum.models import PrivateMessage
from forum.tests.messaging_helpers import accept_messages_from_anyone, make_established

pytestmark = pytest.mark.django_db
SCHEMA = json.loads(Path("community/schemas/export.schema.json").read_text())


@pytest.fixture
def conversation(member, other_member):
    make_established(member)
    accept_messages_from_anyone(other_member)
    conversation = messaging.start_conversation(
        author=member, recipients=[other_member], body="How was group?"
    ).message.conversation
    messaging.reply(conversation, author=member, body="anyone selling subs?")
    messaging.reply(conversation, author=other_member, body="Good, thanks")
    return conversation


def test_the_export_holds_only_the_messages_its_member_can_see(
    conversation, member, other_member
):
    theirs = export_private_messages(other_member)
    texts = [message["text"] for message in theirs[0]["messages"]]
    assert texts == ["How was group?", "Good, thanks"]  # the held one isn't theirs
    assert theirs[0]["with"] == ["Wren"]
    mine = export_private_messages(member)
    assert [m["status"] for m in mine[0]["messages"]] == [
        "published",
        "held",
        "published",
    ]
    part = {**SCHEMA["properties"]["private_messages"], "$defs": SCHEMA["$defs"]}
    jsonschema.validate(json.loads(json.dumps(mine, default=str)), part)


def test_remove_everything_blanks_the_members_messages_and_keep_keeps_them(
    conversation, member, other_member
):
    erase_private_messages(other_member, Erasure(ErasureMode.KEEP_WITHOUT_NAME))
    assert PrivateMessage.objects.filter(body="Good, thanks").exists()
    erase_private_messages(member, Erasure(ErasureMode.REMOVE_EVERYTHING))
    assert not PrivateMessage.objects.filter(author=member).exclude(body="").exists()
    assert export_private_messages(member) == []
