from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CommunityConfig(AppConfig):
    default = True
    name = "community"
    verbose_name = "Community"

    def ready(self):
        # Registers the system checks, and the sign-in hooks for the saved
        # language and for cancelling a pending account deletion.
        from community import account_deletion, checks, languages  # noqa: F401
        from community.personal_data_parts import register_parts

        register_parts()

        # Metrics and log ids (community/metrics.py, community/request_context.py).
        from django.db.backends.signals import connection_created

        from community.metrics import time_every_connections_queries
        from community.request_context import connect_task_signals

        connection_created.connect(time_every_connections_queries)
        connect_task_signals()

        from community.sql_conversion import cache_long_statements

        cache_long_statements()

        from django.core.signals import request_finished

        from community.long_lived_objects import PROCESS_HEAP

        request_finished.connect(PROCESS_HEAP.request_finished)


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin on StaffAdminSite: no password-only sign-in of its own."""

    default = False
    default_site = "community.admin_site.StaffAdminSite"
