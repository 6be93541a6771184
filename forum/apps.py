from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Conversations"

    def ready(self):
        # What this app keeps about a member, for export and deletion.
        from forum.personal_data import register_parts

        register_parts()

        # Moderation and crisis gauges for /metrics.
        from community.metrics import register_collector
        from forum.metrics import moderation_gauges

        register_collector(moderation_gauges)
