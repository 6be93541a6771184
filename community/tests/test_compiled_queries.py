"""Queries compiled once answer like the querysets they were built from."""

import pytest
from django.db import connection
from django.db.models import Count, F
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.compiled_queries import CompiledQuery, CompiledUpdate
from community.models import User

pytestmark = pytest.mark.django_db


def _name_and_email(member_id):
    return User.objects.filter(pk=member_id).values_list("display_name", "email")


def _joined(member_id):
    return User.objects.filter(pk=member_id).values_list("date_joined")


def test_each_call_reads_the_rows_of_its_own_values(member, other_member):
    names = CompiledQuery(_name_and_email, "member_id")
    assert names.rows(member_id=member.pk) == [("Wren", "member@example.com")]
    assert names.rows(member_id=other_member.pk) == [("Marlow", "other@example.com")]
    assert names.rows(member_id=-5) == []


@pytest.mark.parametrize("too_large", [2**63, -(2**63) - 1, 10**30])
def test_an_id_no_key_can_hold_matches_nothing(member, too_large):
    """As the ORM answers, rather than an error from the driver (ids from URLs)."""
    names = CompiledQuery(_name_and_email, "member_id")
    assert names.rows(member_id=member.pk)
    assert names.rows(member_id=too_large) == []
    assert list(_name_and_email(too_large)) == []


def test_later_calls_send_one_query_and_no_compiling(member, other_member):
    names = CompiledQuery(_name_and_email, "member_id")
    names.rows(member_id=member.pk)
    with CaptureQueriesContext(connection) as queries:
        names.rows(member_id=other_member.pk)
    assert len(queries) == 1
    assert str(other_member.pk) in queries[0]["sql"]


def test_values_come_back_converted_as_the_orm_gives_them(member):
    rows = CompiledQuery(_joined, "member_id").rows(member_id=member.pk)
    assert rows == list(_joined(member.pk))
    assert rows[0][0] == member.date_joined  # an aware datetime, on SQLite too


def test_a_value_that_never_reaches_the_sql_is_refused(member):
    def ignores_its_value(member_id):
        return User.objects.values_list("pk")

    with pytest.raises(ValueError, match="member_id"):
        CompiledQuery(ignores_its_value, "member_id").rows(member_id=member.pk)


def test_the_values_asked_for_must_all_be_given(member):
    names = CompiledQuery(_name_and_email, "member_id")
    with pytest.raises(TypeError):
        names.rows()
    with pytest.raises(TypeError):
        names.rows(member_id=member.pk, extra=1)


def test_aggregates_in_subqueries_keep_their_meaning(member, other_member):
    def members_counted(member_id):
        return (
            User.objects.filter(pk__gte=member_id)
            .values("is_active")
            .annotate(n=Count("pk"))
            .values_list("n")
        )

    counted = CompiledQuery(members_counted, "member_id")
    first = min(member.pk, other_member.pk)
    assert counted.rows(member_id=first) == [(2,)]
    assert counted.rows(member_id=max(member.pk, other_member.pk)) == [(1,)]


def _names_of(member_ids):
    return (
        User.objects.filter(pk__in=member_ids)
        .order_by("display_name")
        .values_list("display_name")
    )


def test_a_list_of_ids_shorter_than_its_longest_reads_the_same_rows(
    member, other_member
):
    names = CompiledQuery(_names_of, in_lists={"member_ids": 5})
    assert names.rows(member_ids=[member.pk]) == [("Wren",)]
    both = [member.pk, other_member.pk]
    assert names.rows(member_ids=both) == [("Marlow",), ("Wren",)]
    assert names.rows(member_ids=both * 2 + [member.pk]) == [("Marlow",), ("Wren",)]


def test_a_list_longer_than_compiled_for_or_empty_is_refused(member):
    names = CompiledQuery(_names_of, in_lists={"member_ids": 2})
    with pytest.raises(ValueError, match="member_ids takes 1 to 2 ids, not 3"):
        names.rows(member_ids=[member.pk] * 3)
    with pytest.raises(ValueError, match="not 0"):
        names.rows(member_ids=[])


def test_a_list_fits_when_it_is_neither_empty_nor_too_long():
    names = CompiledQuery(_names_of, in_lists={"member_ids": 2})
    assert names.fits(member_ids=[1, 2])
    assert not names.fits(member_ids=[1, 2, 3])
    assert not names.fits(member_ids=[])


def test_a_time_in_the_sql_is_refused_as_it_would_never_change(member):
    def joined_before_now(member_id):
        return User.objects.filter(
            pk=member_id, date_joined__lte=timezone.now()
        ).values_list("pk")

    with pytest.raises(ValueError, match="changes between builds"):
        CompiledQuery(joined_before_now, "member_id").rows(member_id=member.pk)


def _named(email, display_name):
    return User.objects.filter(email=email, display_name=display_name).values_list("pk")


def test_text_values_are_swapped_in_like_ids(member, other_member):
    named = CompiledQuery(_named, texts=("email", "display_name"))
    assert named.rows(email="member@example.com", display_name="Wren") == [(member.pk,)]
    assert named.rows(email="other@example.com", display_name="Marlow") == [
        (other_member.pk,)
    ]
    assert named.rows(email="member@example.com", display_name="Marlow") == []


def test_a_text_value_that_never_reaches_the_sql_is_refused(member):
    def ignores_the_name(email, display_name):
        return User.objects.filter(email=email).values_list("pk")

    named = CompiledQuery(ignores_the_name, texts=("email", "display_name"))
    with pytest.raises(ValueError, match="display_name"):
        named.rows(email="member@example.com", display_name="Wren")


def test_a_text_value_changed_on_its_way_to_the_sql_is_refused(member):
    def by_email_start(email):
        return User.objects.filter(email__startswith=email).values_list("pk")

    with pytest.raises(ValueError, match="email"):
        CompiledQuery(by_email_start, texts=("email",)).rows(email="member")


def _with_profile(member_id):
    return (
        User.objects.filter(pk=member_id)
        .select_related("profile")
        .annotate(joined_on=F("date_joined"), name_again=F("display_name"))
    )


def test_instances_come_back_as_the_orm_builds_them(member, other_member):
    members = CompiledQuery(_with_profile, "member_id")
    for someone in (member, other_member):
        (compiled,) = members.instances(member_id=someone.pk)
        (orm,) = _with_profile(someone.pk)
        assert model_to_dict(compiled) == model_to_dict(orm)
        assert (compiled.joined_on, compiled.name_again) == (
            orm.joined_on,
            orm.name_again,
        )
        with CaptureQueriesContext(connection) as queries:
            profile = compiled.profile
        assert len(queries) == 0  # read with the member, as select_related reads
        assert model_to_dict(profile) == model_to_dict(orm.profile)
        assert compiled._state.db == orm._state.db
        assert not compiled._state.adding
    assert members.instances(member_id=-5) == []


def test_instances_and_rows_each_read_their_own_kind_of_query(member):
    with pytest.raises(TypeError):
        CompiledQuery(_with_profile, "member_id").rows(member_id=member.pk)
    with pytest.raises(TypeError):
        CompiledQuery(_name_and_email, "member_id").instances(member_id=member.pk)


def test_a_query_that_prefetches_is_refused(member):
    def with_groups(member_id):
        return User.objects.filter(pk=member_id).prefetch_related("groups")

    with pytest.raises(ValueError, match="prefetch"):
        CompiledQuery(with_groups, "member_id").instances(member_id=member.pk)


def _named_like(member_id, *, pattern):
    return (
        User.objects.filter(pk=member_id, display_name__contains=pattern)
        .exclude(email="")
        .values_list("display_name")
    )


@pytest.mark.parametrize("pattern", ["Wren", "O'Hara %s %% \\", "%"])
def test_constants_written_into_the_sql_match_as_parameters_did(
    member, other_member, pattern
):
    """On PostgreSQL only the values stay parameters (a prepared statement's generic
    plan then sees the constants); quotes, percent signs and backslashes in a
    constant mean what they meant as a parameter."""
    member.display_name = "O'Hara %s %% \\ Wren"
    member.save()
    compiled = CompiledQuery(
        lambda member_id: _named_like(member_id, pattern=pattern), "member_id"
    )
    expected = [(member.display_name,)]
    assert list(_named_like(member.pk, pattern=pattern)) == expected
    assert compiled.rows(member_id=member.pk) == expected
    assert compiled.rows(member_id=other_member.pk) == []
    if connection.vendor == "postgresql":
        assert len(compiled._compiled[connection.alias].params) == 1


def _renamed(member_id, name):
    return User.objects.filter(pk=member_id), {"display_name": name}


def test_a_compiled_update_changes_only_its_own_row_with_each_runs_values(
    member, other_member
):
    rename = CompiledUpdate(_renamed, "member_id", texts=("name",))

    assert rename.run(member_id=member.pk, name="Wren Again") == 1
    with CaptureQueriesContext(connection) as captured:
        assert rename.run(member_id=other_member.pk, name="Marlow Again") == 1
    assert rename.run(member_id=2**63, name="Nobody") == 0  # no key holds it

    assert len(captured) == 1
    assert captured[0]["sql"].startswith("UPDATE")
    names = dict(User.objects.values_list("pk", "display_name"))
    assert names[member.pk] == "Wren Again"
    assert names[other_member.pk] == "Marlow Again"


def test_a_compiled_update_of_a_sliced_or_ordered_queryset_is_refused(member):
    sliced = CompiledUpdate(
        lambda member_id: (
            User.objects.filter(pk=member_id)[:1],
            {"display_name": "X"},
        ),
        "member_id",
    )
    with pytest.raises(ValueError, match="plain filter"):
        sliced.run(member_id=member.pk)
