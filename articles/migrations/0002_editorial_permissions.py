"""Let editors write articles in the admin, and reviewers read them there."""

from django.db import migrations

EDITOR_MODELS = {
    "article": "article",
    "reference": "reference",
    "topic": "topic",
    "poll": "poll",
    "polloption": "poll option",
}
REVIEWER_MODELS = {**EDITOR_MODELS, "medicalreview": "medical review"}


def permission(apps, action, model, verbose_name):
    """Django makes model permissions after all migrations; make the ones we need."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="articles", model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {verbose_name}"},
    )
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name="Editor")
    reviewers, _ = Group.objects.get_or_create(name="Medical reviewer")
    for model, name in EDITOR_MODELS.items():
        for action in ["add", "change", "view"]:
            editors.permissions.add(permission(apps, action, model, name))
    for model, name in REVIEWER_MODELS.items():
        reviewers.permissions.add(permission(apps, "view", model, name))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("community", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
