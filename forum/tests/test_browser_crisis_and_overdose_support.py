"""Crisis and overdose words in a real browser, one test per kind: the author sees
the right note (988 for crisis; 911 and naloxone steps for overdose), the post
publishes (or, when held for another reason, the note says so), and the
moderator's queue shows one urgent item with the kind, the phrase and the list
version (docs/safety.md section 5; issue 11 item 7)."""

import re

import pytest
from playwright.sync_api import expect

from community.crisis import CRISIS_LIST_VERSION
from forum.models import Post, QueueItem

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def post_an_update(page, body):
    page.goto("/community/")
    expect(page.locator(".support-note")).to_have_count(0)
    page.get_by_label("Your update").fill(body)
    page.get_by_role("button", name="Post update").click()
    page.wait_for_url(re.compile(r"/posts/\d+/"))


def the_one_urgent_item(open_page_as, moderator, *, kind, phrase):
    """The moderator's queue (signed in through the shared helper) shows exactly
    one urgent item, with what matched; returns the item's locator."""
    queue = open_page_as(moderator)
    queue.goto("/moderation/")
    urgent = queue.locator("section.queue-item").filter(
        has=queue.locator(".badge-urgent")
    )
    expect(urgent).to_have_count(1)
    match = urgent.locator(".crisis-match").first
    expect(match.locator(".crisis-kind")).to_have_text(kind)
    expect(match.locator(".crisis-phrase")).to_have_text(phrase)
    expect(match).to_contain_text(f"list version {CRISIS_LIST_VERSION}")
    return urgent


def test_crisis_words_show_988_publish_and_raise_one_urgent_item(
    page, sign_in, open_page_as, member, moderator
):
    sign_in(member)
    post_an_update(page, "Honestly Im thinking about suicide tonight")

    note = page.locator(".support-note")
    expect(note).to_have_count(1)
    expect(note.locator("#support-note-title")).to_contain_text(
        "You don't have to carry it alone"
    )
    expect(note.locator(".support-note-outcome")).to_have_text("Your post is up.")
    expect(note.locator('a[href="tel:988"]').first).to_be_visible()
    post = Post.objects.get(author=member)
    assert post.status == "published"

    # A second crisis post attaches to the same open item.
    post_an_update(page, "still dont want to be here anymore")
    urgent = the_one_urgent_item(
        open_page_as, moderator, kind="Crisis", phrase="thinking about suicide"
    )
    expect(urgent.locator(".crisis-match")).to_have_count(2)
    assert QueueItem.objects.open().count() == 1


def test_overdose_words_show_911_and_naloxone_first_and_raise_one_urgent_item(
    page, sign_in, open_page_as, member, moderator
):
    sign_in(member)
    # A curly apostrophe, as phones type it.
    post_an_update(
        page, "he used and now he won\u2019t wake up, his lips are going blue"
    )

    note = page.locator(".support-note")
    expect(note).to_have_count(1)
    expect(note.locator("#support-note-title")).to_have_text(
        "If someone may be overdosing, call 911 now"
    )
    expect(note.locator(".support-note-outcome")).to_have_text("Your post is up.")
    steps = note.inner_text()
    assert steps.index("Call 911") < steps.index("naloxone")
    expect(note.locator('a[href="tel:911"]').first).to_be_visible()
    assert Post.objects.get(author=member).status == "published"

    the_one_urgent_item(
        open_page_as, moderator, kind="Overdose", phrase="he won't wake up"
    )


@pytest.mark.premoderation
def test_a_held_first_post_gets_a_note_that_says_it_waits_for_review(
    page, sign_in, open_page_as, member, moderator, settings
):
    settings.FORUM_HOLD_FIRST_POSTS = 2
    sign_in(member)
    post_an_update(page, "First post here. I want to end my life.")

    note = page.locator(".support-note")
    expect(note).to_have_count(1)
    expect(note.locator(".support-note-outcome")).to_contain_text(
        "Your post is saved and waiting for a moderator's review"
    )
    expect(note).not_to_contain_text("Your post is up.")
    expect(note.locator('a[href="tel:988"]').first).to_be_visible()
    assert Post.objects.get(author=member).status == "held"

    urgent = the_one_urgent_item(
        open_page_as, moderator, kind="Crisis", phrase="end my life"
    )
    expect(urgent).to_contain_text("first posts")


def test_a_visitors_overdose_question_gets_the_steps_and_an_honest_note(
    page, open_page_as, moderator
):
    page.goto("/questions/ask/")
    page.get_by_label("Your question").fill(
        "is it time for the narcan? she's not breathing right"
    )
    page.get_by_role("button", name="Send question").click()
    page.wait_for_url("**/questions/received/")

    note = page.locator(".support-note")
    expect(note).to_have_count(1)
    expect(note.locator(".support-note-outcome")).to_contain_text(
        "Your question is saved and waiting for a moderator's review"
    )
    steps = note.inner_text()
    assert steps.index("Call 911") < steps.index("naloxone")

    the_one_urgent_item(
        open_page_as, moderator, kind="Overdose", phrase="not breathing"
    )
