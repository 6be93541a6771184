"""An index for the questions page (newest questions across every conversation).

Built CONCURRENTLY on PostgreSQL so a big posts table stays writable meanwhile.
"""

from django.db import migrations, models

INDEX = models.Index(
    fields=["-created_at", "-id"],
    name="post_questions_recent",
    condition=models.Q(kind="question", depth=0),
)


def _options(schema_editor):
    return {"concurrently": True} if schema_editor.connection.vendor == "postgresql" else {}


def add_index(apps, schema_editor):
    post = apps.get_model("forum", "Post")
    schema_editor.add_index(post, INDEX, **_options(schema_editor))


def remove_index(apps, schema_editor):
    post = apps.get_model("forum", "Post")
    schema_editor.remove_index(post, INDEX, **_options(schema_editor))


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("forum", "0005_post_search_index")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="post", index=INDEX)],
            database_operations=[migrations.RunPython(add_index, remove_index)],
        )
    ]
