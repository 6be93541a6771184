"""community.full_clean finds what Model.full_clean finds, with every check
constraint tested in one query instead of one query and a savepoint each."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community import full_clean as full_clean_module
from community.full_clean import full_clean
from community.models import Sanction


def django_errors(instance, exclude=()):
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        return error.message_dict
    return None


def our_errors(instance, exclude=()):
    try:
        full_clean(instance, exclude=exclude)
    except ValidationError as error:
        return error.message_dict
    return None


def sanction(member, moderator, **fields):
    defaults = {
        "kind": Sanction.Kind.WARNING,
        "reason": "Repeated insults",
        "member_message": "Please keep to the guidelines.",
    }
    return Sanction(member=member, created_by=moderator, **(defaults | fields))


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"reason": "   "},  # fails a regex check constraint
        {"kind": Sanction.Kind.BAN, "ends_at": "soon"},  # fails another
        {"kind": Sanction.Kind.BAN, "ends_at": "soon", "reason": " "},  # both
        {"kind": "exile", "reason": " "},  # a field error and a constraint's
        {"reason": ""},  # a field error only: it excuses the constraint
    ],
)
def test_finds_the_errors_django_finds(member, moderator, fields):
    if fields.get("ends_at") == "soon":
        fields = fields | {"ends_at": timezone.now() + datetime.timedelta(days=1)}
    instance = sanction(member, moderator, **fields)
    assert our_errors(instance) == django_errors(instance)
    assert (our_errors(instance) is None) == (fields == {})


def test_a_constraint_on_an_excluded_field_is_not_tested(member, moderator):
    instance = sanction(member, moderator, reason=" ")
    assert our_errors(instance, exclude=["reason"]) is None


def test_every_check_constraint_in_one_query(member, moderator):
    instance = sanction(member, moderator, reason=" ")
    people = ["member", "created_by"]  # whose checks are queries of their own
    with CaptureQueriesContext(connection) as queries:
        errors = our_errors(instance, exclude=people)
    assert errors == django_errors(instance, exclude=people)
    assert len(queries) == 1


def test_instances_of_one_shape_share_one_compiled_query_with_their_own_values(
    member, moderator
):
    full_clean_module._COMPILED.clear()
    good = sanction(member, moderator)
    bad = sanction(member, moderator, reason="   ")
    assert our_errors(good) is None
    assert our_errors(bad) == django_errors(bad) is not None
    assert our_errors(good) is None
    assert len(full_clean_module._COMPILED) == 1
    # A value that was NULL and is not is another shape: NULL is written in.
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    ending = sanction(
        member, moderator, kind=Sanction.Kind.SUSPENSION, ends_at=tomorrow
    )
    ending_ban = sanction(member, moderator, kind=Sanction.Kind.BAN, ends_at=tomorrow)
    assert our_errors(ending) == django_errors(ending) is None
    assert our_errors(ending_ban) == django_errors(ending_ban) is not None
    assert len(full_clean_module._COMPILED) == 2
