"""A member's export holds whom they mute or block, never who mutes or blocks
them; leaving removes both directions. The database refuses a relation with
oneself and a second row for the same pair."""

import pytest
from django.db import IntegrityError, transaction

from community import relations
from community.models import MemberRelation
from community.personal_data import Erasure, ErasureMode, registered_parts

pytestmark = pytest.mark.django_db


def part():
    return next(p for p in registered_parts() if p.name == "mutes_and_blocks")


def test_the_export_shows_my_choices_and_not_others_choices_about_me(
    member, other_member, moderator
):
    relations.keep_away(member, other_member, "block")
    relations.keep_away(moderator, member, "mute")
    rows = part().export(member)
    assert [(row["member"], row["kind"]) for row in rows] == [("Marlow", "block")]
    assert part().export(other_member) == []


def test_leaving_removes_relations_both_ways(member, other_member, moderator):
    relations.keep_away(member, other_member, "block")
    relations.keep_away(moderator, member, "mute")
    part().erase(member, Erasure(ErasureMode.REMOVE_EVERYTHING))
    part().erase(member, Erasure(ErasureMode.REMOVE_EVERYTHING))  # idempotent
    assert not MemberRelation.objects.exists()


def test_the_database_refuses_oneself_and_a_second_row_per_pair(member, other_member):
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberRelation.objects.create(member=member, other=member, kind="mute")
    MemberRelation.objects.create(member=member, other=other_member, kind="mute")
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberRelation.objects.create(member=member, other=other_member, kind="block")
