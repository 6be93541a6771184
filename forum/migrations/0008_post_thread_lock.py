"""A thread (a top-level post and its replies) can be locked on its own, so locking
a post in the community feed closes that post's thread, never the whole feed."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("forum", "0007_post_text_visible_by_unicode_properties")]

    operations = [
        migrations.AddField(
            model_name="post",
            name="locked_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddConstraint(
            model_name="post",
            constraint=models.CheckConstraint(
                condition=models.Q(("depth", 0))
                | models.Q(("locked_at__isnull", True), ("pinned_at__isnull", True)),
                name="post_only_threads_pin_or_lock",
                violation_error_message="Only a thread's first post can be pinned or locked.",
            ),
        ),
    ]
