"""Posts indexed by (conversation, path), for a conversation in tree order.

The print view read a long conversation's first page by sorting all of its posts
(59 ms for a 94,000-post conversation). The foreign keys' own indexes on
conversation and on root go: post_conversation_path and post_root_path lead with
the same columns, and every new post no longer writes them.

Built and dropped CONCURRENTLY on PostgreSQL so a big posts table stays writable
meanwhile; the new index first, so the conversation's posts are never without one.
"""

import django.db.models.deletion
from django.db import migrations, models

INDEX = models.Index(fields=["conversation", "path"], name="post_conversation_path")
# The indexes Django made for the two foreign keys, named alike on PostgreSQL and
# SQLite: {column: index}.
FOREIGN_KEY_INDEXES = {
    "conversation_id": "forum_post_conversation_id_2c6cec43",
    "root_id": "forum_post_root_id_c88187d0",
}


def _options(schema_editor):
    return {"concurrently": True} if schema_editor.connection.vendor == "postgresql" else {}


def _concurrently(schema_editor):
    return "CONCURRENTLY" if schema_editor.connection.vendor == "postgresql" else ""


def add_index(apps, schema_editor):
    post = apps.get_model("forum", "Post")
    schema_editor.add_index(post, INDEX, **_options(schema_editor))
    for name in FOREIGN_KEY_INDEXES.values():
        schema_editor.execute(
            f'DROP INDEX {_concurrently(schema_editor)} IF EXISTS "{name}"'
        )


def remove_index(apps, schema_editor):
    post = apps.get_model("forum", "Post")
    for column, name in FOREIGN_KEY_INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX {_concurrently(schema_editor)} IF NOT EXISTS "{name}" '
            f'ON "forum_post" ("{column}")'
        )
    schema_editor.remove_index(post, INDEX, **_options(schema_editor))


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("forum", "0018_post_recently_actioned_index")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(model_name="post", index=INDEX),
                migrations.AlterField(
                    model_name="post",
                    name="conversation",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="posts",
                        to="forum.conversation",
                    ),
                ),
                migrations.AlterField(
                    model_name="post",
                    name="root",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="forum.post",
                    ),
                ),
            ],
            database_operations=[migrations.RunPython(add_index, remove_index)],
        )
    ]
