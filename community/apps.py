from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CommunityConfig(AppConfig):
    default = True
    name = "community"
    verbose_name = "Community"

    def ready(self):
        from community import checks  # noqa: F401  (registers system checks)
        from community import languages  # noqa: F401  (sign-in uses the saved language)


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin on StaffAdminSite: no password-only sign-in of its own."""

    default = False
    default_site = "community.admin_site.StaffAdminSite"
