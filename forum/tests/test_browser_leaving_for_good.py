"""In a real browser: a member asks to delete their account, cancels it from the
email's link, asks again keeping their posts, and once the task has run another
member reads their post signed "A former member". Removing everything leaves a
tombstone above the replies, and the picture's address answers 404."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from playwright.sync_api import expect

from community import account_deletion
from community.models import AccountDeletion
from conftest import TEST_PASSWORD, sign_in_through_the_form
from forum.tests.factories import make_reply, make_update, picture_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ask_to_delete(page, mode, password=TEST_PASSWORD):
    page.goto("/account/profile/")
    page.get_by_role("link", name="Delete my account").click()
    page.get_by_label(re.compile(f"^{mode}")).check()
    page.get_by_label("Your password").fill(password)
    page.get_by_role("button", name="Delete my account").click()


def test_a_member_deletes_their_account_cancels_and_leaves_for_good(
    open_page_as, member, other_member
):
    post = make_update(member, body="Ninety days, one walk at a time.")
    make_reply(post, other_member, body="So proud of you.")
    page = open_page_as(member)

    ask_to_delete(page, "Remove everything I wrote", password="not my password")
    expect(page.get_by_text("That password isn't right.")).to_be_visible()
    expect(page.get_by_label(re.compile("^Remove everything I wrote"))).to_be_checked()

    page.get_by_label("Your password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(
        page.get_by_role("heading", name="Your account will be deleted")
    ).to_be_visible()

    (email,) = mail.outbox
    cancel_url = re.search(r"https?://\S+/account/delete/cancel/\S+/", email.body)[0]
    page.goto(cancel_url[cancel_url.index("/account/") :])
    page.get_by_role("button", name="Cancel the deletion").click()
    expect(page.get_by_text("Your account will not be deleted.")).to_be_visible()

    sign_in_through_the_form(page, member)
    ask_to_delete(page, "Keep my posts, without my name")
    expect(
        page.get_by_role("heading", name="Your account will be deleted")
    ).to_be_visible()
    deletion = AccountDeletion.objects.get(completed_at=None, cancelled_at=None)
    account_deletion.finish_due_deletions(now=deletion.due_at + timedelta(seconds=1))

    reader = open_page_as(other_member)
    reader.goto(post.get_absolute_url())
    card = reader.locator(f"article#post-{post.pk}")
    expect(card).to_contain_text("A former member")
    expect(card).to_contain_text("Ninety days, one walk at a time.")
    expect(reader.get_by_text("So proud of you.")).to_be_visible()
    expect(reader.locator("main")).not_to_contain_text("Wren")


def test_removing_everything_leaves_tombstones_a_reader_can_follow(
    open_page_as, member, other_member
):
    post = make_update(member, body="Sunrise at the lake.", picture=picture_upload())
    make_reply(post, other_member, body="What a view.")
    page = open_page_as(member)
    ask_to_delete(page, "Remove everything I wrote")
    expect(
        page.get_by_role("heading", name="Your account will be deleted")
    ).to_be_visible()
    deletion = AccountDeletion.objects.get()
    account_deletion.finish_due_deletions(now=deletion.due_at + timedelta(seconds=1))

    reader = open_page_as(other_member)
    reader.goto(post.get_absolute_url())
    card = reader.locator(f"article#post-{post.pk}")
    expect(card).to_contain_text("Removed by its author")
    expect(card).not_to_contain_text("Sunrise at the lake.")
    expect(reader.get_by_text("What a view.")).to_be_visible()
    assert reader.request.get(f"/posts/{post.pk}/picture/").status == 404
    reader.goto("/search/?q=sunrise")
    expect(reader.locator("main")).not_to_contain_text("Sunrise at the lake")
