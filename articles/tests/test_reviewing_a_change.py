"""A change to a published article: the reviewer reads it as a word diff against
the published text, approves it or asks for changes, and everyone can read the
history of who signed what."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import diffing, publishing
from articles.models import Article, ArticleRevision, EditorialState, MedicalReview
from articles.tests.factories import make_draft, make_published
from community.permissions import Role, assign_role
from conftest import make_member, set_up_authenticator

pytestmark = pytest.mark.django_db

SIGNED = "Take one tablet at night."
CHANGED = "Take one tablet in the morning."


@pytest.fixture
def article(editor, medical_reviewer):
    return make_published(editor, medical_reviewer, body=f"## Dosing\n\n{SIGNED}")


def change(article, editor, body=CHANGED, note="Morning dosing."):
    article.body = f"## Dosing\n\n{body}"
    publishing.save_article(article, editor=editor, note=note)
    return article.revisions.order_by("-id").first()


def state_of(article):
    return Article.objects.with_editorial_state().get(pk=article.pk).editorial_state


def test_the_diff_lists_words_added_and_removed_per_field():
    old = {
        "title": "Sleep",
        "summary": "Same.",
        "key_takeaways": ["A."],
        "body": "Take one tablet at night.",
        "disclosure": "",
        "sponsor": "",
        "references": [],
        "poll": None,
    }
    new = {
        **old,
        "body": "Take one tablet in the morning.",
        "poll": {"question": "Why?", "options": [{"id": 1, "text": "Because"}]},
    }
    diff = diffing.revision_diff(old, new)
    assert [field.label for field in diff] == ["Body", "Poll question", "Poll choices"]
    body = diff[0]
    assert (body.words_added, body.words_removed) == (3, 2)
    assert [(s.change, s.text) for s in body.segments] == [
        ("same", "Take one tablet "),
        ("removed", "at night."),
        ("added", "in the morning."),
    ]


def test_the_reviewer_sees_the_change_escaped_and_approves_it(
    client, article, editor, medical_reviewer
):
    revision = change(article, editor, body=f"{CHANGED} <script>x</script>")
    client.force_login(medical_reviewer)
    html = client.get(f"/editorial/articles/{article.pk}/review/").content.decode()
    assert "Published, with a change in review" in html
    assert (
        "<del>at night.</del><ins>in the morning. &lt;script&gt;x&lt;/script&gt;</ins>"
        in html
    )
    assert "<script>x" not in html
    assert "Morning dosing." in html
    response = client.post(
        f"/editorial/articles/{article.pk}/approve/",
        {"notes": "Fine.", "revision": revision.pk},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live_revision == revision
    assert article.medical_reviewer == medical_reviewer
    assert article.last_reviewed_on == timezone.localdate()
    review = MedicalReview.objects.get(revision=revision)
    assert (review.reviewer, review.decision, review.notes) == (
        medical_reviewer,
        "approved",
        "Fine.",
    )
    assert state_of(article) == EditorialState.PUBLISHED
    html = client.get(article.get_absolute_url()).content.decode()
    assert "in the morning." in html


def test_a_sign_off_of_a_revision_that_was_since_changed_is_refused(
    client, article, editor, medical_reviewer
):
    read = change(article, editor)
    newer = change(article, editor, body="Take two tablets.")
    signed = article.live_revision_id
    with pytest.raises(ValidationError, match="changed after you opened it"):
        publishing.approve_article(article, reviewer=medical_reviewer, revision=read)
    client.force_login(medical_reviewer)
    client.post(f"/editorial/articles/{article.pk}/approve/", {"revision": read.pk})
    article.refresh_from_db()
    assert article.live_revision_id == signed
    assert not MedicalReview.objects.filter(revision__in=[read, newer]).exists()


def test_requesting_changes_keeps_the_published_text(
    client, article, editor, medical_reviewer
):
    revision = change(article, editor)
    signed = article.live_revision_id
    with pytest.raises(ValidationError, match="say what needs to change"):
        publishing.request_changes(article, reviewer=medical_reviewer, reasons=" ")
    publishing.request_changes(
        article, reviewer=medical_reviewer, reasons="Cite the label.", revision=revision
    )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.live_revision_id == signed
    assert state_of(article) == EditorialState.PUBLISHED_CHANGES_REQUESTED
    client.force_login(editor)
    dashboard = client.get("/editorial/").content.decode()
    assert "change sent back: Cite the label." in dashboard
    # The editor's next edit goes back to review.
    change(article, editor, body="Take one tablet in the morning, with food.")
    assert state_of(article) == EditorialState.PUBLISHED_CHANGE_IN_REVIEW


def test_editors_see_each_articles_state(client, editor, medical_reviewer, article):
    make_draft(editor, title="Just a draft")
    in_review = make_draft(editor, title="Waiting one")
    publishing.submit_for_review(in_review, editor=editor)
    sent_back = make_draft(editor, title="Sent back one")
    publishing.submit_for_review(sent_back, editor=editor)
    publishing.request_changes(sent_back, reviewer=medical_reviewer, reasons="No.")
    change(article, editor)
    states = {
        a.title: a.editorial_state for a in Article.objects.with_editorial_state()
    }
    assert states == {
        "Just a draft": EditorialState.DRAFT,
        "Waiting one": EditorialState.IN_REVIEW,
        "Sent back one": EditorialState.CHANGES_REQUESTED,
        article.title: EditorialState.PUBLISHED_CHANGE_IN_REVIEW,
    }
    client.force_login(editor)
    html = client.get("/editorial/").content.decode()
    assert '<span class="meta state">· Draft</span>' in html
    assert '<span class="meta state">· Changes requested</span>' in html
    assert '<span class="state">In review</span>' in html
    assert '<span class="state">Published, with a change in review</span>' in html


def test_history_lists_every_revision_and_who_signed_it(
    client, article, editor, medical_reviewer
):
    first_live = article.live_revision
    revision = change(article, editor)
    publishing.approve_article(article, reviewer=medical_reviewer, revision=revision)
    client.force_login(editor)
    html = client.get(f"/editorial/articles/{article.pk}/history/").content.decode()
    ids = [int(pk) for pk in re.findall(r'id="revision-(\d+)"', html)]
    assert ids == list(article.revisions.order_by("-id").values_list("pk", flat=True))
    assert html.count("Approved by Avery Chen") == 2
    old = client.get(f"/editorial/revisions/{first_live.pk}/").content.decode()
    assert SIGNED in old
    assert "Approved by Avery Chen" in old


def test_members_and_visitors_cannot_read_the_history(client, article, member):
    for url in [
        f"/editorial/articles/{article.pk}/history/",
        f"/editorial/articles/{article.pk}/review/",
        f"/editorial/revisions/{article.live_revision_id}/",
    ]:
        assert client.get(url).status_code == 302  # to sign in
        client.force_login(member)
        assert client.get(url).status_code == 403
        client.logout()


def test_readers_see_updated_on_only_after_a_signed_change(
    client, article, editor, medical_reviewer, django_capture_on_commit_callbacks
):
    Article.objects.filter(pk=article.pk).update(
        first_published_at=timezone.now() - timezone.timedelta(days=30),
        content_changed_at=timezone.now() - timezone.timedelta(days=30),
    )
    assert "Updated on" not in client.get(article.get_absolute_url()).content.decode()
    revision = change(article, editor)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.approve_article(
            article, reviewer=medical_reviewer, revision=revision
        )
    html = client.get(article.get_absolute_url()).content.decode()
    today = timezone.localdate()
    assert f'Updated on <time datetime="{today:%Y-%m-%d}">' in html


def test_a_reviewer_cannot_sign_off_a_change_they_wrote(
    article, medical_reviewer, editor
):
    assign_role(medical_reviewer, Role.EDITOR)
    reviewer = type(medical_reviewer).objects.get(pk=medical_reviewer.pk)
    revision = change(article, reviewer)
    with pytest.raises(ValidationError, match="they wrote"):
        publishing.approve_article(article, reviewer=reviewer, revision=revision)
    article.refresh_from_db()
    assert article.live_revision_id != revision.pk


def test_a_reviewer_publishes_an_urgent_correction_logged_as_their_sign_off(
    client, article, editor
):
    second = set_up_authenticator(
        make_member(
            "second@example.com",
            "Sam Ortiz",
            role=Role.MEDICAL_REVIEWER,
            credentials="MD",
        )
    )
    client.force_login(second)
    url = f"/editorial/articles/{article.pk}/correct/"
    form = client.get(url)
    assert form.status_code == 200
    assert SIGNED in form.content.decode()
    live = article.live_revision.content
    response = client.post(
        url,
        {
            "title": live["title"],
            "key_takeaways": "\n".join(live["key_takeaways"]),
            "summary": live["summary"],
            "body": "## Dosing\n\nTake one tablet at night, never more.",
            "disclosure": "",
            "note": "Make the maximum explicit.",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    correction = article.live_revision
    assert correction.kind == ArticleRevision.Kind.CORRECTION
    assert correction.created_by == second
    review = MedicalReview.objects.get(revision=correction)
    assert review.reviewer == second
    assert review.notes == "Urgent correction: Make the maximum explicit."
    assert article.medical_reviewer == second
    assert "never more" in article.body  # the working copy keeps the correction
    page = client.get(article.get_absolute_url()).content.decode()
    assert "never more" in page
    assert "Sam Ortiz, MD" in page


def test_an_editor_can_never_publish_a_correction(client, article, editor):
    signed = article.live_revision_id
    with pytest.raises(PermissionDenied):
        publishing.publish_correction(
            article, reviewer=editor, changes={"body": "Anything."}, note="Urgent."
        )
    client.force_login(editor)
    url = f"/editorial/articles/{article.pk}/correct/"
    assert client.get(url).status_code == 403
    response = client.post(url, {"body": "Anything.", "note": "Urgent."})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.live_revision_id == signed


def test_a_correction_keeps_a_waiting_change_in_review(
    article, editor, medical_reviewer
):
    other_reviewer = make_member(
        "second@example.com", "Sam Ortiz", role=Role.MEDICAL_REVIEWER
    )
    article.summary = "A clearer summary."
    publishing.save_article(article, editor=editor, note="Clearer summary.")
    publishing.publish_correction(
        article,
        reviewer=other_reviewer,
        changes={"body": "## Dosing\n\nTake one tablet at night, never more."},
        note="Maximum.",
    )
    article.refresh_from_db()
    pending = publishing.pending_revision(article)
    assert pending.content["summary"] == "A clearer summary."
    assert "never more" in pending.content["body"]
    assert pending.created_by == editor
    assert state_of(article) == EditorialState.PUBLISHED_CHANGE_IN_REVIEW


def test_the_demo_has_a_change_waiting_for_review(client, settings):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("seed_demo")
    waiting = [
        a
        for a in Article.objects.with_editorial_state()
        if a.editorial_state == EditorialState.PUBLISHED_CHANGE_IN_REVIEW
    ]
    assert [a.slug for a in waiting] == ["medications-for-opioid-use-disorder"]
    reviewer = Article.objects.get(slug=waiting[0].slug).medical_reviewer
    client.force_login(set_up_authenticator(reviewer))
    html = client.get(f"/editorial/articles/{waiting[0].pk}/review/").content.decode()
    assert "<ins>" in html
    assert "X-waiver" in html
    page = client.get(waiting[0].get_absolute_url()).content.decode()
    assert "X-waiver" not in page  # readers still see the signed text
