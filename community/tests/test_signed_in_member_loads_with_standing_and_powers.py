"""The signed-in member is loaded knowing whether a sanction is in force and
whether they hold any group or permission, so pages read sanctions and
permissions only for members who have some, and never miss one."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.models import Sanction, standing_of
from community.permissions import can_edit_articles, can_moderate

pytestmark = pytest.mark.django_db


def signed_in_as(client, member):
    """request.user as Django's session middleware would load it."""
    client.force_login(member)
    request = client.get("/healthz/").wsgi_request
    request.session = client.session
    return get_user(request)


def silence(member, moderator, **times):
    return Sanction.objects.create(
        member=member,
        kind=Sanction.Kind.SILENCE,
        reason="Repeated sourcing requests.",
        created_by=moderator,
        **times,
    )


def test_a_member_without_sanctions_costs_no_sanction_query(client, member):
    user = signed_in_as(client, member)
    with CaptureQueriesContext(connection) as queries:
        standing = standing_of(user)
    assert not standing.is_silenced
    assert len(queries) == 0


def test_a_sanction_in_force_is_read_and_applies(client, member, moderator):
    sanction = silence(member, moderator)
    user = signed_in_as(client, member)
    assert standing_of(user).is_silenced
    assert standing_of(user).blocking == sanction


def test_a_lifted_or_ended_sanction_is_not_in_force(client, member, moderator):
    silence(member, moderator, lifted_at=timezone.now())
    silence(member, moderator, ends_at=timezone.now() - timedelta(minutes=1))
    user = signed_in_as(client, member)
    assert user.has_sanction_in_force is False
    assert not standing_of(user).is_silenced


def test_members_loaded_any_other_way_still_have_their_sanctions_read(
    member, moderator
):
    silence(member, moderator)
    loaded = type(member).objects.get(pk=member.pk)
    assert standing_of(loaded).is_silenced


def test_a_member_without_roles_or_grants_costs_no_permission_query(client, member):
    user = signed_in_as(client, member)
    with CaptureQueriesContext(connection) as queries:
        assert not can_moderate(user)
        assert not can_edit_articles(user)
    assert [q["sql"] for q in queries] == []


def test_roles_and_own_grants_still_count_for_the_signed_in_member(
    client, member, moderator
):
    member.user_permissions.add(Permission.objects.get(codename="edit_articles"))
    assert can_edit_articles(signed_in_as(client, member))
    assert not can_moderate(signed_in_as(client, member))
    user = signed_in_as(client, moderator)
    assert user.holds_permissions
    assert user.has_perm("community.moderate_content")
