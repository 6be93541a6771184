"""community's models by concern; `from community.models import …` finds them all.

- `members.py`: the account (User, pseudonymous display name) and its Profile.
- `sanctions.py`: moderators' measures, a member's standing, messages to moderators.
- `data_rights.py`: downloading my data (DataExport) and leaving (AccountDeletion).
- `member_relations.py`: mute and block (MemberRelation).
"""

from community.models.data_rights import (
    AccountDeletion,
    DataExport,
    DataExportQuerySet,
    new_pseudonym,
)
from community.models.member_relations import MemberRelation
from community.models.members import Profile, TimeStamped, User, UserManager
from community.models.sanctions import (
    ModeratorMessage,
    Sanction,
    SanctionQuerySet,
    Standing,
    standing_of,
)

__all__ = [
    "AccountDeletion",
    "DataExport",
    "DataExportQuerySet",
    "MemberRelation",
    "ModeratorMessage",
    "Profile",
    "Sanction",
    "SanctionQuerySet",
    "Standing",
    "TimeStamped",
    "User",
    "UserManager",
    "new_pseudonym",
    "standing_of",
]
