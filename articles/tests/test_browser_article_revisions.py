"""A change to a published article in a real browser: the editor edits it in the
admin (and other paths try too), visitors keep the reviewed text, the reviewer
reads the word diff and approves, and visitors then get the new text with the new
review date."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from articles import publishing
from articles.models import Article, MedicalReview
from articles.tests.factories import make_draft

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Sleep and buprenorphine"
SIGNED = "Take your dose at the same time each morning."
DANGEROUS = "Take double doses to sleep."
CHANGED = "Take your dose at the same time each morning, with breakfast."
OLD_REVIEW = datetime.date(2026, 1, 5)


def long_date(day):
    return date_format(day, "F j, Y")


def test_a_published_change_waits_for_sign_off_then_goes_live(
    page, open_page_as, editor, medical_reviewer, sign_in
):
    editor.is_staff = True
    editor.save()
    article = make_draft(editor, title=TITLE, body=f"## Dosing\n\n{SIGNED}")
    sign_in(editor)

    # The editor sends it to review; the reviewer signs it off: published.
    page.goto("/editorial/")
    drafts = page.get_by_role("region", name="Drafts")
    with page.expect_navigation(url="**/editorial/"):
        drafts.get_by_role("listitem").filter(has_text=TITLE).get_by_role(
            "button", name="Send to medical review"
        ).click()
    reviewer = open_page_as(medical_reviewer)
    reviewer.goto("/editorial/")
    waiting = reviewer.get_by_role("region", name="Waiting for medical review")
    with reviewer.expect_navigation(url="**/editorial/"):
        waiting.locator(".editorial-item").filter(has_text=TITLE).get_by_role(
            "button", name="Approve and sign off"
        ).click()
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    signed = article.live_revision
    # Signed off a while ago, so the new review date shows.
    Article.objects.filter(pk=article.pk).update(
        last_reviewed_on=OLD_REVIEW,
        next_review_due=OLD_REVIEW + datetime.timedelta(days=365),
        first_published_at=timezone.now() - datetime.timedelta(days=300),
        content_changed_at=timezone.now() - datetime.timedelta(days=300),
    )

    visitor = open_page_as()
    visitor.goto(article.get_absolute_url())
    body = visitor.locator(".article-body")
    expect(body).to_contain_text(SIGNED)

    # The editor changes the body of the published article in the admin.
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_label("Body:").fill(f"## Dosing\n\n{DANGEROUS}")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/admin/articles/article/")
    expect(page.locator("ul.messagelist li.warning")).to_contain_text(
        "readers keep seeing the reviewed version"
    )
    # Other paths: the admin's publish action, the save action, a shell update.
    page.get_by_role(
        "checkbox", name=f"Select this object for an action - {TITLE}"
    ).check()
    page.get_by_label("Action:").select_option(
        label="Publish (needs a medical sign-off)"
    )
    with page.expect_navigation(url="**/admin/articles/article/"):
        page.get_by_role("button", name="Run", exact=True).click()
    expect(page.locator("ul.messagelist li.error")).to_contain_text("sign-off")
    article.refresh_from_db()
    article.summary = DANGEROUS
    publishing.save_article(article, editor=editor)
    Article.objects.filter(pk=article.pk).update(title=DANGEROUS, body=DANGEROUS)

    visitor.reload()
    expect(body).to_contain_text(SIGNED)
    expect(visitor.get_by_text(DANGEROUS)).to_have_count(0)
    expect(visitor.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(visitor.locator(".review-dates")).to_contain_text(
        f"Page last reviewed: {long_date(OLD_REVIEW)}"
    )
    article.refresh_from_db()
    assert article.live_revision == signed

    # The editor puts the article right; the reviewer reads the diff and approves.
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_label("Title:").fill(TITLE)
    page.get_by_label("Full summary:").fill("A plain-language summary.")
    page.get_by_label("Body:").fill(f"## Dosing\n\n{CHANGED}")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/admin/articles/article/")

    reviewer.goto("/editorial/")
    waiting = reviewer.get_by_role("region", name="Waiting for medical review")
    expect(waiting).to_contain_text("Published, with a change in review")
    waiting.get_by_role("link", name="Review the change").click()
    reviewer.wait_for_url(f"**/editorial/articles/{article.pk}/review/")
    changes = reviewer.get_by_role("region", name="Changes to body")
    expect(changes).to_contain_text("3 words added, 1 removed")
    expect(changes.locator("ins")).to_have_text("morning, with breakfast.")
    expect(changes.locator("del")).to_have_text("morning.")
    expect(reviewer.get_by_role("region", name="Changes to title")).to_have_count(0)
    reviewer.get_by_label("Sign-off notes (optional)").fill("Timing advice is right.")
    with reviewer.expect_navigation(url="**/editorial/"):
        reviewer.get_by_role("button", name="Approve and sign off").click()
    expect(waiting).to_contain_text("Nothing is waiting for review.")

    visitor.reload()
    expect(body).to_contain_text(CHANGED)
    today = timezone.localdate()
    expect(visitor.locator(".review-dates")).to_contain_text(
        f"Page last reviewed: {long_date(today)}"
    )
    expect(visitor.locator("p.meta").first).to_contain_text(
        re.compile(rf"Updated on\s+{re.escape(long_date(today))}")
    )
    expect(visitor.locator("p.byline")).to_have_text(
        "Medically reviewed by Avery Chen, PharmD"
    )
    article.refresh_from_db()
    review = MedicalReview.objects.get(revision=article.live_revision)
    assert (review.reviewer, review.notes) == (
        medical_reviewer,
        "Timing advice is right.",
    )
    assert article.live_revision.content["body"] == f"## Dosing\n\n{CHANGED}"

    # Both see the history: two signed revisions, the change live.
    page.goto(f"/editorial/articles/{article.pk}/history/")
    live_item = page.locator(f"#revision-{article.live_revision_id}")
    expect(live_item.locator(".badge")).to_have_text("Live")
    expect(live_item.locator(".sign-off")).to_contain_text("Approved by Avery Chen")
    expect(page.locator(".sign-off").filter(has_text="Approved")).to_have_count(2)
