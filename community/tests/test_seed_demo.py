import pytest
from django.core.management import CommandError, call_command

from community.models import User
from community.permissions import can_moderate, can_review_medically

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_seed_demo_is_idempotent_and_makes_every_role(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    first = User.objects.count()
    call_command("seed_demo")
    assert User.objects.count() == first
    assert any(can_moderate(user) for user in User.objects.all())
    reviewer = next(u for u in User.objects.all() if can_review_medically(u))
    assert reviewer.profile.credentials == "PharmD"
    assert "demo-password-2026" in capsys.readouterr().out
