from django.db import migrations, models


def notifications_on_become_a_daily_digest(apps, schema_editor):
    Profile = apps.get_model("community", "Profile")
    Profile.objects.filter(email_notifications=True).update(email_digest="daily")


def any_digest_becomes_notifications_on(apps, schema_editor):
    Profile = apps.get_model("community", "Profile")
    Profile.objects.exclude(email_digest="never").update(email_notifications=True)


class Migration(migrations.Migration):
    """Members who wanted an email per notification get a daily summary instead."""

    dependencies = [
        ("community", "0010_account_deletion"),
    ]

    operations = [
        migrations.AddField(
            model_name="profile",
            name="email_digest",
            field=models.CharField(
                choices=[
                    ("never", "No email"),
                    ("daily", "A daily summary"),
                    ("weekly", "A weekly summary"),
                ],
                default="never",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="profile",
            name="digest_includes_post_text",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="profile",
            name="last_digest_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(
            notifications_on_become_a_daily_digest, any_digest_becomes_notifications_on
        ),
        migrations.RemoveField(
            model_name="profile",
            name="email_notifications",
        ),
    ]
