"""Create the four roles as groups with their permissions."""

from django.db import migrations

# A copy, not an import: migrations must not depend on app code that may change.
ROLE_PERMISSIONS = {
    "Member": [],
    "Moderator": ["moderate_content"],
    "Medical reviewer": ["review_medical_content"],
    "Editor": ["edit_articles"],
}
PERMISSION_NAMES = {
    "moderate_content": "Can review reports and moderate member content",
    "review_medical_content": "Can medically review and sign off articles",
    "edit_articles": "Can write and edit articles",
}


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    user_type, _ = ContentType.objects.get_or_create(app_label="community", model="user")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=user_type,
                codename=codename,
                defaults={"name": PERMISSION_NAMES[codename]},
            )
            group.permissions.add(permission)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
