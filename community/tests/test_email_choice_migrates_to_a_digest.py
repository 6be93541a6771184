"""Members who had email per notification turned on get a daily summary instead."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("community", "0010_account_deletion")]
AFTER = [("community", "0011_email_digest_replaces_email_notifications")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_email_on_becomes_a_daily_summary_and_off_stays_off():
    try:
        old = migrate(BEFORE)
        User = old.get_model("community", "User")
        Profile = old.get_model("community", "Profile")
        for name, wanted in [("Wanted", True), ("Quiet", False)]:
            user = User.objects.create(email=f"{name}@example.com", display_name=name)
            Profile.objects.create(user=user, email_notifications=wanted)

        new = migrate(AFTER)
        Profile = new.get_model("community", "Profile")
        choices = dict(
            Profile.objects.values_list("user__display_name", "email_digest")
        )
        assert choices == {"Wanted": "daily", "Quiet": "never"}
        assert not Profile.objects.filter(digest_includes_post_text=True).exists()
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
