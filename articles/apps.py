from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        # What this app keeps about a member, for export and deletion.
        from articles.personal_data import register_parts

        register_parts()
