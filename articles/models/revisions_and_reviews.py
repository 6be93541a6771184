"""Append-only article revisions, the medical sign-offs on them, and what readers
see about a reviewer. The rules for writing them live in articles/publishing.py.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import content as article_content
from articles.rendering import render_markdown


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError(f"{self.model.__name__} rows are append-only.")

    def delete(self):
        raise PermissionError(f"{self.model.__name__} rows are append-only.")

    def bulk_create(self, *args, **kwargs):
        # save() computes what a row vouches for; bulk_create would skip it.
        raise PermissionError(f"Create {self.model.__name__} rows one at a time.")


class AppendOnly(models.Model):
    """Rows that are written once and never changed or deleted."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError(f"{type(self).__name__} rows are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(f"{type(self).__name__} rows are append-only.")


class ArticleRevision(AppendOnly):
    """One version of an article's content, exactly as a reviewer may sign it.

    Never changes once written: the checksum is computed here from the snapshot,
    and what readers see is a pointer (Article.live_revision) to a signed one.
    """

    class Kind(models.TextChoices):
        EDIT = "edit", _("Edit by an editor")
        CORRECTION = "correction", _("Urgent correction by a medical reviewer")

    article = models.ForeignKey(
        "Article", on_delete=models.PROTECT, related_name="revisions"
    )
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.EDIT)
    content = models.JSONField(help_text=_("Snapshot of everything a sign-off covers."))
    # Copied from `content` for search over what readers see; never changed.
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    table_of_contents = models.JSONField(default=list, blank=True)
    checksum = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True, help_text=_("What changed, and why."))

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["article", "-id"], name="revision_latest")]

    def __str__(self):
        return f"Revision {self.pk} of {self.title}"

    def save(self, *args, **kwargs):
        self.checksum = article_content.checksum(self.content)
        self.title, self.body = self.content["title"], self.content["body"]
        self.body_html, self.table_of_contents = render_markdown(self.content["body"])
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.article.get_absolute_url()

    @property
    def shown(self) -> article_content.ShownContent:
        return article_content.ShownContent.of(self)


class MedicalReview(AppendOnly):
    """One sign-off decision. Append-only: the record of who vouched for what."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approved")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")

    article = models.ForeignKey(
        "Article", on_delete=models.PROTECT, related_name="reviews"
    )
    revision = models.ForeignKey(
        ArticleRevision,
        on_delete=models.PROTECT,
        related_name="reviews",
        null=True,  # only for sign-offs recorded before revisions existed
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(max_length=20, choices=Decision)
    notes = models.TextField(blank=True)
    checksum = models.CharField(max_length=64)
    signed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-signed_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="review_changes_requested_has_reasons",
                condition=~Q(decision="changes_requested") | Q(notes__regex=r"\S"),
                violation_error_message=_("Please say what needs to change."),
            )
        ]

    def __str__(self):
        signed = f"{self.signed_at:%Y-%m-%d}"
        return f"{self.get_decision_display()} by {self.reviewer} on {signed}"


class ReviewerProfile(models.Model):
    """What readers see about a medical reviewer, beyond name and credentials."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reviewer_profile",
    )
    specialty = models.CharField(max_length=120, blank=True)
    bio = models.TextField(blank=True)
    conflict_of_interest = models.TextField(
        _("conflict-of-interest disclosure"),
        default="None.",
        help_text=_('Write "None." if none.'),
    )
    disclosure_updated_on = models.DateField(default=timezone.localdate)
    is_active = models.BooleanField(
        default=True,
        help_text=_("Inactive reviewers can't sign off; their bylines stay."),
    )

    def __str__(self):
        return f"Reviewer profile of {self.user}"

    def get_absolute_url(self):
        return reverse("articles:reviewer_detail", args=[self.user_id])
