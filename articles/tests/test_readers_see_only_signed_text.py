"""What a reviewer signed is exactly what readers see, whatever path changes the
article: the admin, the actions, Article.save(), QuerySet.update() from a shell,
or raw SQL against revisions and sign-offs."""

import pytest
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, connection, transaction

from articles import content, publishing
from articles.models import Article, ArticleRevision, EditorialState, MedicalReview
from articles.tests.factories import make_published

pytestmark = pytest.mark.django_db

SIGNED = "Take one tablet at night."
DANGEROUS = "Take double doses to sleep."


@pytest.fixture
def article(editor, medical_reviewer):
    return make_published(editor, medical_reviewer, body=f"## Dosing\n\n{SIGNED}")


def assert_readers_see_the_signed_text(client, article):
    cache.clear()  # the page itself, not a cached copy
    html = client.get(article.get_absolute_url()).content.decode()
    assert SIGNED in html
    assert "double doses" not in html
    assert "Medically reviewed by" in html
    article = Article.objects.select_related("live_revision").get(pk=article.pk)
    live = article.live_revision
    assert content.checksum(live.content) == live.checksum
    approval = MedicalReview.objects.filter(
        revision=live, decision=MedicalReview.Decision.APPROVED
    ).latest("signed_at", "id")
    assert approval.reviewer_id == article.medical_reviewer_id
    assert approval.checksum == live.checksum


def admin_form_data(response):
    """The admin change form's current values, as the browser would send them."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            if isinstance(value, list) and name == "key_takeaways":
                value = "\n".join(value)
            if value is None:
                continue
            if isinstance(value, bool):
                if value:
                    data[form.add_prefix(name)] = "on"
                continue
            data[form.add_prefix(name)] = value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data


def test_an_admin_edit_of_a_published_article_waits_for_review(client, article, editor):
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    url = f"/admin/articles/article/{article.pk}/change/"
    revisions_before = article.revisions.count()
    data = admin_form_data(client.get(url))
    data["body"] = f"## Dosing\n\n{DANGEROUS}"
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "until a medical reviewer signs off this change" in (
        response.content.decode()
    )
    article.refresh_from_db()
    assert article.body == f"## Dosing\n\n{DANGEROUS}"  # the working copy
    assert article.revisions.count() == revisions_before + 1
    assert DANGEROUS in article.revisions.first().content["body"]
    state = Article.objects.with_editorial_state().get(pk=article.pk)
    assert state.editorial_state == EditorialState.PUBLISHED_CHANGE_IN_REVIEW
    client.logout()
    assert_readers_see_the_signed_text(client, article)


def test_the_save_action_save_and_update_never_reach_readers(client, article, editor):
    signed = article.live_revision_id
    article.body = DANGEROUS
    publishing.save_article(article, editor=editor)
    assert_readers_see_the_signed_text(client, article)
    article.title = DANGEROUS
    article.save()
    assert_readers_see_the_signed_text(client, article)
    Article.objects.filter(pk=article.pk).update(
        body=DANGEROUS, summary=DANGEROUS, key_takeaways=[DANGEROUS]
    )
    assert_readers_see_the_signed_text(client, article)
    article.refresh_from_db()
    assert article.live_revision_id == signed


def test_the_database_refuses_to_serve_an_unsigned_revision(client, article, editor):
    article.body = DANGEROUS
    publishing.save_article(article, editor=editor)
    unsigned = article.revisions.order_by("-id").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(live_revision=unsigned)
    article.refresh_from_db()
    article.live_revision = unsigned
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()
    assert_readers_see_the_signed_text(client, article)


def test_a_sign_off_of_other_content_or_by_someone_else_does_not_count(
    client, article, editor, medical_reviewer, other_member
):
    article.body = DANGEROUS
    publishing.save_article(article, editor=editor)
    unsigned = article.revisions.order_by("-id").first()
    signed = article.live_revision
    # A sign-off record carrying the signed text's checksum, not this revision's.
    MedicalReview.objects.create(
        article=article,
        revision=unsigned,
        reviewer=medical_reviewer,
        decision=MedicalReview.Decision.APPROVED,
        checksum=signed.checksum,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(live_revision=unsigned)
    # A matching approval, but by someone other than the reviewer the byline names.
    MedicalReview.objects.create(
        article=article,
        revision=unsigned,
        reviewer=other_member,
        decision=MedicalReview.Decision.APPROVED,
        checksum=unsigned.checksum,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(live_revision=unsigned)
    assert_readers_see_the_signed_text(client, article)


def test_published_needs_a_live_revision(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(live_revision=None)


def test_revisions_and_sign_offs_cannot_be_changed(client, article, editor):
    signed = article.live_revision
    review = MedicalReview.objects.get(revision=signed)
    for rows in [
        ArticleRevision.objects.filter(pk=signed.pk),
        MedicalReview.objects.filter(pk=review.pk),
    ]:
        with pytest.raises(PermissionError):
            rows.update(checksum="0" * 64)
        with pytest.raises(PermissionError):
            rows.delete()
    signed.content = {**signed.content, "body": DANGEROUS}
    with pytest.raises(PermissionError):
        signed.save()
    with pytest.raises(PermissionError):
        signed.delete()
    with pytest.raises(PermissionError):
        ArticleRevision.objects.bulk_create(
            [ArticleRevision(article=article, content={}, created_by=editor)]
        )
    # Below the ORM, the database refuses too.
    for sql in [
        "UPDATE articles_articlerevision SET body_html = 'x', body = 'x' WHERE id = %s",
        "UPDATE articles_medicalreview SET checksum = 'x' WHERE revision_id = %s",
    ]:
        with (
            pytest.raises(DatabaseError),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [signed.pk])
    assert_readers_see_the_signed_text(client, article)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's test flush deletes rows, so only PostgreSQL refuses DELETE",
)
def test_postgresql_refuses_deleting_a_revision(article):
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "DELETE FROM articles_medicalreview WHERE article_id = %s", [article.pk]
        )


def test_a_revision_cannot_claim_another_revisions_checksum(article, editor):
    signed = article.live_revision
    forged = ArticleRevision.objects.create(
        article=article,
        content={**signed.content, "body": DANGEROUS},
        checksum=signed.checksum,
        created_by=editor,
    )
    assert forged.checksum == content.checksum(forged.content)
    assert forged.checksum != signed.checksum
