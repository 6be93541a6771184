from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CommunityConfig(AppConfig):
    default = True
    name = "community"
    verbose_name = "Community"

    def ready(self):
        # Registers the system checks, and the sign-in hook for the saved language.
        from community import checks, languages  # noqa: F401
        from community.personal_data_parts import register_parts

        register_parts()


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin on StaffAdminSite: no password-only sign-in of its own."""

    default = False
    default_site = "community.admin_site.StaffAdminSite"
