from django.contrib import admin

from forum.models import ModerationLog, Post, QueueItem, Report, WatchedWord


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ModerationLog)
class ModerationLogAdmin(ReadOnlyAdmin):
    """Append-only: readable here, never editable."""

    list_display = ["at", "actor", "action", "target", "from_status", "to_status"]
    list_filter = ["action"]
    search_fields = ["target", "reason"]


@admin.register(Post)
class PostAdmin(ReadOnlyAdmin):
    """Posts change only through the moderation pages, which log every decision."""

    list_display = ["pk", "kind", "author", "status", "created_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["author"]


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["post", "reporter", "reason", "state", "created_at"]
    list_filter = ["reason", "state"]


@admin.register(QueueItem)
class QueueItemAdmin(ReadOnlyAdmin):
    list_display = ["post", "priority", "created_at", "closed_at"]
    list_filter = ["priority"]


@admin.register(WatchedWord)
class WatchedWordAdmin(ReadOnlyAdmin):
    """Changed on the moderators' watched-words page, which logs each change."""

    list_display = ["phrase", "action", "created_by", "created_at"]
    list_filter = ["action"]
