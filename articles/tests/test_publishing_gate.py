import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from articles import publishing
from articles.models import Article, MedicalReview, ReviewerProfile
from articles.tests.factories import make_draft, make_published

pytestmark = pytest.mark.django_db


def assert_unpublished(article):
    article.refresh_from_db()
    assert article.status != "published"
    assert article.first_published_at is None
    assert article.medical_reviewer is None
    assert article.last_reviewed_on is None


def test_editor_cannot_publish_a_draft_without_sign_off(editor):
    article = make_draft(editor)
    with pytest.raises(ValidationError, match="medical reviewer's sign-off"):
        publishing.publish_article(article, editor=editor)
    assert_unpublished(article)


def test_editor_cannot_publish_from_the_editorial_page(client, editor):
    article = make_draft(editor)
    client.force_login(editor)
    response = client.post(f"/editorial/articles/{article.pk}/publish/", follow=True)
    assert "medical reviewer&#x27;s sign-off" in response.content.decode()
    assert_unpublished(article)


def test_admin_publish_action_goes_through_the_gate(client, editor):
    article = make_draft(editor)
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    response = client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "sign-off" in response.content.decode()
    assert_unpublished(article)


def test_editor_writes_a_draft_in_the_admin(client, editor):
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    response = client.post(
        "/admin/articles/article/add/",
        {
            "title": "Sleep in early recovery",
            "slug": "sleep-in-early-recovery",
            "key_takeaways": "Sleep often improves.\nRoutines help.",
            "summary": "Sleep changes are common.",
            "body": "## Why sleep changes\n\nWords.",
            "disclosure": "",
            "sponsor": "",
            "references-TOTAL_FORMS": "1",
            "references-INITIAL_FORMS": "0",
            "references-0-position": "1",
            "references-0-text": "A sleep study. Accessed 2026.",
            "references-0-url": "https://example.org/sleep",
            "reviews-TOTAL_FORMS": "0",
            "reviews-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.status == "draft"
    assert article.author == editor
    assert article.key_takeaways == ["Sleep often improves.", "Routines help."]
    assert '<h2 id="why-sleep-changes">' in article.body_html
    assert article.references.count() == 1
    assert article.conversation is not None


def test_status_is_read_only_in_the_admin():
    assert "status" in site._registry[Article].readonly_fields


def test_shell_cannot_mark_an_unreviewed_article_published(editor):
    article = make_draft(editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status="published")
    assert_unpublished(article)


def test_full_clean_explains_the_gate(editor):
    article = make_draft(editor)
    article.status = "published"
    with pytest.raises(ValidationError, match="medical reviewer signs it off"):
        article.full_clean()


def test_reviewer_sign_off_publishes_with_name_and_dates(editor, medical_reviewer):
    article = make_published(editor, medical_reviewer)
    assert article.status == "published"
    assert article.medical_reviewer == medical_reviewer
    assert article.first_published_at is not None
    review = MedicalReview.objects.get()
    assert (review.decision, review.reviewer) == ("approved", medical_reviewer)
    assert review.checksum == article.content_checksum()


def test_only_medical_reviewers_can_sign_off(editor, member):
    article = make_draft(editor)
    publishing.submit_for_review(article, editor=editor)
    for person in [editor, member]:
        with pytest.raises(PermissionDenied):
            publishing.approve_article(article, reviewer=person)
    assert_unpublished(article)
    assert not MedicalReview.objects.exists()


def test_reviewer_cannot_sign_off_their_own_article(medical_reviewer, editor):
    from community.permissions import Role, assign_role

    assign_role(medical_reviewer, Role.EDITOR)
    medical_reviewer = type(medical_reviewer).objects.get(pk=medical_reviewer.pk)
    article = make_draft(medical_reviewer)
    publishing.submit_for_review(article, editor=medical_reviewer)
    with pytest.raises(ValidationError, match="they wrote"):
        publishing.approve_article(article, reviewer=medical_reviewer)
    assert_unpublished(article)


def test_inactive_reviewer_cannot_sign_off(editor, medical_reviewer):
    ReviewerProfile.objects.create(user=medical_reviewer, is_active=False)
    article = make_draft(editor)
    publishing.submit_for_review(article, editor=editor)
    with pytest.raises(ValidationError, match="Inactive"):
        publishing.approve_article(article, reviewer=medical_reviewer)
    assert_unpublished(article)


def test_sign_off_of_other_content_does_not_open_the_gate(editor, medical_reviewer):
    article = make_draft(editor)
    MedicalReview.objects.create(
        article=article,
        reviewer=medical_reviewer,
        decision="approved",
        checksum=article.content_checksum(),
    )
    article.body = "## Changed after sign-off\n\nNew claims."
    publishing.save_article(article, editor=editor)
    with pytest.raises(ValidationError, match="current content"):
        publishing.publish_article(article, editor=editor)
    assert_unpublished(article)


def test_sending_to_review_needs_takeaways_and_a_reference(editor):
    article = make_draft(editor, references=0, key_takeaways=[])
    with pytest.raises(ValidationError) as refused:
        publishing.submit_for_review(article, editor=editor)
    assert refused.value.messages == [
        "Add at least one key takeaway.",
        "Add at least one reference.",
    ]
    article.refresh_from_db()
    assert article.status == "draft"


def test_reviewer_sends_back_with_reasons(editor, medical_reviewer):
    article = make_draft(editor)
    publishing.submit_for_review(article, editor=editor)
    with pytest.raises(ValidationError, match="say what needs to change"):
        publishing.request_changes(article, reviewer=medical_reviewer, reasons=" ")
    article.refresh_from_db()
    assert article.status == "in_review"
    publishing.request_changes(
        article, reviewer=medical_reviewer, reasons="Cite the dosing source."
    )
    article.refresh_from_db()
    assert article.status == "draft"
    assert MedicalReview.objects.get().decision == "changes_requested"
    assert_unpublished(article)


def test_reviewer_approves_from_the_editorial_page(client, editor, medical_reviewer):
    article = make_draft(editor)
    publishing.submit_for_review(article, editor=editor)
    client.force_login(medical_reviewer)
    client.post(f"/editorial/articles/{article.pk}/approve/", {"notes": "Accurate."})
    article.refresh_from_db()
    assert article.status == "published"
    assert MedicalReview.objects.get().notes == "Accurate."


def test_members_cannot_reach_the_editorial_pages(client, member, editor):
    article = make_draft(editor)
    client.force_login(member)
    assert client.get("/editorial/").status_code == 403
    assert client.post(f"/editorial/articles/{article.pk}/approve/").status_code == 403
    assert_unpublished(article)
