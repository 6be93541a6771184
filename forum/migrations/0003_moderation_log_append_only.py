"""On PostgreSQL, the database itself refuses to change or delete log rows."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION forum_moderationlog_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The moderation log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER forum_moderationlog_append_only
    BEFORE UPDATE OR DELETE ON forum_moderationlog
    FOR EACH ROW EXECUTE FUNCTION forum_moderationlog_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS forum_moderationlog_append_only ON forum_moderationlog;
DROP FUNCTION IF EXISTS forum_moderationlog_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("forum", "0002_reports_queue_watched_words")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
