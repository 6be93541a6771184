import datetime

import pytest
from django.utils import timezone

from articles import caching, publishing
from articles.models import Article
from articles.publishing import add_months
from articles.tests.factories import make_published

pytestmark = pytest.mark.django_db


def test_add_months_keeps_the_day_or_the_month_end():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 27), 12) == datetime.date(2027, 11, 27)
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)


def test_sign_off_sets_last_reviewed_and_next_due(editor, medical_reviewer, settings):
    settings.ARTICLES_REVIEW_INTERVAL_MONTHS = 12
    article = make_published(editor, medical_reviewer)
    today = timezone.localdate()
    assert article.last_reviewed_on == today
    assert article.next_review_due == add_months(today, 12)


def test_an_unreviewed_edit_moves_neither_the_review_dates_nor_updated_on(
    editor, medical_reviewer
):
    article = make_published(editor, medical_reviewer)
    Article.objects.filter(pk=article.pk).update(
        last_reviewed_on=datetime.date(2026, 1, 5),
        next_review_due=datetime.date(2027, 1, 5),
    )
    article.refresh_from_db()
    before = article.content_changed_at
    article.body += "\n\nA clarified sentence."
    publishing.save_article(article, editor=editor)
    article.refresh_from_db()
    assert article.status == "published"
    assert article.last_reviewed_on == datetime.date(2026, 1, 5)
    assert article.next_review_due == datetime.date(2027, 1, 5)
    # Readers still see the reviewed text, so it hasn't been "updated" for them.
    assert article.content_changed_at == before


def test_signing_off_a_change_moves_updated_on_and_the_review_dates(
    editor, medical_reviewer
):
    article = make_published(editor, medical_reviewer)
    Article.objects.filter(pk=article.pk).update(
        last_reviewed_on=datetime.date(2026, 1, 5),
        next_review_due=datetime.date(2027, 1, 5),
    )
    article.refresh_from_db()
    before = article.content_changed_at
    article.body += "\n\nA clarified sentence."
    publishing.save_article(article, editor=editor)
    publishing.approve_article(article, reviewer=medical_reviewer)
    article.refresh_from_db()
    assert article.content_changed_at > before
    assert article.last_reviewed_on == timezone.localdate()
    assert article.next_review_due == add_months(timezone.localdate(), 12)


def test_a_new_full_review_moves_the_dates(editor, medical_reviewer):
    article = make_published(editor, medical_reviewer)
    Article.objects.filter(pk=article.pk).update(
        last_reviewed_on=datetime.date(2025, 1, 5),
        next_review_due=datetime.date(2026, 1, 5),
    )
    publishing.approve_article(article, reviewer=medical_reviewer)
    article.refresh_from_db()
    assert article.last_reviewed_on == timezone.localdate()
    assert article.next_review_due > timezone.localdate()


def test_review_due_includes_the_due_day_and_not_the_day_before(
    editor, medical_reviewer
):
    article = make_published(editor, medical_reviewer)
    due = article.next_review_due
    assert list(Article.objects.review_due(on=due)) == [article]
    assert list(Article.objects.review_due(on=due - datetime.timedelta(days=1))) == []


def test_page_shows_the_under_review_notice_only_when_due(
    client, editor, medical_reviewer
):
    article = make_published(editor, medical_reviewer)
    assert "under review" not in client.get(article.get_absolute_url()).content.decode()
    Article.objects.filter(pk=article.pk).update(
        next_review_due=timezone.localdate() - datetime.timedelta(days=1)
    )
    caching.touch_article(article.slug)  # the date passing; cached pages age out
    html = client.get(article.get_absolute_url()).content.decode()
    assert "This page is under review" in html


def test_editors_see_due_articles_in_their_list(client, editor, medical_reviewer):
    article = make_published(editor, medical_reviewer, title="Overdue page")
    Article.objects.filter(pk=article.pk).update(next_review_due=timezone.localdate())
    client.force_login(editor)
    html = client.get("/editorial/").content.decode()
    due_section = html.split('id="due-title"')[1].split("</section>")[0]
    assert "Overdue page" in due_section
