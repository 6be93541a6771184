"""Private messages: who may start one, screening, moderators' limited view,
and erasure once everyone deleted it (issue 18)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.relations import keep_away
from conftest import make_member
from forum import messaging
from forum.message_retention import purge_private_messages
from forum.models import (
    MessageReview,
    MessageStatus,
    ModerationLog,
    PrivateConversation,
    PrivateMessage,
)
from forum.moderation import private_messages
from forum.tests.factories import make_reply, make_update
from forum.tests.messaging_helpers import accept_messages_from_anyone, make_established

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(member):
    return make_established(member)


@pytest.fixture
def reader(other_member):
    accept_messages_from_anyone(other_member)
    return other_member


def start(author, *others, body="Hello, how was the meeting?"):
    return messaging.start_conversation(
        author=author, recipients=list(others), body=body
    ).message.conversation


def test_a_new_account_is_refused_with_a_reason(other_member, member):
    accept_messages_from_anyone(member)
    with pytest.raises(PermissionDenied, match="a week old and you have two"):
        start(other_member, member)


def test_by_default_only_members_who_talked_in_threads_may_write(writer, other_member):
    with pytest.raises(ValidationError, match="isn't accepting"):
        start(writer, other_member)
    make_reply(make_update(other_member), writer)
    assert start(writer, other_member).participants.count() == 2


def test_blocking_either_way_stops_a_new_conversation(writer, reader):
    keep_away(reader, writer, "block")
    with pytest.raises(ValidationError, match="isn't accepting"):
        start(writer, reader)


def test_blocking_stops_replies_in_an_existing_conversation(writer, reader):
    conversation = start(writer, reader)
    keep_away(reader, writer, "block")
    writer.refresh_from_db()
    with pytest.raises(PermissionDenied):
        messaging.reply(conversation, author=writer, body="Are you there?")


def test_a_group_holds_at_most_five_people(writer):
    others = [make_member(f"g{i}@example.com", f"Group{i}") for i in range(5)]
    for other in others:
        accept_messages_from_anyone(other)
    with pytest.raises(ValidationError, match="up to 5 people"):
        start(writer, *others)
    assert start(writer, *others[:4]).participants.count() == 5


def test_sourcing_is_held_unseen_by_the_recipient_until_released(
    client, writer, reader, moderator
):
    conversation = start(writer, reader)
    held = messaging.reply(conversation, author=writer, body="anyone selling subs?")
    assert held.message.status == MessageStatus.HELD
    client.force_login(reader)
    assert "anyone selling subs" not in client.get(f"/messages/{conversation.pk}/").text
    client.force_login(writer)
    assert "anyone selling subs" in client.get(f"/messages/{conversation.pk}/").text

    review = MessageReview.objects.get(kind=MessageReview.Kind.HELD)
    private_messages.decide_held(review, moderator=moderator, release=True)
    client.force_login(reader)
    assert "anyone selling subs" in client.get(f"/messages/{conversation.pk}/").text
    assert ModerationLog.objects.filter(
        action=ModerationLog.Action.RELEASE_MESSAGE, target=f"message:{held.message.pk}"
    ).exists()


def test_crisis_words_raise_an_urgent_review_without_the_text(client, writer, reader):
    client.force_login(writer)
    conversation = start(writer, reader)
    response = client.post(
        f"/messages/{conversation.pk}/", {"body": "Some nights I want to die"}
    )
    assert response.status_code == 302
    review = MessageReview.objects.get(kind=MessageReview.Kind.CRISIS)
    assert review.matched == ["want to die"]
    assert "nights" not in str(review.matched)
    assert "988" in client.get(response.url).text  # the support note follows
    assert PrivateMessage.objects.get(pk=review.message_id).status == "published"


def test_moderators_get_403_and_others_404_on_a_conversation_they_are_not_in(
    client, writer, reader, moderator, editor
):
    conversation = start(writer, reader)
    client.force_login(moderator)
    assert client.get(f"/messages/{conversation.pk}/").status_code == 403
    client.force_login(editor)
    assert client.get(f"/messages/{conversation.pk}/").status_code == 404


def test_a_report_shows_the_moderator_that_message_and_ten_before_it(
    writer, reader, moderator
):
    conversation = start(writer, reader, body="message 0")
    for number in range(1, 15):
        author = writer if number % 2 else reader
        messaging.reply(conversation, author=author, body=f"message {number}")
    reported = PrivateMessage.objects.get(body="message 13")
    review = messaging.report_message(reported, reporter=reader, note="Scared")
    shown = private_messages.review_slice(review, moderator=moderator)
    assert [message.body for message in shown] == [
        f"message {number}" for number in range(3, 14)
    ]
    entry = ModerationLog.objects.get(action=ModerationLog.Action.VIEW_PRIVATE_MESSAGES)
    assert entry.actor == moderator
    assert entry.details["messages"] == [message.pk for message in shown]


def test_a_conversation_is_erased_only_when_everyone_deleted_it(writer, reader):
    conversation = start(writer, reader)
    messaging.delete_my_copy(conversation, member=writer)
    assert purge_private_messages() == 0
    messaging.delete_my_copy(conversation, member=reader)
    assert purge_private_messages() == 1
    assert not PrivateConversation.objects.filter(pk=conversation.pk).exists()
    assert not PrivateMessage.objects.exists()


def test_an_open_report_keeps_it_for_the_retention_period(writer, reader, settings):
    conversation = start(writer, reader)
    message = conversation.messages.get()
    messaging.report_message(message, reporter=reader)
    for member in (writer, reader):
        messaging.delete_my_copy(conversation, member=member)
    assert purge_private_messages() == 0
    later = timezone.now() + timezone.timedelta(
        days=settings.FORUM_PRIVATE_MESSAGE_REPORT_RETENTION_DAYS + 1
    )
    assert purge_private_messages(now=later) == 1


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_inbox_queries_do_not_grow_with_conversations(client, writer):
    others = [make_member(f"i{i}@example.com", f"Inbox{i}") for i in range(6)]
    for other in others:
        accept_messages_from_anyone(other)
    client.force_login(writer)
    start(writer, others[0])
    few = _queries(client, "/messages/")
    for other in others[1:]:
        start(writer, other)
        messaging.reply(
            PrivateConversation.objects.latest("pk"), author=other, body="Hi back"
        )
    assert _queries(client, "/messages/") == few


def test_a_500_message_conversation_costs_as_many_queries_as_a_short_one(
    client, writer, reader
):
    conversation = start(writer, reader)
    client.force_login(reader)
    url = f"/messages/{conversation.pk}/"
    short = _queries(client, url)
    PrivateMessage.objects.bulk_create(
        PrivateMessage(conversation=conversation, author=writer, body=f"Note {i}")
        for i in range(500)
    )
    assert _queries(client, url) == short
    assert short <= 20


def test_a_member_who_allows_nobody_gets_no_new_conversation(writer, reader):
    from community.models import Profile

    Profile.objects.filter(user=reader).update(
        who_may_message=Profile.WhoMayMessage.NOBODY
    )
    with pytest.raises(ValidationError, match="isn't accepting"):
        start(writer, reader)


def test_a_conversation_that_opens_with_a_held_message_stays_out_of_the_inbox(
    client, writer, reader
):
    start(writer, reader, body="anyone selling subs?")
    client.force_login(reader)
    assert "Wren" not in client.get("/messages/").text.split("<main")[1]
    client.force_login(writer)
    assert "Marlow" in client.get("/messages/").text


def test_a_moderator_releases_a_held_message_from_its_review_page(
    client, writer, reader, moderator
):
    conversation = start(writer, reader)
    messaging.reply(conversation, author=writer, body="text me 555-201-3344")
    review = MessageReview.objects.get(kind=MessageReview.Kind.HELD)
    client.force_login(moderator)
    page = client.get(f"/moderation/private-messages/{review.pk}/").text
    assert "555-201-3344" in page
    assert "Hello, how was the meeting?" not in page  # a held message shows alone
    client.post(f"/moderation/private-messages/{review.pk}/release/")
    assert review.message.__class__.objects.get(pk=review.message_id).status == (
        MessageStatus.PUBLISHED
    )
    assert list(
        ModerationLog.objects.order_by("id").values_list("action", flat=True)
    ) == [
        ModerationLog.Action.VIEW_PRIVATE_MESSAGES,
        ModerationLog.Action.RELEASE_MESSAGE,
    ]


def test_a_member_chooses_who_may_message_them_on_their_profile(client, member):
    client.force_login(member)
    assert (
        "Members I&#x27;ve talked with in threads"
        in client.get("/account/profile/").text
    )
    client.post(
        "/account/profile/",
        {"display_name": "Wren", "bio": "", "who_may_message": "anyone"},
    )
    member.profile.refresh_from_db()
    assert member.profile.who_may_message == "anyone"
