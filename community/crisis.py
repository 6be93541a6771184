"""Crisis resources: when their details were last checked against the source.

The contact details themselves live in templates/components/crisis_contacts.html
(and .txt for email) and nowhere else.
"""

import datetime

CRISIS_CONTACTS_VERIFIED_ON = datetime.date(2026, 11, 27)
CRISIS_CONTACTS_REVERIFY_AFTER = datetime.timedelta(days=180)
