"""Moderation and crisis safety in a real browser: members' reports hiding a post,
a two-factor moderator working the queue, silencing a member, and the support
offered after crisis words. Each person has their own browser context."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from community.models import ModeratorMessage, Sanction
from community.permissions import Role, assign_role
from conftest import TEST_PASSWORD, make_member, post_card, sign_in_through_the_form
from forum import actions, moderation
from forum.models import ModerationLog, Post, QueueItem, Report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

THREAD_POST = re.compile(r"/posts/(\d+)/(#post-(\d+))?$")
TWO_FACTOR_STEP = "/accounts/2fa/authenticate/"
TOTP_SET_UP = "/accounts/2fa/totp/activate/"


def open_page_as_moderator(open_page_as, moderator):
    """Sign the moderator in once; return the page and every URL it passed."""
    page = open_page_as()
    visited = []
    page.on(
        "framenavigated",
        lambda frame: visited.append(frame.url) if frame == page.main_frame else None,
    )
    sign_in_through_the_form(page, moderator)
    return page, visited


def established(email, name):
    """A member whose account is old enough for their reports to count."""
    user = make_member(email, name)
    user.date_joined = timezone.now() - datetime.timedelta(days=30)
    user.save()
    return user


def queue_item(page, text):
    return page.locator("section.queue-item").filter(has_text=text)


def act_on_item(page, text, button, reason=""):
    """Fill an item's reason, press one of its buttons, wait for the queue again."""
    item = queue_item(page, text)
    expect(item).to_have_count(1)
    if reason:
        item.get_by_label("Reason").fill(reason)
    with page.expect_navigation(url="**/moderation/"):
        item.get_by_role("button", name=button, exact=True).click()


def success_message(page):
    return page.locator("ul.messages li.message-success")


# --- 1. Members' reports hide a post ---------------------------------------------


def test_three_established_members_reporting_hide_the_post_from_others_not_its_author(
    open_page_as, member
):
    body = "Anyone who relapses is weak and should leave."
    post = actions.post_update(author=member, body=body).post
    reporters = [
        established(f"reporter{n}@example.com", f"Reporter {n}") for n in range(3)
    ]
    bystander = established("bystander@example.com", "Bystander")
    assert settings.FORUM_AUTO_HIDE_REPORTERS == 3

    for count, reporter in enumerate(reporters, start=1):
        page = open_page_as(reporter)
        page.goto("/community/")
        card = post_card(page, post.pk)
        expect(card.locator(".post-body")).to_have_text(body)
        card.get_by_role("link", name="Report", exact=True).click()
        page.wait_for_url(f"**/posts/{post.pk}/report/")
        expect(page.get_by_role("heading", name="Report a post")).to_be_visible()
        page.get_by_label("Harassment or hate", exact=True).check()
        page.get_by_role("button", name="Send report").click()
        page.wait_for_url(THREAD_POST)
        expect(success_message(page)).to_contain_text(
            "Thank you. A moderator will look at it."
        )
        assert Report.objects.filter(post=post).count() == count
        report = Report.objects.get(post=post, reporter=reporter)
        assert (report.reason, report.state) == ("harassment", "open")
        post.refresh_from_db()
        expected = "published" if count < 3 else "hidden_reports"
        assert post.status == expected, f"after report {count}"

    assert post.status == "hidden_reports"
    assert post.status_reason == "Reported by 3 members"
    auto_hide = ModerationLog.objects.get(action="auto_hide", post=post)
    assert auto_hide.actor is None
    item = QueueItem.objects.open().get(post=post)
    assert item.priority == QueueItem.Priority.REPORTED
    assert "hidden by reports" in item.reasons

    other = open_page_as(bystander)
    author = open_page_as(member)

    other.goto("/community/")
    expect(other.get_by_role("heading", name="Community updates")).to_be_visible()
    expect(other.get_by_text(body)).to_have_count(0)
    assert body not in other.content()
    other.goto(f"/posts/{post.pk}/")
    placeholder = post_card(other, post.pk)
    expect(placeholder).to_have_class(re.compile(r"\bpost-tombstone\b"))
    expect(placeholder.locator(".tombstone")).to_contain_text(
        "Hidden while a moderator reviews it"
    )
    expect(placeholder.locator(".post-body")).to_have_count(0)
    expect(placeholder.get_by_role("link", name="Report")).to_have_count(0)
    assert body not in other.content()
    # Others aren't told who reported, nor why beyond the placeholder.
    assert "Reported by 3 members" not in other.content()

    for where in ["/community/", f"/posts/{post.pk}/"]:
        author.goto(where)
        card = post_card(author, post.pk)
        expect(card.locator(".post-body")).to_have_text(body)
        note = card.locator(".moderation-note")
        expect(note).to_contain_text("Hidden while a moderator reviews it.")
        expect(note).to_contain_text("Reported by 3 members")
        expect(note).to_contain_text("Other members can't see it")
        for reporter in reporters:
            assert reporter.display_name not in author.content()


# --- 2. A two-factor moderator works the queue -------------------------------------


def test_moderator_signs_in_with_a_code_and_works_the_queue_then_reads_the_log(
    open_page_as, live_server, member, other_member, moderator
):
    question = "Is it normal to feel flat for months after stopping?"
    held_question = actions.ask_question(
        author=None, body=question, visitor_key="x"
    ).post
    contact_text = "Anyone nearby, call or text me 555-201-3344 tonight."
    held_contact = actions.post_update(author=member, body=contact_text).post
    reported_text = "Skip your dose if you feel fine, it worked for me."
    reported = actions.post_update(author=other_member, body=reported_text).post
    moderation.report_post(reported, reporter=member, reason="misinformation")
    assert (held_question.status, held_contact.status, reported.status) == (
        "held",
        "held",
        "published",
    )

    page, visited = open_page_as_moderator(open_page_as, moderator)
    # The code step really happened, and the moderator got through it.
    assert any(TWO_FACTOR_STEP in url for url in visited), visited
    assert TWO_FACTOR_STEP not in page.url
    assert "/accounts/login/" not in page.url

    page.goto("/moderation/")
    expect(page.get_by_role("heading", name="Moderation queue")).to_be_visible()
    expect(page.locator("section.queue-item")).to_have_count(3)
    expect(queue_item(page, contact_text).locator(".meta").first).to_contain_text(
        "555-201-3344"
    )

    act_on_item(page, question, "Approve")
    expect(success_message(page)).to_have_text("Approved: visible to members.")
    held_question.refresh_from_db()
    assert held_question.status == "published"
    expect(queue_item(page, question)).to_have_count(0)

    hide_reason = "Dosing advice that could hurt someone"
    act_on_item(page, reported_text, "Hide", reason=hide_reason)
    expect(success_message(page)).to_have_text("Hidden. The author can see why.")
    reported.refresh_from_db()
    assert (reported.status, reported.status_reason) == ("hidden", hide_reason)
    assert Report.objects.get(post=reported).state == "agreed"
    # Hiding closes the item, so the queue no longer offers its Restore button
    # (see test_a_hidden_post_can_be_restored_from_the_moderation_pages).
    expect(queue_item(page, reported_text)).to_have_count(0)

    # Restore by sending the queue's own Restore form from the moderator's
    # signed-in browser: same URL, same fields, same cookies.
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    restored = page.request.post(
        f"/moderation/posts/{reported.pk}/restore/",
        form={"csrfmiddlewaretoken": csrf, "reason": "Checked with a pharmacist"},
        headers={"Referer": f"{live_server.url}/moderation/"},
    )
    assert restored.ok
    assert restored.url.endswith("/moderation/")
    assert "Restored." in restored.text()
    reported.refresh_from_db()
    assert reported.status == "published"

    page.goto("/moderation/")
    remove_reason = "Contact details aren't shared in public posts"
    act_on_item(page, contact_text, "Remove", reason=remove_reason)
    expect(success_message(page)).to_have_text(
        "Removed. A tombstone keeps the replies in place."
    )
    held_contact.refresh_from_db()
    assert (held_contact.status, held_contact.status_reason) == (
        "removed",
        remove_reason,
    )
    expect(page.get_by_text("The queue is empty. Thank you!")).to_be_visible()

    page.get_by_role("navigation", name="Moderation").get_by_role(
        "link", name="Log", exact=True
    ).click()
    page.wait_for_url("**/moderation/log/")
    expect(page.get_by_role("heading", name="Moderation log")).to_be_visible()
    rows = page.locator("table.log tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))"
    )
    # When, Who, Action, Target, Change, Reason.
    seen = {(row[1], row[2], row[3].split(" ")[0], row[5]) for row in rows}
    expected = {
        ("Keel", "Approve", f"post:{held_question.pk}", ""),
        ("Keel", "Hide", f"post:{reported.pk}", hide_reason),
        ("Keel", "Restore", f"post:{reported.pk}", "Checked with a pharmacist"),
        ("Keel", "Remove", f"post:{held_contact.pk}", remove_reason),
    }
    assert expected <= seen, rows
    changes = {(row[2], row[3].split(" ")[0]): row[4] for row in rows}
    # Actions and states are shown by their names, in the reader's language.
    hidden = ("Hide", f"post:{reported.pk}")
    assert changes[hidden] == "Published → Hidden by a moderator"
    restored = ("Restore", f"post:{reported.pk}")
    assert changes[restored] == "Hidden by a moderator → Published"
    removed = ("Remove", f"post:{held_contact.pk}")
    assert changes[removed] == "Waiting for review → Removed by a moderator"


def test_moderator_without_two_factor_is_sent_to_set_it_up(open_page_as, live_server):
    newcomer = make_member("newmod@example.com", "Tern")
    assign_role(newcomer, Role.MODERATOR)
    page, visited = open_page_as_moderator(open_page_as, newcomer)
    assert not any(TWO_FACTOR_STEP in url for url in visited), visited
    response = page.goto("/moderation/")
    # The moderation view sends them to the set-up page; allauth asks for the
    # password once more before it shows it.
    chain = []
    request = response.request
    while request is not None:
        chain.insert(0, request.url.removeprefix(live_server.url))
        request = request.redirected_from
    assert chain[:2] == ["/moderation/", TOTP_SET_UP], chain
    expect(page.locator("ul.messages")).to_contain_text(
        "Staff pages need two-factor sign-in."
    )
    expect(page.get_by_role("heading", name="Moderation queue")).to_have_count(0)
    if "/accounts/reauthenticate/" in page.url:
        page.locator("input[name=password]").fill(TEST_PASSWORD)
        with page.expect_navigation(url=f"**{TOTP_SET_UP}"):
            page.get_by_role("button", name="Confirm").click()
    assert page.url.endswith(TOTP_SET_UP), page.url
    expect(page.locator("input[name=code]")).to_be_visible()
    expect(page.get_by_role("heading", name="Moderation queue")).to_have_count(0)

    # The other moderation pages are closed to them in the same way.
    for path in ["/moderation/log/", f"/moderation/members/{newcomer.pk}/"]:
        response = page.goto(path)
        assert response.request.redirected_from is not None, path
        assert page.url.endswith(TOTP_SET_UP), (path, page.url)
        expect(page.get_by_role("heading", name="Moderation log")).to_have_count(0)


def test_a_hidden_post_can_be_restored_from_the_moderation_pages(
    open_page_as, member, other_member, moderator
):
    text = "A post a moderator hides and then wants back."
    post = actions.post_update(author=other_member, body=text).post
    moderation.report_post(post, reporter=member, reason="spam")
    page, _visited = open_page_as_moderator(open_page_as, moderator)
    page.goto("/moderation/")
    act_on_item(page, text, "Hide", reason="Looked like spam at first")
    post.refresh_from_db()
    assert post.status == "hidden"
    # Its queue item is closed; the queue still lists it as recently hidden.
    page.goto("/moderation/")
    with page.expect_navigation():
        page.get_by_role("button", name=f"Restore post {post.pk}").click()
    post.refresh_from_db()
    assert post.status == "published"


# --- 3. Silencing a member ---------------------------------------------------------


def test_silenced_member_reads_sees_why_keeps_the_crisis_line_and_can_appeal(
    open_page_as, live_server, member, moderator
):
    existing = actions.post_update(
        author=member, body="My first week back at work."
    ).post
    silenced = open_page_as(member)
    mod, _visited = open_page_as_moderator(open_page_as, moderator)
    silenced.goto("/community/")
    expect(silenced.get_by_label("Your update")).to_be_visible()

    mod.goto(f"/moderation/members/{member.pk}/")
    expect(mod.get_by_role("heading", name="Wren", level=1)).to_be_visible()
    mod.get_by_label("Measure").select_option(label="Silence (can read, cannot post)")
    mod.get_by_label("For how many days").fill("1")
    mod.get_by_label("Reason (for the log)").fill("Heated replies in a thread")
    member_message = "Let's take a day away from posting. Write to us to talk."
    mod.get_by_label("Message the member will see").fill(member_message)
    with mod.expect_navigation(url=f"**/moderation/members/{member.pk}/"):
        mod.get_by_role("button", name="Save measure").click()
    expect(success_message(mod)).to_have_text("Saved. Wren will see your message.")
    sanction = Sanction.objects.get(member=member)
    assert sanction.kind == "silence"
    assert sanction.created_by == moderator
    assert sanction.member_message == member_message
    assert sanction.lifted_at is None
    remaining = sanction.ends_at - timezone.now()
    assert datetime.timedelta(hours=23) < remaining <= datetime.timedelta(days=1)
    measures = mod.locator("h2:text-is('Measures') + ul > li")
    expect(measures).to_have_count(1)
    expect(measures).to_contain_text("Silence (can read, cannot post)")
    expect(measures).to_contain_text("Heated replies in a thread")

    # Wren, already signed in, can still read but not post.
    silenced.goto("/community/")
    notice = silenced.locator(".silenced-note")
    expect(notice).to_contain_text("You can't post right now.")
    expect(notice).to_contain_text(member_message)
    expect(silenced.get_by_role("button", name="Post update")).to_have_count(0)
    expect(silenced.get_by_label("Your update")).to_have_count(0)
    expect(silenced.locator("form.composer textarea")).to_have_count(0)
    expect(post_card(silenced, existing.pk).locator(".post-body")).to_have_text(
        "My first week back at work."
    )
    banner = silenced.locator("[data-crisis-banner]")
    expect(banner).to_be_visible()
    expect(banner.locator('a[href="tel:988"]')).to_have_count(1)
    expect(banner.locator('a[href="tel:988"]')).to_be_visible()

    # Sending the composer by hand is refused too.
    csrf = next(
        c["value"] for c in silenced.context.cookies() if c["name"] == "csrftoken"
    )
    refused = silenced.request.post(
        "/community/post/",
        form={"csrfmiddlewaretoken": csrf, "body": "Posting anyway"},
        headers={"Referer": f"{live_server.url}/community/"},
    )
    assert not refused.ok
    assert not Post.objects.filter(body="Posting anyway").exists()

    silenced.get_by_role("navigation", name="Footer").get_by_role(
        "link", name="Contact the moderators"
    ).click()
    silenced.wait_for_url("**/contact-moderators/")
    expect(silenced.locator("[data-crisis-banner]")).to_be_visible()
    appeal = "I was upset about the thread. Can we talk about this?"
    silenced.get_by_label("Your message to the moderators").fill(appeal)
    with silenced.expect_navigation():
        silenced.get_by_role("button", name="Send", exact=True).click()
    expect(success_message(silenced)).to_have_text(
        "Your message is with the moderators."
    )
    message = ModeratorMessage.objects.get()
    assert (message.member, message.body) == (member, appeal)

    mod.goto("/moderation/messages/")
    inbox = mod.locator("ul.notifications li").filter(has_text=appeal)
    expect(inbox).to_have_count(1)
    expect(inbox.get_by_role("link", name="Wren")).to_have_attribute(
        "href", f"/moderation/members/{member.pk}/"
    )


# --- 4. Crisis words: published, support offered once, moderators alerted ---------


def test_crisis_words_publish_offer_support_once_and_alert_moderators(
    page, open_page_as, member, other_member, moderator, sign_in
):
    body = "Some nights I just want to die."
    sign_in(member)
    reader = open_page_as(other_member)
    page.goto("/community/")
    expect(page.locator(".support-note")).to_have_count(0)
    page.get_by_label("Your update").fill(body)
    page.get_by_role("button", name="Post update").click()
    page.wait_for_url(THREAD_POST)

    post = Post.objects.get(body=body)
    assert post.status == "published"
    assert post.author == member
    assert int(THREAD_POST.search(page.url).group(1)) == post.pk
    expect(success_message(page)).to_have_text("Your update is posted.")
    note = page.locator(".support-note")
    expect(note).to_have_count(1)
    expect(note.get_by_role("heading")).to_contain_text(
        "You don't have to carry it alone"
    )
    expect(note.locator('a[href="tel:988"]').first).to_be_visible()
    expect(post_card(page, post.pk).locator(".post-body")).to_have_text(body)

    page.reload()
    expect(post_card(page, post.pk).locator(".post-body")).to_have_text(body)
    expect(page.locator(".support-note")).to_have_count(0)
    page.goto("/community/")
    expect(page.locator(".support-note")).to_have_count(0)

    for where in ["/community/", f"/posts/{post.pk}/"]:
        reader.goto(where)
        card = post_card(reader, post.pk)
        expect(card.locator(".post-body")).to_have_text(body)
        expect(card.locator(".badge")).to_have_count(0)
        expect(card.locator(".moderation-note")).to_have_count(0)
        expect(card).not_to_have_class(re.compile(r"\bpost-tombstone\b"))
        expect(reader.locator(".support-note")).to_have_count(0)

    item = QueueItem.objects.open().get(post=post)
    assert item.priority == QueueItem.Priority.URGENT
    assert item.matched == ["want to die"]

    mod, _visited = open_page_as_moderator(open_page_as, moderator)
    mod.goto("/moderation/")
    queued = queue_item(mod, body)
    expect(queued).to_have_count(1)
    expect(queued.locator(".badge")).to_have_text("Urgent")
    expect(queued.locator(".badge")).to_have_class(re.compile(r"\bbadge-urgent\b"))
    expect(queued).to_contain_text("crisis language")
    expect(queued.locator("mark")).to_have_text(["want to die"])
    expect(queued).to_contain_text("status: Published")
    expect(mod.locator(".support-note")).to_have_count(0)
    post.refresh_from_db()
    assert post.status == "published"
