"""Members mute and block from a profile, with a plain confirmation, and see and
undo both on the Account page. The member kept away sees nothing of it."""

import pytest

from community import relations
from community.models import MemberRelation

pytestmark = pytest.mark.django_db


def test_a_profile_offers_mute_and_block_each_explained(client, member, other_member):
    client.force_login(member)
    page = client.get(f"/members/{other_member.pk}/").content.decode()
    assert "Muting folds away Marlow's posts for you" in page
    assert "Marlow can no longer reply to your posts, react to them" in page
    assert f'action="/members/{other_member.pk}/mute/"' in page
    assert f'action="/members/{other_member.pk}/block/"' in page
    own = client.get(f"/members/{member.pk}/").content.decode()
    assert "/mute/" not in own
    assert "/block/" not in own


def test_blocking_from_a_profile_then_unblocking_on_the_account_page(
    client, member, other_member
):
    client.force_login(member)
    response = client.post(f"/members/{other_member.pk}/block/", follow=True)
    assert "You blocked Marlow. They won&#x27;t be told." in response.content.decode()
    assert MemberRelation.objects.get(member=member).kind == "block"

    people = client.get("/account/people/").content.decode()
    assert "Unblock Marlow" in people
    assert "/account/people/" in client.get("/account/profile/").content.decode()
    client.post(f"/members/{other_member.pk}/let-back/", {"next": "/account/people/"})
    assert not MemberRelation.objects.exists()


def test_the_blocked_member_sees_nothing_of_it(client, member, other_member):
    relations.keep_away(member, other_member, "block")
    client.force_login(other_member)
    profile = client.get(f"/members/{member.pk}/").content.decode()
    assert "You blocked" not in profile
    assert "blocked you" not in profile
    assert f'action="/members/{member.pk}/block/"' in profile  # as for anyone
    assert "Wren" not in client.get("/account/people/").content.decode()


def test_a_moderator_can_be_muted_from_their_profile_but_not_blocked(
    client, member, moderator
):
    client.force_login(member)
    page = client.get(f"/members/{moderator.pk}/").content.decode()
    assert f'action="/members/{moderator.pk}/block/"' not in page
    assert "Moderators can't be blocked" in page
    response = client.post(f"/members/{moderator.pk}/block/", follow=True)
    assert "Moderators can&#x27;t be blocked" in response.content.decode()
    assert not MemberRelation.objects.exists()
    client.post(f"/members/{moderator.pk}/mute/")
    assert MemberRelation.objects.get().kind == "mute"


def test_muting_needs_a_post(client, member, other_member):
    client.force_login(member)
    assert client.get(f"/members/{other_member.pk}/mute/").status_code == 405
    assert not MemberRelation.objects.exists()


@pytest.mark.rate_limits
def test_muting_and_unmuting_are_rate_limited(settings, client, member, other_member):
    settings.FORUM_RATE_LIMITS = {**settings.FORUM_RATE_LIMITS}
    settings.FORUM_RATE_LIMITS["member_relation"] = (2, 86_400)
    client.force_login(member)
    client.post(f"/members/{other_member.pk}/mute/")
    client.post(f"/members/{other_member.pk}/let-back/")
    response = client.post(f"/members/{other_member.pk}/mute/", follow=True)
    assert "today&#x27;s limit" in response.content.decode()
    assert not MemberRelation.objects.exists()
