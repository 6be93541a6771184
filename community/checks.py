from django.core import checks
from django.utils import timezone

from community.crisis import CRISIS_CONTACTS_REVERIFY_AFTER, CRISIS_CONTACTS_VERIFIED_ON


@checks.register()
def crisis_contacts_recently_verified(app_configs, **kwargs):
    age = timezone.localdate() - CRISIS_CONTACTS_VERIFIED_ON
    if age > CRISIS_CONTACTS_REVERIFY_AFTER:
        return [
            checks.Warning(
                f"Crisis contact details were last verified {age.days} days ago.",
                hint="Check templates/components/crisis_contacts.html against the "
                "988 Lifeline and SAMHSA sites, then update "
                "CRISIS_CONTACTS_VERIFIED_ON in community/crisis/contacts.py.",
                id="community.W001",
            )
        ]
    return []
