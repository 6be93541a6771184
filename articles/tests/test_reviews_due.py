"""Articles past their "next review due" date: readers are told honestly, staff
see them in their queue, and a daily task finds them."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.models import Article
from articles.tasks import find_reviews_due
from articles.tests.factories import make_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(editor, medical_reviewer):
    return make_published(editor, medical_reviewer, title="Overdue page")


def make_due(article, days_ago=3):
    due = timezone.localdate() - datetime.timedelta(days=days_ago)
    Article.objects.filter(pk=article.pk).update(next_review_due=due)
    return due


def test_readers_see_review_due_since_never_a_past_next_due_date(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Next review due:" in html
    assert "Review due since" not in html
    due = make_due(article)
    find_reviews_due.call()  # what the daily task does to the cached page
    html = Client().get(article.get_absolute_url()).content.decode()
    assert f'Review due since: <time datetime="{due:%Y-%m-%d}">' in html
    assert "Next review due:" not in html
    assert "This page is under review" in html


def test_the_daily_task_finds_due_articles_and_tells_editorial_staff(
    article, editor, medical_reviewer, member
):
    make_published(article.author, medical_reviewer, title="Not due yet")
    assert find_reviews_due.call() == []
    assert mail.outbox == []
    make_due(article)
    assert find_reviews_due.call() == [article.slug]
    [message] = mail.outbox
    assert sorted(message.to) == sorted([editor.email, medical_reviewer.email])
    assert "Overdue page" in message.body
    assert member.email not in message.to


def test_the_command_runs_the_task(article, capsys, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
    }
    make_due(article)
    call_command("find_reviews_due")
    assert "Articles due for review: 1." in capsys.readouterr().out


def test_due_articles_are_in_the_reviewers_queue(client, article, medical_reviewer):
    make_due(article)
    client.force_login(medical_reviewer)
    html = client.get("/editorial/").content.decode()
    due_section = html.split('id="due-title"')[1].split("</section>")[0]
    assert "Overdue page" in due_section
    assert "Re-review: sign off again" in due_section
