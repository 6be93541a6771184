"""Private messages in a real browser, without JavaScript: start, reply with a
picture, unread counts, leave; the refusals and holds; and what a moderator may
see (issue 18)."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from forum import messaging
from forum.models import MessageReview, PrivateConversation, PrivateMessage
from forum.tests.messaging_helpers import accept_messages_from_anyone, make_established

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONVERSATION = re.compile(r".*/messages/\d+/$")


def header_messages(page):
    return page.locator("header a.messages-link")


def test_start_reply_with_a_picture_see_unread_counts_and_leave(
    open_page_as, member, other_member, tmp_path
):
    make_established(member)
    accept_messages_from_anyone(other_member)
    wren = open_page_as(member, java_script_enabled=False)
    wren.goto("/messages/")
    wren.get_by_role("link", name="New conversation").click()
    wren.get_by_label("To").fill("Marlow")
    wren.get_by_label("Your message").fill("How did the first week go?")
    wren.get_by_role("button", name="Send").click()
    wren.wait_for_url(CONVERSATION)
    expect(wren.get_by_text("Your message is sent.")).to_be_visible()

    marlow = open_page_as(other_member, java_script_enabled=False)
    marlow.goto("/")
    expect(header_messages(marlow).locator(".badge")).to_contain_text("1 unread")
    marlow.goto("/messages/")
    expect(marlow.locator("ul.inbox li.unread")).to_contain_text("Wren")
    marlow.locator("ul.inbox a", has_text="Wren").click()
    expect(marlow.get_by_text("How did the first week go?")).to_be_visible()
    expect(header_messages(marlow).locator(".badge")).to_have_count(0)

    picture = tmp_path / "walk.jpg"
    Image.new("RGB", (320, 200), (90, 150, 200)).save(picture, format="JPEG")
    marlow.get_by_label("Picture (optional)").set_input_files(picture)
    marlow.get_by_role("button", name="Send").click()
    marlow.wait_for_url(CONVERSATION)
    message = PrivateMessage.objects.get(author=other_member)
    image = marlow.locator(f"#message-{message.pk} img")
    expect(image).to_have_attribute("src", f"/messages/sent/{message.pk}/thumbnail/")
    assert marlow.request.get(image.get_attribute("src")).status == 200

    wren.goto("/")
    expect(header_messages(wren).locator(".badge")).to_contain_text("1 unread")

    marlow.get_by_role("button", name="Leave this conversation").click()
    expect(marlow.get_by_text("You left the conversation.")).to_be_visible()
    expect(marlow.locator("ul.inbox")).to_contain_text("You left")
    wren.goto(PrivateConversation.objects.get().get_absolute_url())
    expect(wren.get_by_text("Nobody else can read new messages here.")).to_be_visible()


def test_a_too_new_account_is_told_why_it_cannot_start_one(
    open_page_as, member, other_member
):
    accept_messages_from_anyone(other_member)
    page = open_page_as(member, java_script_enabled=False)
    page.goto("/messages/new/")
    expect(page.locator("[data-refusal]")).to_contain_text(
        "Private messages open once your account is a week old and you have two "
        "published posts."
    )
    expect(page.get_by_role("button", name="Send")).to_have_count(0)


def test_a_sourcing_message_is_held_and_the_recipient_never_sees_it(
    open_page_as, member, other_member
):
    make_established(member)
    accept_messages_from_anyone(other_member)
    conversation = messaging.start_conversation(
        author=member, recipients=[other_member], body="Hi Marlow"
    ).message.conversation
    wren = open_page_as(member, java_script_enabled=False)
    wren.goto(conversation.get_absolute_url())
    wren.get_by_label("Your message").fill("anyone selling subs?")
    wren.get_by_role("button", name="Send").click()
    expect(
        wren.get_by_text("Your message is waiting for a moderator's review.")
    ).to_be_visible()
    expect(wren.locator("article.held")).to_contain_text("Waiting for review")

    marlow = open_page_as(other_member, java_script_enabled=False)
    marlow.goto(conversation.get_absolute_url())
    expect(marlow.get_by_text("Hi Marlow")).to_be_visible()
    expect(marlow.get_by_text("anyone selling subs?")).to_have_count(0)


def test_a_report_shows_the_moderator_only_its_slice_and_no_other_conversation(
    open_page_as, member, other_member, moderator, editor
):
    make_established(member)
    for person in (other_member, editor):
        accept_messages_from_anyone(person)
    conversation = messaging.start_conversation(
        author=member, recipients=[other_member], body="message 0"
    ).message.conversation
    for number in range(1, 13):
        author = member if number % 2 == 0 else other_member
        messaging.reply(conversation, author=author, body=f"message {number}")
    elsewhere = messaging.start_conversation(
        author=member, recipients=[editor], body="A private word elsewhere"
    ).message.conversation

    marlow = open_page_as(other_member, java_script_enabled=False)
    marlow.goto(conversation.get_absolute_url())
    reported = PrivateMessage.objects.get(body="message 12")
    marlow.locator(f"#message-{reported.pk}").get_by_role(
        "link", name="Report this message"
    ).click()
    marlow.get_by_label("What's wrong? (optional)").fill("This frightened me")
    marlow.get_by_role("button", name="Send the report").click()
    expect(marlow.get_by_text("A moderator will read this message")).to_be_visible()

    keel = open_page_as(moderator, java_script_enabled=False)
    keel.goto("/moderation/private-messages/")
    keel.get_by_role("link", name="Reported private message").click()
    expect(keel.locator("[data-review-slice] [data-message] .post-body")).to_have_text(
        [f"message {number}" for number in range(2, 13)]
    )
    expect(keel.locator("main")).not_to_contain_text("message 0")
    assert MessageReview.objects.get().reporter == other_member

    for other in (conversation, elsewhere):
        response = keel.goto(other.get_absolute_url())
        assert response.status == 403
