"""community's parts of what the site keeps about a member (see personal_data.py)."""

from django.db.models import Q

from community.models import MemberRelation
from community.personal_data import PersonalDataPart, register


def export_mutes_and_blocks(user) -> list[dict]:
    """Whom the member mutes or blocks. Who mutes or blocks *them* is other
    members' private choice and never exported."""
    return [
        {
            "member": relation.other.display_name,
            "kind": relation.kind,
            "since": relation.created_at.isoformat(),
        }
        for relation in MemberRelation.objects.filter(member=user)
        .select_related("other")
        .order_by("created_at")
    ]


def erase_mutes_and_blocks(user, erasure) -> None:
    """Both directions go: a departed member neither mutes nor is muted."""
    MemberRelation.objects.filter(Q(member=user) | Q(other=user)).delete()


def register_parts():
    register(
        PersonalDataPart(
            name="mutes_and_blocks",
            description=(
                "The members you muted or blocked, and since when. Who muted or "
                "blocked you is their private choice and is not included."
            ),
            export=export_mutes_and_blocks,
            erase=erase_mutes_and_blocks,
            models=(MemberRelation,),
        )
    )
