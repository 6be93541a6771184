from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import publishing
from articles.forms import ArticleForm
from articles.models import (
    Article,
    ArticleRevision,
    MedicalReview,
    Poll,
    PollOption,
    Reference,
    ReviewerProfile,
    Topic,
)


class ReferenceInline(admin.TabularInline):
    model = Reference
    extra = 1
    fields = ["position", "text", "url", "doi"]


class MedicalReviewInline(admin.TabularInline):
    """Sign-offs are read-only here: reviewers record them on their review page."""

    model = MedicalReview
    extra = 0
    can_delete = False
    fields = ["decision", "reviewer", "revision", "notes", "signed_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(admin.ModelAdmin):
    """Read-only: revisions are append-only (editors save articles instead)."""

    list_display = ["__str__", "article", "kind", "created_by", "created_at"]
    list_filter = ["kind"]
    fields = ["article", "kind", "created_by", "created_at", "note", "checksum"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = [
        "title",
        "editorial_state",
        "medical_reviewer",
        "last_reviewed_on",
        "next_review_due",
        "first_published_at",
        "language",
    ]
    list_filter = ["status", "language", "topics", "next_review_due"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        "status",
        "medical_reviewer",
        "last_reviewed_on",
        "next_review_due",
        "first_published_at",
        "translation_of",
    ]
    inlines = [ReferenceInline, MedicalReviewInline]
    actions = ["send_to_review", "publish"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_editorial_state()

    @admin.display(description=gettext_lazy("State"))
    def editorial_state(self, article):
        return article.editorial_state.label

    def save_model(self, request, obj, form, change):
        publishing.save_working_copy(obj, editor=request.user)

    def save_related(self, request, form, formsets, change):
        # The references are saved now: record the whole content as a revision.
        super().save_related(request, form, formsets, change)
        article = form.instance
        publishing.record_revision(article, editor=request.user)
        _tell_when_readers_keep_the_reviewed_text(self, request, article)

    def _run(self, request, queryset, action, done):
        for article in queryset:
            try:
                action(article, editor=request.user)
            except (ValidationError, PermissionDenied) as error:
                reason = (
                    " ".join(error.messages)
                    if isinstance(error, ValidationError)
                    else _("You don't have permission.")
                )
                self.message_user(
                    request,
                    _("%(article)s: %(reason)s")
                    % {"article": article, "reason": reason},
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request,
                    _("%(article)s: %(reason)s") % {"article": article, "reason": done},
                    messages.SUCCESS,
                )

    @admin.action(description=gettext_lazy("Send to medical review"))
    def send_to_review(self, request, queryset):
        self._run(request, queryset, publishing.submit_for_review, _("sent to review."))

    @admin.action(description=gettext_lazy("Publish (needs a medical sign-off)"))
    def publish(self, request, queryset):
        self._run(request, queryset, publishing.publish_article, _("published."))


class PollOptionInline(admin.TabularInline):
    model = PollOption
    extra = 2
    min_num = 2
    max_num = 6
    validate_min = True
    validate_max = True
    fields = ["position", "text", "vote_count"]
    readonly_fields = ["vote_count"]


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["question", "article", "closes_on", "total_votes"]
    inlines = [PollOptionInline]
    readonly_fields = ["total_votes"]

    def save_related(self, request, form, formsets, change):
        # The question and options are reviewed content, like the article's text.
        super().save_related(request, form, formsets, change)
        article = form.instance.article
        publishing.record_revision(article, editor=request.user)
        _tell_when_readers_keep_the_reviewed_text(self, request, article)


def _tell_when_readers_keep_the_reviewed_text(model_admin, request, article):
    article.refresh_from_db()
    if publishing.pending_revision(article) is not None and article.live_revision:
        model_admin.message_user(
            request,
            _(
                "%(article)s: readers keep seeing the reviewed version until a "
                "medical reviewer signs off this change."
            )
            % {"article": article},
            messages.WARNING,
        )


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "specialty", "is_active", "disclosure_updated_on"]
    list_filter = ["is_active"]
