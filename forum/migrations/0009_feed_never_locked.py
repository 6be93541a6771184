"""The community feed is never locked: a feed post's lock locks its thread.

"Lock the conversation" on a feed post used to lock the whole feed, with no control
to unlock it; unlock it before the constraint goes on.
"""

from django.db import migrations, models


def unlock_the_feed(apps, schema_editor):
    conversation = apps.get_model("forum", "Conversation")
    conversation.objects.filter(kind="feed", is_locked=True).update(is_locked=False)


class Migration(migrations.Migration):
    dependencies = [("forum", "0008_post_thread_lock")]

    operations = [
        migrations.RunPython(unlock_the_feed, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="conversation",
            constraint=models.CheckConstraint(
                condition=~models.Q(("is_locked", True), ("kind", "feed")),
                name="conversation_feed_never_locked",
                violation_error_message=(
                    "The community feed can't be locked. Lock a post's thread instead."
                ),
            ),
        ),
    ]
