from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError

from articles import publishing
from articles.forms import ArticleForm
from articles.models import (
    Article,
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
    fields = ["decision", "reviewer", "notes", "signed_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = [
        "title",
        "status",
        "medical_reviewer",
        "last_reviewed_on",
        "next_review_due",
        "first_published_at",
    ]
    list_filter = ["status", "topics", "next_review_due"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        "status",
        "medical_reviewer",
        "last_reviewed_on",
        "next_review_due",
        "first_published_at",
    ]
    inlines = [ReferenceInline, MedicalReviewInline]
    actions = ["send_to_review", "publish"]

    def save_model(self, request, obj, form, change):
        content_changed = not change or bool(
            set(form.changed_data) & set(Article.CONTENT_FIELDS)
        )
        publishing.save_article(
            obj, editor=request.user, content_changed=content_changed
        )

    def _run(self, request, queryset, action, done):
        for article in queryset:
            try:
                action(article, editor=request.user)
            except (ValidationError, PermissionDenied) as error:
                reason = (
                    " ".join(error.messages)
                    if isinstance(error, ValidationError)
                    else "You don't have permission."
                )
                self.message_user(request, f"{article}: {reason}", messages.ERROR)
            else:
                self.message_user(request, f"{article}: {done}", messages.SUCCESS)

    @admin.action(description="Send to medical review")
    def send_to_review(self, request, queryset):
        self._run(request, queryset, publishing.submit_for_review, "sent to review.")

    @admin.action(description="Publish (needs a medical sign-off)")
    def publish(self, request, queryset):
        self._run(request, queryset, publishing.publish_article, "published.")


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


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "specialty", "is_active", "disclosure_updated_on"]
    list_filter = ["is_active"]
