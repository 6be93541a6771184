"""An index for a conversation list's first page: pinned posts first, then newest.

Built CONCURRENTLY on PostgreSQL so a big posts table stays writable meanwhile.
"""

from django.db import migrations, models
from django.db.models.lookups import IsNull

INDEX = models.Index(
    models.F("conversation"),
    IsNull(models.F("pinned_at"), True),
    models.F("pinned_at").desc(),
    models.F("created_at").desc(),
    models.F("id").desc(),
    name="post_top_level_pinned_first",
    condition=models.Q(depth=0),
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
    dependencies = [("forum", "0009_feed_never_locked")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="post", index=INDEX)],
            database_operations=[migrations.RunPython(add_index, remove_index)],
        )
    ]
