"""Seed the sourcing and "take it elsewhere" phrases as *hold* watched words.

They used to be hard-coded in forum/moderation.py; as watched words moderators can
see and change them. Transaction phrases, not drug names: members may name their
own medication and talk about past use. No bare everyday words: "plug" and
"trade my" are listed only in sourcing forms ("plug my phone in", "pull the plug",
"I wouldn't trade my recovery" stay clear). The list is frozen here, as a
migration's data must be.
"""

from django.db import migrations

NOTE = "Sourcing wording (seeded)"
SOURCING_PHRASES = (
    "selling subs",
    "sell subs",
    "sell my subs",
    "buy subs",
    "buying subs",
    "got subs",
    "have subs",
    "need subs",
    "extra subs",
    "spare subs",
    "trading subs",
    "selling strips",
    "extra strips",
    "spare strips",
    "sell my script",
    "selling my script",
    "sell my meds",
    "selling my meds",
    "trade my subs",
    "trade my script",
    "trade my meds",
    "trade for subs",
    "anyone selling",
    "who's selling",
    "whos selling",
    "who is selling",
    "who sells",
    "where to buy",
    "where can i buy",
    "where to cop",
    "where can i cop",
    "for sale",
    "need a plug",
    "know a plug",
    "got a plug",
    "have a plug",
    "find a plug",
    "looking for a plug",
    "my plug",
    "your plug",
    "new plug",
    "plug me",
    "hook me up",
    "hook you up",
    "dm me",
    "pm me",
    "inbox me",
    "message me on",
    "message me at",
    "text me",
    "hit me up",
    "hmu",
    "add me on",
    "signal me",
    "telegram",
    "whatsapp",
    "wickr",
    "snapchat",
    "kik",
    "cash app",
    "cashapp",
    "venmo",
    "zelle",
)


def seed(apps, schema_editor):
    WatchedWord = apps.get_model("forum", "WatchedWord")
    for phrase in SOURCING_PHRASES:
        WatchedWord.objects.get_or_create(
            phrase=phrase, action="hold", defaults={"note": NOTE}
        )


def unseed(apps, schema_editor):
    WatchedWord = apps.get_model("forum", "WatchedWord")
    WatchedWord.objects.filter(
        phrase__in=SOURCING_PHRASES, action="hold", note=NOTE, created_by=None
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0013_moderation_log_actions_are_a_closed_set"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
