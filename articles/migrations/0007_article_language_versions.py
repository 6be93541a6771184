"""Articles carry a language; a translation names the original it translates.

One translation per language (a unique constraint); a trigger on SQLite and
PostgreSQL refuses what spans rows: a translation in its original's language, or
a translation of a translation.
"""

import django.db.models.deletion
from django.conf import settings
from importlib import import_module

from django.db import migrations, models

SIGNED_REVISION = import_module(
    "articles.migrations.0005_published_serves_a_signed_revision"
)

MESSAGE = (
    "A translation is in another language than its original, which is not "
    "itself a translation."
)

WRONG_ORIGINAL = """
    SELECT 1 FROM articles_article o
    WHERE o.id = NEW.translation_of_id
      AND (o.language = NEW.language OR o.translation_of_id IS NOT NULL)
"""
# An original moved into the language of one of its translations.
SAME_AS_A_TRANSLATION = """
    SELECT 1 FROM articles_article t
    WHERE t.translation_of_id = NEW.id AND t.language = NEW.language
"""
REFUSED = (
    f"(NEW.translation_of_id IS NOT NULL AND EXISTS ({WRONG_ORIGINAL})) "
    f"OR EXISTS ({SAME_AS_A_TRANSLATION})"
)

POSTGRESQL = [
    f"""
CREATE OR REPLACE FUNCTION articles_article_translation_language() RETURNS trigger AS $$
BEGIN
    IF {REFUSED} THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
""",
    """
CREATE TRIGGER articles_article_translation_language
    BEFORE INSERT OR UPDATE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_translation_language();
""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS articles_article_translation_language ON articles_article;",
    "DROP FUNCTION IF EXISTS articles_article_translation_language();",
]
SQLITE = [
    f"""
CREATE TRIGGER articles_article_translation_language_{event.lower()}
BEFORE {event} ON articles_article
WHEN {REFUSED}
BEGIN
    SELECT RAISE(ABORT, '{MESSAGE}');
END;
"""
    for event in ["INSERT", "UPDATE"]
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS articles_article_translation_language_{event};"
    for event in ["insert", "update"]
]


def create_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        # SQLite rebuilt the table to add the unique constraint, dropping its
        # triggers: the publishing gate's (migration 0005) comes back first.
        SIGNED_REVISION.drop_trigger(apps, schema_editor)
        SIGNED_REVISION.create_trigger(apps, schema_editor)
    for statement in {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(vendor, []):
        schema_editor.execute(statement, params=None)


def drop_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    drops = {"postgresql": POSTGRESQL_DROP, "sqlite": SQLITE_DROP}.get(vendor, [])
    for statement in drops:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0006_revisions_append_only'),
        ('forum', '0014_seed_sourcing_watched_words'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='language',
            field=models.CharField(choices=[('en', 'English'), ('es', 'Español')], default='en', max_length=8, verbose_name='language'),
        ),
        migrations.AddField(
            model_name='article',
            name='translation_of',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='translations', to='articles.article', verbose_name='translation of'),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.UniqueConstraint(fields=('translation_of', 'language'), name='article_one_translation_per_language', violation_error_message='This article already has a translation in that language.'),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
