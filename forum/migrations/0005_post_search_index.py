"""The GIN index for full-text search, on PostgreSQL only (SQLite has no GIN).

CONCURRENTLY keeps a big posts table writable while the index builds.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS post_search_vector_gin "
    "ON forum_post USING gin (search_vector)"
)
DROP = "DROP INDEX CONCURRENTLY IF EXISTS post_search_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("forum", "0004_post_search_vector")]

    operations = [migrations.RunPython(create_index, drop_index)]
