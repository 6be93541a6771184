"""Every model that points at a member is covered by a personal-data part
(community/personal_data.py), so deleting and exporting an account miss nothing.

Here, in the top app, because only here are every app's parts registered and
named. A model kept on purpose must say why below.
"""

from django.apps import apps
from django.conf import settings

from community.personal_data import registered_parts

# Staff's records about the site, not a member's data to take away; account
# deletion decides what becomes of the member's id in them.
KEPT_ON_PURPOSE = {
    "forum.ModerationLog": "the append-only moderation record; never member text",
    "forum.QueueItem": "moderators' working queue; its posts are in posts.json",
    "forum.CrisisMatch": "the clinical reviewer's record; never member text",
    "forum.WatchedWord": "site configuration written by staff",
    "admin.LogEntry": "the admin's own history of staff changes",
}


def models_pointing_at_members():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in apps.get_models():
        pointing = model is user_model or any(
            field.many_to_one or field.one_to_one
            for field in model._meta.get_fields()
            if field.concrete and field.related_model is user_model
        )
        if pointing:
            yield model._meta.label


def test_every_model_that_points_at_a_member_is_claimed_by_a_part():
    claimed = {
        model._meta.label for part in registered_parts() for model in part.models
    }
    unclaimed = set(models_pointing_at_members()) - claimed - set(KEPT_ON_PURPOSE)
    assert unclaimed == set()


def test_every_part_explains_its_file_for_the_exports_readme():
    unexplained = [p.name for p in registered_parts() if not str(p.description).strip()]
    assert unexplained == []
