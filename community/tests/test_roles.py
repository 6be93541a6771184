import pytest
from django.contrib.auth.models import AnonymousUser, Group

from community.permissions import (
    Role,
    can_edit_articles,
    can_moderate,
    can_review_medically,
)
from conftest import set_up_authenticator

pytestmark = pytest.mark.django_db


def test_the_four_roles_exist_with_their_permissions():
    # Site-wide powers; articles' admin permissions are granted in its migrations.
    permissions = {
        group.name: sorted(
            group.permissions.filter(content_type__app_label="community").values_list(
                "codename", flat=True
            )
        )
        for group in Group.objects.all()
    }
    assert permissions == {
        Role.MEMBER: [],
        Role.MODERATOR: ["moderate_content"],
        Role.MEDICAL_REVIEWER: ["review_medical_content"],
        Role.EDITOR: ["edit_articles"],
    }


def test_each_role_grants_only_its_own_powers(
    member, moderator, medical_reviewer, editor
):
    powers = {
        user.display_name: (
            can_moderate(user),
            can_review_medically(user),
            can_edit_articles(user),
        )
        for user in [member, moderator, medical_reviewer, editor]
    }
    assert powers == {
        "Wren": (False, False, False),
        "Keel": (True, False, False),
        "Avery Chen": (False, True, False),
        "Rowan Page": (False, False, True),
    }


def test_visitors_have_no_powers():
    visitor = AnonymousUser()
    assert not can_moderate(visitor)
    assert not can_review_medically(visitor)
    assert not can_edit_articles(visitor)


def test_roles_are_assignable_in_the_admin(client, member, other_member):
    member.is_staff = member.is_superuser = True
    member.save()
    set_up_authenticator(member)  # the admin, like all staff pages, needs 2FA
    client.force_login(member)
    moderators = Group.objects.get(name=Role.MODERATOR)
    url = f"/admin/community/user/{other_member.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if key in form.fields and value is not None
    }
    data.update(
        groups=[moderators.pk],
        date_joined_0=other_member.date_joined.strftime("%Y-%m-%d"),
        date_joined_1=other_member.date_joined.strftime("%H:%M:%S"),
        **{
            "profile-TOTAL_FORMS": "1",
            "profile-INITIAL_FORMS": "1",
            "profile-0-id": other_member.profile.pk,
            "profile-0-user": other_member.pk,
            "profile-0-bio": "",
            "profile-0-credentials": "",
        },
    )
    data.pop("password", None)
    data.pop("last_login", None)
    data.pop("date_joined", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert can_moderate(type(other_member).objects.get(pk=other_member.pk))
