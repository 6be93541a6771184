from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Conversations"
    # Its migrations seed these rows: a freshly migrated database still counts as
    # empty for `manage.py restore` (community/backups/service.py).
    models_filled_by_migrations = ("WatchedWord",)

    def ready(self):
        # What this app keeps about a member, for export and deletion.
        from forum.personal_data import register_parts

        register_parts()

        # The header's unread counts come with the member (forum/unread.py).
        from forum.unread import load_with_every_member

        load_with_every_member()

        # Moderation and crisis gauges for /metrics.
        from community.metrics import register_collector
        from forum.metrics import moderation_gauges

        register_collector(moderation_gauges)
