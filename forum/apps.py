from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Conversations"

    def ready(self):
        from forum.personal_data import register_parts

        register_parts()
