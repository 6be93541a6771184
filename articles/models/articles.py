"""Medically reviewed articles, their topics and references.

The publishing gate lives in articles/publishing.py and, for the row's own fields,
in a CheckConstraint here: a published article always names its medical reviewer,
its review dates and its live revision. Readers see only the live revision's
content; revisions and sign-offs (revisions_and_reviews.py) are append-only (model,
admin and database triggers, migration 0005_revisions_append_only), and a trigger
refuses a published article whose live revision lacks a matching approval by its
named reviewer.
Review due is derived from next_review_due, never stored.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import content as article_content
from articles.models.polls import Poll, PollVote
from articles.models.revisions_and_reviews import ArticleRevision, MedicalReview
from community.models import TimeStamped
from community.permissions import can_edit_articles, can_review_medically
from community.url_patterns import url_with_slug
from forum.models import Conversation


class Topic(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:topic_detail", args=[self.slug])


def sees_unpublished(user) -> bool:
    """Whether `user` may read drafts and articles in review, not only published."""
    return can_edit_articles(user) or can_review_medically(user)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def review_due(self, *, on=None):
        """Published articles whose scheduled medical review date has come."""
        on = on or timezone.localdate()
        return self.published().filter(next_review_due__lte=on)

    def visible_to(self, user):
        if sees_unpublished(user):
            return self.all()
        return self.published()

    def for_page(self):
        return self.select_related(
            "live_revision",
            "medical_reviewer__profile",
            "medical_reviewer__reviewer_profile",
            "author",
            "conversation",
            "poll",
        ).prefetch_related("topics", "poll__options")

    def with_viewers_vote(self, *, member=None, browser_key=""):
        """Annotated with `viewers_vote_option_id`: the option this viewer chose
        in the article's poll, or None (read in the article's own query)."""
        votes = PollVote.objects.cast_by(member=member, browser_key=browser_key)
        chosen = votes.filter(poll__article=OuterRef("pk")).values("option_id")[:1]
        return self.annotate(viewers_vote_option_id=Subquery(chosen))

    def with_other_language_version(self):
        """Annotated with the published version in another language (the
        original, or its translation), if any: read in the article's own query."""
        versions = (
            Article.objects.published()
            .filter(Q(pk=OuterRef("translation_of")) | Q(translation_of=OuterRef("pk")))
            .exclude(language=OuterRef("language"))
            .order_by("language")
        )
        return self.annotate(
            other_version_slug=Subquery(versions.values("slug")[:1]),
            other_version_language=Subquery(versions.values("language")[:1]),
        )

    def with_editorial_state(self):
        """Annotated with what `Article.editorial_state` reads: no query per row."""
        latest = ArticleRevision.objects.filter(article=OuterRef("pk")).order_by("-id")
        decisions = MedicalReview.objects.filter(
            revision=OuterRef("latest_revision_pk")
        ).order_by("-signed_at", "-id")
        return self.annotate(
            latest_revision_pk=Subquery(latest.values("id")[:1]),
            latest_checksum=Subquery(latest.values("checksum")[:1]),
            live_checksum=F("live_revision__checksum"),
        ).annotate(latest_decision=Subquery(decisions.values("decision")[:1]))


class EditorialState(models.TextChoices):
    """Where an article stands, as editors see it (derived, never stored)."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    PUBLISHED_CHANGE_IN_REVIEW = (
        "published_change_in_review",
        _("Published, with a change in review"),
    )
    PUBLISHED_CHANGES_REQUESTED = (
        "published_changes_requested",
        _("Published, changes requested on a change"),
    )


class Article(TimeStamped):
    # What a medical sign-off vouches for (with the references and the poll).
    CONTENT_FIELDS = article_content.ARTICLE_FIELDS

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In medical review")
        PUBLISHED = "published", _("Published")

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField(
        _("full summary"),
        help_text=_("Shown under the key takeaways, behind 'View full summary'."),
    )
    key_takeaways = models.JSONField(
        default=list,
        blank=True,
        help_text=_("A list of short points, most important first."),
    )
    body = models.TextField(help_text=_("Markdown. Headings (##) get anchors."))
    body_html = models.TextField(blank=True, editable=False)
    table_of_contents = models.JSONField(default=list, blank=True, editable=False)
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    disclosure = models.TextField(
        blank=True,
        help_text=_(
            "Funding or sponsorship. Leave empty to state that we take no "
            "advertising or sponsorship for this article."
        ),
    )
    sponsor = models.CharField(max_length=200, blank=True)
    shows_crisis_note = models.BooleanField(
        _("touches on crisis"),
        default=False,
        help_text=_("Show the full 988 contact block after the body."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="articles_written",
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    content_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    medical_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles_reviewed",
        editable=False,
    )
    last_reviewed_on = models.DateField(null=True, blank=True, editable=False)
    next_review_due = models.DateField(null=True, blank=True, editable=False)
    conversation = models.OneToOneField(
        Conversation,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        null=True,
    )
    live_revision = models.ForeignKey(
        "ArticleRevision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        help_text=_("The signed-off revision readers see."),
    )
    # --- Language versions (issue 15) ---------------------------------------------
    # A translation is an article in its own right (same review and publishing
    # gate, own revisions); it names the original it translates.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="translations",
        editable=False,
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-first_published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="article_published_only_with_medical_sign_off",
                condition=~Q(status="published")
                | Q(
                    live_revision__isnull=False,
                    medical_reviewer__isnull=False,
                    last_reviewed_on__isnull=False,
                    next_review_due__isnull=False,
                    first_published_at__isnull=False,
                ),
                violation_error_message=_(
                    "An article can only be published after a "
                    "medical reviewer signs it off."
                ),
            ),
            # Language versions (issue 15); a trigger (migration 0007) also refuses
            # a translation in its original's language, or of a translation.
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                name="article_one_translation_per_language",
                violation_error_message=_(
                    "This article already has a translation in that language."
                ),
            ),
        ]
        indexes = [
            models.Index(
                fields=["-first_published_at", "-id"],
                name="article_published_recent",
                condition=Q(status="published"),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return url_with_slug("articles:article_detail", self.slug)

    def clean(self):
        if (
            self.pk
            and self.translation_of_id is None
            and self.translations.filter(language=self.language).exists()
        ):
            raise ValidationError(
                {"language": _("A translation of this article is in that language.")}
            )
        original = self.translation_of
        if original is not None and original.translation_of_id is not None:
            raise ValidationError(_("A translation is made from an original article."))
        if original is not None and original.language == self.language:
            raise ValidationError(
                {
                    "language": _(
                        "A translation is in another language than its original."
                    )
                }
            )

    def content_checksum(self) -> str:
        """The checksum of the working copy; it changes when the content does."""
        return article_content.checksum(article_content.snapshot(self))

    def poll_or_none(self):
        try:
            return self.poll
        except Poll.DoesNotExist:
            return None

    @property
    def editorial_state(self) -> EditorialState:
        """Needs `with_editorial_state()`."""
        if self.status == self.Status.PUBLISHED:
            if self.latest_checksum in (None, self.live_checksum):
                return EditorialState.PUBLISHED
            if self.latest_decision == MedicalReview.Decision.CHANGES_REQUESTED:
                return EditorialState.PUBLISHED_CHANGES_REQUESTED
            return EditorialState.PUBLISHED_CHANGE_IN_REVIEW
        if self.status == self.Status.IN_REVIEW:
            return EditorialState.IN_REVIEW
        if self.latest_decision == MedicalReview.Decision.CHANGES_REQUESTED:
            return EditorialState.CHANGES_REQUESTED
        return EditorialState.DRAFT

    @property
    def is_review_due(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.next_review_due is not None
            and self.next_review_due <= timezone.localdate()
        )

    @property
    def is_updated(self):
        return (
            self.first_published_at is not None
            and self.content_changed_at.date() > self.first_published_at.date()
        )


class Reference(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="references"
    )
    position = models.PositiveSmallIntegerField(default=1)
    text = models.CharField(
        max_length=500, help_text=_("Authors, title, source, year; accessed date.")
    )
    url = models.URLField(blank=True, max_length=500)
    doi = models.CharField("DOI", max_length=200, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text

    @property
    def link(self):
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return ""
