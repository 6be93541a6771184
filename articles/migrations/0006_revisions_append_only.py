"""Revisions and sign-offs can't be changed in the database, like the moderation log.

UPDATE is refused on SQLite and PostgreSQL; DELETE too on PostgreSQL. (SQLite's
test flush empties tables with DELETE; there the PROTECT foreign keys from articles
and sign-offs still refuse deleting a revision anything points at.)
"""

from django.db import migrations

TABLES = ["articles_articlerevision", "articles_medicalreview"]

POSTGRESQL = [
    """
CREATE OR REPLACE FUNCTION articles_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ' rows are append-only';
END;
$$ LANGUAGE plpgsql;
""",
    *(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION articles_append_only();"
        for table in TABLES
    ),
]
POSTGRESQL_DROP = [
    *(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};" for table in TABLES),
    "DROP FUNCTION IF EXISTS articles_append_only();",
]
SQLITE = [
    f"""
CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table}
BEGIN
    SELECT RAISE(ABORT, '{table} rows are append-only');
END;
"""
    for table in TABLES
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {table}_append_only;" for table in TABLES]


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(vendor, []):
        schema_editor.execute(statement, params=None)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    drops = {"postgresql": POSTGRESQL_DROP, "sqlite": SQLITE_DROP}.get(vendor, [])
    for statement in drops:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_published_serves_a_signed_revision")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
