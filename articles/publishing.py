"""The medical review workflow and the publishing gate: its one home.

An article's content is edited in its draft fields (the working copy); every
saved change is recorded as an append-only ArticleRevision. Readers see only
`Article.live_revision`, which moves only when a medical reviewer approves a
revision (or writes an urgent correction, which counts as their sign-off). So a
published article keeps serving its signed text while a change waits for review.

First publication: draft -> in_review -> published. A change to a published
article is in review as soon as it is saved. The CheckConstraint and a trigger on
Article (migration 0005) back the gate up in the database.
"""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import caching, content
from articles.models import Article, ArticleRevision, MedicalReview, ReviewerProfile
from articles.rendering import render_markdown
from community.permissions import can_edit_articles, can_review_medically
from forum.models import Conversation

WORKING_COPY_FIELDS = [
    *Article.CONTENT_FIELDS,
    "slug",
    "body_html",
    "table_of_contents",
    "shows_crisis_note",
    "author",
    "language",
    "updated_at",
]
NEEDS_SIGN_OFF = gettext_lazy(
    "This article needs a medical reviewer's sign-off of its current content "
    "before it can be published."
)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _lock(article):
    return Article.objects.select_for_update().get(pk=article.pk)


def latest_revision(article) -> ArticleRevision | None:
    return article.revisions.order_by("-id").first()


def pending_revision(article) -> ArticleRevision | None:
    """The newest revision when it differs from what readers see, else None."""
    latest = latest_revision(article)
    if latest is None or latest.pk == article.live_revision_id:
        return None
    live = article.live_revision
    if live is not None and live.checksum == latest.checksum:
        return None
    return latest


@transaction.atomic
def save_article(article: Article, *, editor, note: str = "") -> Article:
    """Save the working copy and record it as a revision. Never changes what
    readers see, nor the review dates or status."""
    save_working_copy(article, editor=editor)
    record_revision(article, editor=editor, note=note)
    return article


@transaction.atomic
def save_working_copy(article: Article, *, editor) -> Article:
    """Save the draft fields only (the admin records the revision once its
    references are saved too)."""
    if not can_edit_articles(editor):
        raise PermissionDenied
    previous_slug = (
        Article.objects.filter(pk=article.pk).values_list("slug", flat=True).first()
        if article.pk
        else None
    )
    for name in ["summary", "body", "disclosure"]:
        # Browsers send \r\n; stored text uses \n so a save alone changes nothing.
        setattr(article, name, getattr(article, name).replace("\r\n", "\n"))
    article.body_html, article.table_of_contents = render_markdown(article.body)
    if article.author_id is None:
        article.author = editor
    article.full_clean(exclude=["conversation"])
    # Only the working copy: a stale instance must not move the live revision,
    # the status or the review dates back.
    article.save(update_fields=WORKING_COPY_FIELDS if previous_slug else None)
    if article.conversation_id is None:
        article.conversation = Conversation.objects.create(
            title=article.title, host=article
        )
        article.save(update_fields=["conversation"])
    _changed(article, previous_slug)  # topics, crisis note and slug apply at once
    return article


@transaction.atomic
def record_revision(article: Article, *, editor, note: str = "") -> ArticleRevision:
    """The working copy as a revision; a new one only if the content changed.

    On a published article the new revision is a change in review at once."""
    if not can_edit_articles(editor):
        raise PermissionDenied
    article = _lock(article)
    return _record(article, created_by=editor, note=note)


def _record(article, *, created_by, note=""):
    snapshot = content.snapshot(article)
    latest = latest_revision(article)
    if latest is not None and latest.checksum == content.checksum(snapshot):
        return latest
    return ArticleRevision.objects.create(
        article=article, content=snapshot, created_by=created_by, note=note
    )


def _check_complete(revision):
    problems = []
    if not [p for p in revision.content["key_takeaways"] if str(p).strip()]:
        problems.append(_("Add at least one key takeaway."))
    if not revision.content["references"]:
        problems.append(_("Add at least one reference."))
    if problems:
        raise ValidationError(problems, code="incomplete")


@transaction.atomic
def submit_for_review(article: Article, *, editor) -> Article:
    if not can_edit_articles(editor):
        raise PermissionDenied
    article = _lock(article)
    if article.status != Article.Status.DRAFT:
        raise ValidationError(
            _("Only a draft can be sent to review."), code="bad_transition"
        )
    _check_complete(_record(article, created_by=editor))
    article.status = Article.Status.IN_REVIEW
    article.save(update_fields=["status", "updated_at"])
    _changed(article)
    return article


def _check_reviewer(article, reviewer, revision=None):
    if not can_review_medically(reviewer):
        raise PermissionDenied
    _check_reviewer_is_active(reviewer)
    if article.author_id == reviewer.pk or (
        revision is not None
        and revision.created_by_id == reviewer.pk
        and revision.kind != ArticleRevision.Kind.CORRECTION
    ):
        raise ValidationError(
            _("A reviewer can't sign off an article they wrote."), code="own_article"
        )


def _revision_under_review(article, revision):
    """The newest revision, which must be the one the reviewer read."""
    latest = latest_revision(article)
    if latest is None:
        raise ValidationError(NEEDS_SIGN_OFF, code="needs_sign_off")
    if revision is not None and revision.pk != latest.pk:
        raise ValidationError(
            _(
                "The article changed after you opened it. Please review the newest "
                "version."
            ),
            code="stale_revision",
        )
    return latest


@transaction.atomic
def approve_article(
    article: Article, *, reviewer, notes: str = "", revision=None
) -> Article:
    """A full medical sign-off of the newest revision (the one the reviewer read,
    when `revision` is given): records it, makes it live, sets the review dates.

    On a published article with no change waiting, it is a scheduled re-review."""
    article = _lock(article)
    revision = _revision_under_review(article, revision)
    _check_reviewer(article, reviewer, revision)
    if article.status not in {Article.Status.IN_REVIEW, Article.Status.PUBLISHED}:
        raise ValidationError(
            _(
                "Only an article sent to review (or already published) can be "
                "signed off."
            ),
            code="bad_transition",
        )
    _check_complete(revision)
    review = MedicalReview.objects.create(
        article=article,
        revision=revision,
        reviewer=reviewer,
        decision=MedicalReview.Decision.APPROVED,
        notes=notes,
        checksum=revision.checksum,
    )
    _go_live(article, revision, review)
    return article


@transaction.atomic
def request_changes(
    article: Article, *, reviewer, reasons: str, revision=None
) -> Article:
    """Send a first draft back to the editors, or refuse a change to a published
    article (which keeps serving its signed revision)."""
    article = _lock(article)
    revision = _revision_under_review(article, revision)
    _check_reviewer(article, reviewer, revision)
    in_review = article.status == Article.Status.IN_REVIEW
    if not in_review and pending_revision(article) is None:
        raise ValidationError(
            _("Only an article or a change in review can be sent back."),
            code="bad_transition",
        )
    review = MedicalReview(
        article=article,
        revision=revision,
        reviewer=reviewer,
        decision=MedicalReview.Decision.CHANGES_REQUESTED,
        notes=reasons,
        checksum=revision.checksum,
    )
    review.full_clean()
    review.save()
    if in_review:
        article.status = Article.Status.DRAFT
        article.save(update_fields=["status", "updated_at"])
    return article


@transaction.atomic
def publish_article(article: Article, *, editor) -> Article:
    """An editor publishes: allowed only with an approval of the newest revision."""
    if not can_edit_articles(editor):
        raise PermissionDenied
    article = _lock(article)
    latest = latest_revision(article)
    if latest is not None and latest.pk == article.live_revision_id:
        return article
    approval = (
        latest.reviews.filter(decision=MedicalReview.Decision.APPROVED)
        .order_by("-signed_at", "-id")
        .first()
        if latest is not None
        else None
    )
    if approval is None or approval.checksum != latest.checksum:
        raise ValidationError(NEEDS_SIGN_OFF, code="needs_sign_off")
    _go_live(article, latest, approval)
    return article


@transaction.atomic
def publish_correction(
    article: Article, *, reviewer, changes: dict, note: str
) -> Article:
    """A medical reviewer's own urgent correction of the live text, published at
    once: it counts as their sign-off and is recorded as a correction. Editors
    can't (they need a reviewer's sign-off for every change)."""
    if not can_review_medically(reviewer):
        raise PermissionDenied
    article = _lock(article)
    _check_reviewer_is_active(reviewer)
    if article.status != Article.Status.PUBLISHED:
        raise ValidationError(
            _("Corrections are for published articles."), code="bad_transition"
        )
    if not note.strip():
        raise ValidationError(_("Please say what you corrected and why."), code="note")
    pending = pending_revision(article)
    fields = set(content.ARTICLE_FIELDS)
    changes = {name: value for name, value in changes.items() if name in fields}
    corrected = {**article.live_revision.content, **changes}
    if content.checksum(corrected) == article.live_revision.checksum:
        raise ValidationError(_("Nothing was changed."), code="unchanged")
    revision, review = _signed_correction(article, reviewer, corrected, note)
    # The working copy takes the corrected fields, so no later edit reverts them;
    # a change that was waiting stays in review, now on top of the correction.
    for name, value in changes.items():
        setattr(article, name, value)
    article.body_html, article.table_of_contents = render_markdown(article.body)
    _go_live(article, revision, review)
    if pending is not None:
        _record(
            article,
            created_by=pending.created_by,
            note=f"{pending.note} (Kept in review over an urgent correction.)".strip(),
        )
    return article


def _signed_correction(article, reviewer, corrected, note):
    """The correction's revision and the reviewer's approval of it."""
    revision = ArticleRevision.objects.create(
        article=article,
        kind=ArticleRevision.Kind.CORRECTION,
        content=corrected,
        created_by=reviewer,
        note=note,
    )
    _check_complete(revision)
    review = MedicalReview.objects.create(
        article=article,
        revision=revision,
        reviewer=reviewer,
        decision=MedicalReview.Decision.APPROVED,
        notes=f"Urgent correction: {note}",
        checksum=revision.checksum,
    )
    return revision, review


def _check_reviewer_is_active(reviewer):
    profile = ReviewerProfile.objects.filter(user=reviewer).first()
    if profile is not None and not profile.is_active:
        raise ValidationError(
            _("Inactive reviewers can't sign off articles."), code="inactive_reviewer"
        )


def _go_live(article, revision, review):
    """Readers see `revision` from now on, vouched for by `review`."""
    now = timezone.now()
    today = timezone.localdate()
    previous = article.live_revision
    if previous is None or previous.checksum != revision.checksum:
        article.content_changed_at = now
    article.live_revision = revision
    article.medical_reviewer = review.reviewer
    article.last_reviewed_on = today
    article.next_review_due = add_months(
        today, settings.ARTICLES_REVIEW_INTERVAL_MONTHS
    )
    article.status = Article.Status.PUBLISHED
    if article.first_published_at is None:
        article.first_published_at = now
    article.full_clean(exclude=["conversation"])
    article.save()
    _changed(article)


def _changed(article, *other_slugs):
    """Cached copies of the article's page, and of its other language versions
    (which link to it once it is published), go stale once this commits."""
    versions = Article.objects.filter(
        Q(pk=article.translation_of_id) | Q(translation_of=article.pk)
    ).values_list("slug", flat=True)
    slugs = [article.slug, *other_slugs, *versions]
    transaction.on_commit(lambda: caching.touch_article(*slugs))
