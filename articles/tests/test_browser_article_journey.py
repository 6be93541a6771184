"""Articles in a real browser: an editor drafts one in the admin, the publishing
gate refuses it until a medical reviewer signs it off, then readers see it, vote
in its poll and members talk about it."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, MedicalReview, PollVote
from articles.polls import ALREADY_VOTED
from articles.tests.factories import make_poll, make_published
from forum.models import Post

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SIGN_OFF_REFUSAL = re.compile(r"needs a medical reviewer's sign-off")
ON_ARTICLE_POST = re.compile(r"/articles/[\w-]+/#post-(\d+)$")

TITLE = "Sleep in early recovery"
SLUG = "sleep-early-recovery"  # not the title's slug: typed, not prepopulated
TAKEAWAYS = [
    "Poor sleep is common in the first weeks.",
    "A steady wake-up time helps most.",
    "Caffeine after noon makes nights harder.",
    "Tell your prescriber if sleep stays poor after a month.",
    "Naps longer than twenty minutes can backfire.",
]
FULL_SUMMARY = "Sleep usually settles with time, routine and support."
HEADINGS = ["Why sleep changes", "What helps", "When to ask for help"]
BODY = "\n\n".join(
    f"## {heading}\n\nA paragraph about {heading.lower()}." for heading in HEADINGS
)
REFERENCE_TEXT = "Sleep and recovery. Example Journal, 2025. Accessed 2026."
REFERENCE_URL = "https://example.org/sleep-and-recovery"


def assert_unpublished(article):
    article.refresh_from_db()
    assert article.status != Article.Status.PUBLISHED
    assert article.first_published_at is None
    assert article.medical_reviewer is None
    assert article.last_reviewed_on is None


def draft_in_the_admin(page):
    page.goto("/admin/articles/article/add/")
    page.get_by_label("Title:").fill(TITLE)
    page.get_by_label("Title:").press("Tab")
    # The admin's script fills the slug from the title; the editor types their own.
    slug = page.get_by_label("Slug:")
    expect(slug).to_have_value("sleep-in-early-recovery")
    slug.fill(SLUG)
    expect(slug).to_have_value(SLUG)
    page.get_by_label("Key takeaways:").fill("\n".join(TAKEAWAYS))
    page.get_by_label("Full summary:").fill(FULL_SUMMARY)
    page.get_by_label("Body:").fill(BODY)
    # Tabular inline cells have column headers, not labels: find them by name.
    reference = page.locator("#references-group tr#references-0")
    reference.locator("input[name='references-0-position']").fill("1")
    reference.locator("input[name='references-0-text']").fill(REFERENCE_TEXT)
    reference.locator("input[name='references-0-url']").fill(REFERENCE_URL)
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/admin/articles/article/")
    expect(page.locator("ul.messagelist li.success")).to_contain_text(TITLE)


def editorial_drafts(page):
    return page.get_by_role("region", name="Drafts")


def test_editor_drafts_in_the_admin_and_only_a_medical_sign_off_publishes_it(
    page, open_page_as, editor, medical_reviewer, sign_in
):
    editor.is_staff = True
    editor.save()
    sign_in(editor)
    draft_in_the_admin(page)

    article = Article.objects.get(slug=SLUG)
    assert article.title == TITLE
    assert article.key_takeaways == TAKEAWAYS
    assert article.summary == FULL_SUMMARY
    assert article.author == editor
    assert article.status == Article.Status.DRAFT
    assert [h["name"] for h in article.table_of_contents] == HEADINGS
    reference = article.references.get()
    assert (reference.position, reference.text, reference.url) == (
        1,
        REFERENCE_TEXT,
        REFERENCE_URL,
    )
    assert article.conversation is not None
    assert_unpublished(article)

    # The editor's own Publish button is refused while nobody has signed it off.
    page.goto("/editorial/")
    expect(page.get_by_role("heading", name="Editorial", exact=True)).to_be_visible()
    draft_item = editorial_drafts(page).get_by_role("listitem").filter(has_text=TITLE)
    expect(draft_item).to_have_count(1)
    with page.expect_navigation(url="**/editorial/"):
        draft_item.get_by_role("button", name="Publish", exact=True).click()
    refusal = page.locator("ul.messages li.message-error")
    expect(refusal).to_have_count(1)
    expect(refusal).to_contain_text("sign-off")
    expect(refusal).to_contain_text(SIGN_OFF_REFUSAL)
    assert_unpublished(article)
    assert article.status == Article.Status.DRAFT

    draft_item = editorial_drafts(page).get_by_role("listitem").filter(has_text=TITLE)
    with page.expect_navigation(url="**/editorial/"):
        draft_item.get_by_role("button", name="Send to medical review").click()
    expect(page.locator("ul.messages li.message-success")).to_have_text(
        "Sent to medical review."
    )
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    waiting = page.get_by_role("region", name="Waiting for medical review")
    expect(waiting.get_by_role("link", name=TITLE, exact=True)).to_be_visible()
    expect(editorial_drafts(page).get_by_text("No drafts.")).to_be_visible()
    # An editor isn't a reviewer, so the sign-off form isn't offered to them.
    expect(page.get_by_role("button", name="Approve and sign off")).to_have_count(0)

    # The admin's bulk action goes through the same gate, even once in review.
    page.goto("/admin/articles/article/")
    page.get_by_role(
        "checkbox", name=f"Select this object for an action - {TITLE}"
    ).check()
    page.get_by_label("Action:").select_option(
        label="Publish (needs a medical sign-off)"
    )
    with page.expect_navigation(url="**/admin/articles/article/"):
        page.get_by_role("button", name="Run", exact=True).click()
    admin_error = page.locator("ul.messagelist li.error")
    expect(admin_error).to_have_count(1)
    expect(admin_error).to_contain_text(f"{TITLE}: ")
    expect(admin_error).to_contain_text("sign-off")
    expect(page.locator("ul.messagelist li.success")).to_have_count(0)
    assert_unpublished(article)
    assert article.status == Article.Status.IN_REVIEW
    assert not MedicalReview.objects.exists()

    visitor = open_page_as()
    reviewer = open_page_as(medical_reviewer)
    response = visitor.goto(f"/articles/{SLUG}/")
    assert response.status == 404
    expect(visitor.get_by_role("heading", name=TITLE)).to_have_count(0)

    reviewer.goto("/editorial/")
    item = (
        reviewer.get_by_role("region", name="Waiting for medical review")
        .locator(".editorial-item")
        .filter(has_text=TITLE)
    )
    expect(item).to_have_count(1)
    notes = "Doses and advice match current guidance."
    item.get_by_label("Sign-off notes (optional)").fill(notes)
    with reviewer.expect_navigation(url="**/editorial/"):
        item.get_by_role("button", name="Approve and sign off").click()
    expect(reviewer.locator("ul.messages li.message-success")).to_have_text(
        "Signed off. The article is published with your name and today's review date."
    )
    expect(
        reviewer.get_by_role("region", name="Waiting for medical review")
    ).to_contain_text("Nothing is waiting for review.")

    article.refresh_from_db()
    assert article.status == "published"
    assert article.medical_reviewer == medical_reviewer
    assert article.last_reviewed_on == timezone.localdate()
    assert article.first_published_at is not None
    review = MedicalReview.objects.get(article=article)
    assert (review.reviewer, review.decision, review.notes) == (
        medical_reviewer,
        MedicalReview.Decision.APPROVED,
        notes,
    )
    assert review.checksum == article.content_checksum()

    # Signed out, a reader now gets the article.
    response = visitor.goto(f"/articles/{SLUG}/")
    assert response.status == 200
    expect(visitor.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(visitor.locator(".preview-bar")).to_have_count(0)
    byline = visitor.locator("p.byline")
    expect(byline).to_have_text("Medically reviewed by Avery Chen, PharmD")
    expect(
        byline.get_by_role("link", name="Avery Chen, PharmD", exact=True)
    ).to_have_attribute("href", f"/reviewers/{medical_reviewer.pk}/")

    takeaways = visitor.get_by_role("region", name="Key Takeaways")
    expect(
        takeaways.get_by_role("heading", name="Key Takeaways", exact=True)
    ).to_be_visible()
    for point in TAKEAWAYS[:3]:
        expect(takeaways.get_by_text(point, exact=True)).to_be_visible()
    hidden_points = [
        takeaways.get_by_text(point, exact=True) for point in TAKEAWAYS[3:]
    ]
    summary_text = takeaways.get_by_text(FULL_SUMMARY)
    for hidden in [*hidden_points, summary_text]:
        expect(hidden).to_have_count(1)
        expect(hidden).to_be_hidden()
    details = takeaways.locator("details.full-summary")
    expect(details).not_to_have_attribute("open", re.compile(".*"))
    takeaways.get_by_text("View full summary", exact=True).click()
    expect(details).to_have_attribute("open", "")
    for shown in [*hidden_points, summary_text]:
        expect(shown).to_be_visible()

    contents = visitor.get_by_role("navigation", name="On this page")
    expect(contents.get_by_role("link")).to_have_text(HEADINGS)
    for heading in HEADINGS:
        expect(
            visitor.locator(".article-body").get_by_role(
                "heading", name=heading, level=2
            )
        ).to_be_visible()
    references = visitor.get_by_role("region", name="References")
    expect(references.get_by_role("listitem")).to_have_count(1)
    expect(references).to_contain_text(REFERENCE_TEXT)
    expect(references.get_by_role("link", name=REFERENCE_URL)).to_have_attribute(
        "href", REFERENCE_URL
    )


def test_visitor_votes_once_and_sees_the_results_after_reloading(
    page, live_server, editor, medical_reviewer
):
    article = make_published(editor, medical_reviewer, title="Talking to family")
    poll = make_poll(article, options=("Dose", "Cravings", "Sleep"))

    page.goto(f"/articles/{article.slug}/")
    section = page.locator("section#poll")
    form = section.locator("form.poll-form")
    expect(form).to_be_visible()
    expect(section.get_by_text(poll.question)).to_be_visible()
    for text in ["Dose", "Cravings", "Sleep"]:
        expect(form.get_by_label(text, exact=True)).not_to_be_checked()
    expect(section.locator("meter")).to_have_count(0)
    expect(section.get_by_text("(your vote)")).to_have_count(0)

    form.get_by_label("Cravings", exact=True).check()
    form.get_by_role("button", name="Vote").click()
    page.wait_for_url(f"**/articles/{article.slug}/#poll")

    expect(page.locator("ul.messages li.message-success")).to_have_text(
        "Thank you for voting."
    )

    def expect_results():
        expect(section.locator("form.poll-form")).to_have_count(0)
        expect(section.get_by_role("button", name="Vote")).to_have_count(0)
        expect(section.locator(".poll-question")).to_have_text(poll.question)
        rows = section.locator("ul.poll-results > li")
        expect(rows).to_have_count(3)
        mine = section.locator("li.my-vote")
        expect(mine).to_have_count(1)
        expect(mine.locator(".poll-option")).to_have_text("Cravings (your vote)")
        expect(mine.locator(".poll-percent")).to_have_text("100%")
        expect(mine.locator("meter")).to_have_attribute("value", "100")
        for other in ["Dose", "Sleep"]:
            row = rows.filter(has_text=other)
            expect(row.locator(".poll-percent")).to_have_text("0%")
            expect(row.locator("meter")).to_have_attribute("value", "0")
            expect(row.get_by_text("(your vote)")).to_have_count(0)
        expect(section.locator("meter")).to_have_count(3)
        expect(section.get_by_text("1 vote.", exact=True)).to_be_visible()

    expect_results()
    page.reload()
    expect(page.locator("ul.messages")).to_have_count(0)
    expect_results()

    # The same browser can't vote again, even by sending the form by hand. (A
    # visitor's poll form carries no CSRF token; the same-origin check stands in.)
    dose = poll.options.get(text="Dose")
    again = page.request.post(
        f"/articles/{article.slug}/poll/",
        form={"option": str(dose.pk)},
        headers={"Referer": page.url, "Origin": live_server.url},
    )
    assert again.ok
    assert again.url.endswith(f"/articles/{article.slug}/#poll")
    assert ALREADY_VOTED in again.text()
    page.reload()
    expect_results()

    vote = PollVote.objects.get()
    assert vote.poll == poll
    assert vote.option.text == "Cravings"
    assert vote.member is None
    assert vote.browser_key != ""
    poll.refresh_from_db()
    assert poll.total_votes == 1


def test_member_comments_and_another_member_replies_in_a_thread(
    page,
    open_page_as,
    live_server,
    editor,
    medical_reviewer,
    member,
    other_member,
    sign_in,
):
    article = make_published(editor, medical_reviewer, title="Telling your boss")
    comment_text = "I told my manager in week two; it went better than I feared."
    reply_text = "Thank you, that gives me courage to do the same."

    sign_in(member)
    page.goto(f"/articles/{article.slug}/")
    conversation = page.get_by_role("region", name="Join the Conversation")
    expect(
        conversation.get_by_role("heading", name="Join the Conversation")
    ).to_be_visible()
    expect(conversation.get_by_text("No posts yet.")).to_be_visible()
    conversation.get_by_label("Your comment", exact=True).fill(comment_text)
    conversation.get_by_role("button", name="Post comment").click()
    page.wait_for_url(ON_ARTICLE_POST)
    assert page.url.startswith(f"{live_server.url}/articles/{article.slug}/#post-")
    comment_pk = int(ON_ARTICLE_POST.search(page.url).group(1))

    comment = Post.objects.get(pk=comment_pk)
    assert comment.body == comment_text
    assert comment.author == member
    assert comment.conversation_id == article.conversation_id
    assert comment.parent is None
    expect(page.get_by_role("heading", name=article.title, level=1)).to_be_visible()
    card = page.locator(f"article#post-{comment_pk}")
    expect(card.locator(".post-body")).to_have_text(comment_text)
    expect(card.locator(".post-author")).to_have_text("Wren")

    other = open_page_as(other_member)
    other.goto(f"/articles/{article.slug}/")
    other_card = other.locator(f"article#post-{comment_pk}")
    expect(other_card.locator(".post-body")).to_have_text(comment_text)
    other_card.get_by_role("link", name="Reply", exact=True).click()
    other.wait_for_url(f"**/posts/{comment_pk}/reply/")
    expect(other.locator("blockquote.quoted")).to_contain_text(comment_text)
    other.get_by_label("Your reply", exact=True).fill(reply_text)
    other.get_by_role("button", name="Post reply").click()
    other.wait_for_url(re.compile(rf"/posts/{comment_pk}/#post-\d+$"))

    reply = Post.objects.get(body=reply_text)
    assert reply.parent_id == comment_pk
    assert reply.author == other_member
    assert reply.depth == 1
    assert reply.conversation_id == article.conversation_id

    for viewer in [other, page]:
        viewer.goto(f"/articles/{article.slug}/")
        thread_root = viewer.locator(".thread-root").filter(
            has=viewer.locator(f"article#post-{comment_pk}")
        )
        expect(thread_root).to_have_count(1)
        # The comment's card comes first, then its replies container.
        expect(thread_root.locator(":scope > article")).to_have_attribute(
            "id", f"post-{comment_pk}"
        )
        nested = thread_root.locator(
            f"article#post-{comment_pk} + .replies > article#post-{reply.pk}"
        )
        expect(nested).to_have_count(1)
        expect(nested.locator(".post-body")).to_have_text(reply_text)
        expect(nested.locator(".post-author")).to_have_text("Marlow")
        expect(nested).to_have_class(re.compile(r"\bdepth-1\b"))
        # The reply isn't also listed as a top-level post.
        expect(viewer.locator("#post-list > .thread-root")).to_have_count(1)
