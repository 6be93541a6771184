"""A published article serves a revision its named reviewer signed, in the database.

The CheckConstraint covers the row's own fields (a live revision is named); a
trigger on both SQLite and PostgreSQL covers what spans rows: the live revision
belongs to the article and has an approval, by the reviewer the byline names,
whose checksum equals the revision's. No save(), update() or admin form gets past it.
"""

from django.db import migrations, models

MESSAGE = "A published article must serve a revision its medical reviewer signed off."

SIGNED = """
    SELECT 1 FROM articles_articlerevision r
    JOIN articles_medicalreview m ON m.revision_id = r.id
    WHERE r.id = NEW.live_revision_id AND r.article_id = NEW.id
      AND m.decision = 'approved' AND m.checksum = r.checksum
      AND m.reviewer_id = NEW.medical_reviewer_id
"""

POSTGRESQL = [
    f"""
CREATE OR REPLACE FUNCTION articles_article_serves_signed_revision() RETURNS trigger AS $$
BEGIN
    IF NEW.status = 'published' AND NOT EXISTS ({SIGNED}) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
""",
    """
CREATE TRIGGER articles_article_serves_signed_revision
    BEFORE INSERT OR UPDATE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_serves_signed_revision();
""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS articles_article_serves_signed_revision "
    "ON articles_article;",
    "DROP FUNCTION IF EXISTS articles_article_serves_signed_revision();",
]
SQLITE = [
    f"""
CREATE TRIGGER articles_article_serves_signed_revision_{event.lower()}
BEFORE {event} ON articles_article
WHEN NEW.status = 'published' AND NOT EXISTS ({SIGNED})
BEGIN
    SELECT RAISE(ABORT, '{MESSAGE}');
END;
"""
    for event in ["INSERT", "UPDATE"]
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS articles_article_serves_signed_revision_{event};"
    for event in ["insert", "update"]
]


def create_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(vendor, []):
        schema_editor.execute(statement, params=None)


def drop_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    drops = {"postgresql": POSTGRESQL_DROP, "sqlite": SQLITE_DROP}.get(vendor, [])
    for statement in drops:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_revisions_from_current_content")]

    operations = [
        migrations.RemoveConstraint(
            model_name="article",
            name="article_published_only_with_medical_sign_off",
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "published"), _negated=True),
                    models.Q(
                        ("first_published_at__isnull", False),
                        ("last_reviewed_on__isnull", False),
                        ("live_revision__isnull", False),
                        ("medical_reviewer__isnull", False),
                        ("next_review_due__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="article_published_only_with_medical_sign_off",
                violation_error_message="An article can only be published after a "
                "medical reviewer signs it off.",
            ),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
