"""`manage.py revoke_staff EMAIL`: a moderator's powers end at once, everywhere."""

import logging

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import CommandError, call_command

from community.permissions import Role, can_moderate
from community.tests.two_factor import sign_in_with_two_factor

pytestmark = pytest.mark.django_db


def role_names(user):
    return sorted(user.groups.values_list("name", flat=True))


def test_revoking_ends_the_moderators_sessions_and_powers(client, moderator, caplog):
    sign_in_with_two_factor(client, moderator)
    assert client.get("/moderation/").status_code == 200
    moderator.is_staff = True
    moderator.save()

    with caplog.at_level(logging.WARNING, logger="community.permissions"):
        call_command("revoke_staff", "Moderator@Example.com")

    moderator.refresh_from_db()
    assert role_names(moderator) == [Role.MEMBER]
    assert not moderator.is_staff
    assert not moderator.is_superuser
    assert not can_moderate(moderator)
    after = client.get("/moderation/")
    assert after.status_code == 302
    assert "/accounts/login/" in after["Location"]
    # Their authenticator stays unless the account may be compromised.
    assert Authenticator.objects.filter(user=moderator).exists()
    assert f"member {moderator.pk}" in caplog.text
    assert moderator.email not in caplog.text


def test_a_compromised_moderator_loses_their_two_factor_devices_too(moderator):
    call_command("revoke_staff", moderator.email, "--remove-two-factor")
    assert not Authenticator.objects.filter(user=moderator).exists()
    assert role_names(moderator) == [Role.MEMBER]


def test_an_unknown_email_changes_nothing(moderator):
    with pytest.raises(CommandError, match="No account"):
        call_command("revoke_staff", "nobody@example.com")
    assert Role.MODERATOR in role_names(moderator)
