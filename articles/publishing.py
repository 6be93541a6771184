"""The medical review workflow and the publishing gate: its one home.

draft -> in_review -> published. Only a medical reviewer's approval, recorded as a
MedicalReview whose checksum matches the article's current content, lets an
article be published. Every path (admin, editors' pages, shell) goes through here;
the CheckConstraint on Article backs it up in the database.
"""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles import caching
from articles.models import Article, MedicalReview, ReviewerProfile
from articles.rendering import render_markdown
from community.permissions import can_edit_articles, can_review_medically
from forum.models import Conversation


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _lock(article):
    return Article.objects.select_for_update().get(pk=article.pk)


@transaction.atomic
def save_article(article: Article, *, editor, content_changed: bool = True) -> Article:
    """Create or change an article's content. Never moves review dates or status.

    A published article stays published: a later full review re-vouches for it.
    """
    if not can_edit_articles(editor):
        raise PermissionDenied
    previous_slug = (
        Article.objects.filter(pk=article.pk).values_list("slug", flat=True).first()
        if article.pk
        else None
    )
    article.body_html, article.table_of_contents = render_markdown(article.body)
    if content_changed:
        article.content_changed_at = timezone.now()
    if article.author_id is None:
        article.author = editor
    article.full_clean(exclude=["conversation"])
    article.save()
    if article.conversation_id is None:
        article.conversation = Conversation.objects.create(
            title=article.title, host=article
        )
        article.save(update_fields=["conversation"])
    _changed(article, previous_slug)
    return article


@transaction.atomic
def submit_for_review(article: Article, *, editor) -> Article:
    if not can_edit_articles(editor):
        raise PermissionDenied
    article = _lock(article)
    if article.status != Article.Status.DRAFT:
        raise ValidationError(
            "Only a draft can be sent to review.", code="bad_transition"
        )
    problems = []
    if not [point for point in article.key_takeaways if str(point).strip()]:
        problems.append("Add at least one key takeaway.")
    if not article.references.exists():
        problems.append("Add at least one reference.")
    if problems:
        raise ValidationError(problems, code="incomplete")
    article.status = Article.Status.IN_REVIEW
    article.save(update_fields=["status", "updated_at"])
    _changed(article)
    return article


def _check_reviewer(article, reviewer):
    if not can_review_medically(reviewer):
        raise PermissionDenied
    profile = ReviewerProfile.objects.filter(user=reviewer).first()
    if profile is not None and not profile.is_active:
        raise ValidationError(
            "Inactive reviewers can't sign off articles.", code="inactive_reviewer"
        )
    if article.author_id == reviewer.pk:
        raise ValidationError(
            "A reviewer can't sign off an article they wrote.", code="own_article"
        )


@transaction.atomic
def approve_article(article: Article, *, reviewer, notes: str = "") -> Article:
    """A full medical sign-off: records it, sets the review dates, publishes."""
    article = _lock(article)
    _check_reviewer(article, reviewer)
    if article.status not in {Article.Status.IN_REVIEW, Article.Status.PUBLISHED}:
        raise ValidationError(
            "Only an article sent to review (or already published) can be signed off.",
            code="bad_transition",
        )
    today = timezone.localdate()
    MedicalReview.objects.create(
        article=article,
        reviewer=reviewer,
        decision=MedicalReview.Decision.APPROVED,
        notes=notes,
        checksum=article.content_checksum(),
    )
    article.medical_reviewer = reviewer
    article.last_reviewed_on = today
    article.next_review_due = add_months(
        today, settings.ARTICLES_REVIEW_INTERVAL_MONTHS
    )
    article.save(
        update_fields=[
            "medical_reviewer",
            "last_reviewed_on",
            "next_review_due",
            "updated_at",
        ]
    )
    if article.status == Article.Status.IN_REVIEW:
        _publish(article)
    _changed(article)
    return article


@transaction.atomic
def request_changes(article: Article, *, reviewer, reasons: str) -> Article:
    article = _lock(article)
    _check_reviewer(article, reviewer)
    if article.status != Article.Status.IN_REVIEW:
        raise ValidationError(
            "Only an article in review can be sent back.", code="bad_transition"
        )
    review = MedicalReview(
        article=article,
        reviewer=reviewer,
        decision=MedicalReview.Decision.CHANGES_REQUESTED,
        notes=reasons,
        checksum=article.content_checksum(),
    )
    review.full_clean()
    review.save()
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    _changed(article)
    return article


@transaction.atomic
def publish_article(article: Article, *, editor) -> Article:
    """An editor publishes: allowed only with an approval of this exact content."""
    if not can_edit_articles(editor):
        raise PermissionDenied
    article = _lock(article)
    if article.status == Article.Status.PUBLISHED:
        return article
    _publish(article)
    _changed(article)
    return article


def _changed(article, *other_slugs):
    """Cached copies of the article's page go stale once this commits."""
    slugs = [article.slug, *other_slugs]
    transaction.on_commit(lambda: caching.touch_article(*slugs))


def _publish(article):
    approval = (
        article.reviews.filter(decision=MedicalReview.Decision.APPROVED)
        .order_by("-signed_at", "-id")
        .first()
    )
    if approval is None or approval.checksum != article.content_checksum():
        raise ValidationError(
            "This article needs a medical reviewer's sign-off of its current content "
            "before it can be published.",
            code="needs_sign_off",
        )
    article.status = Article.Status.PUBLISHED
    if article.first_published_at is None:
        article.first_published_at = timezone.now()
    article.full_clean(exclude=["conversation"])
    article.save(update_fields=["status", "first_published_at", "updated_at"])
