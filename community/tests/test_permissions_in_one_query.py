"""A member's permissions, from their roles and their own grants, in one query."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import User
from community.permissions import can_edit_articles, can_moderate

pytestmark = pytest.mark.django_db


def fresh(user):
    return User.objects.get(pk=user.pk)  # no permission cache yet


def test_a_roles_permissions_and_own_grants_both_count(moderator, member):
    own = Permission.objects.get(codename="edit_articles")
    member.user_permissions.add(own)
    member = fresh(member)
    assert can_edit_articles(member)
    assert not can_moderate(member)
    assert can_moderate(fresh(moderator))


def test_every_permission_check_in_a_request_costs_one_query(moderator):
    moderator = fresh(moderator)
    with CaptureQueriesContext(connection) as queries:
        assert can_moderate(moderator)
        assert not can_edit_articles(moderator)
        assert can_moderate(moderator)
    assert len(queries) == 1


def test_inactive_members_have_no_permissions(moderator):
    moderator.is_active = False
    moderator.save()
    assert not can_moderate(fresh(moderator))
