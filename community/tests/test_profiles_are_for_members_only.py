import pytest

pytestmark = pytest.mark.django_db


def test_visitor_is_sent_to_sign_in_for_a_profile(client, member):
    response = client.get(member.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_member_sees_another_members_profile_without_indexing(
    client, member, other_member
):
    other_member.profile.bio = "Gardener. One day at a time."
    other_member.profile.save()
    client.force_login(member)
    response = client.get(other_member.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Marlow" in html
    assert "Gardener. One day at a time." in html
    assert "Member since" in html
    assert other_member.email not in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "private" in response["Cache-Control"]


def test_reviewer_profile_shows_credentials(client, member, medical_reviewer):
    client.force_login(member)
    html = client.get(medical_reviewer.get_absolute_url()).content.decode()
    assert "Avery Chen, PharmD" in html


def test_member_edits_their_profile(client, member):
    client.force_login(member)
    response = client.post(
        "/account/profile/", {"display_name": "Wren Again", "bio": "Hello there."}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Wren Again"
    assert member.profile.bio == "Hello there."


def test_profile_edit_refuses_a_taken_name_and_keeps_the_draft(
    client, member, other_member
):
    client.force_login(member)
    response = client.post(
        "/account/profile/", {"display_name": "marlow", "bio": "My unsaved words."}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "That display name is taken." in html
    assert "My unsaved words." in html
    member.refresh_from_db()
    assert member.display_name == "Wren"
    assert member.profile.bio == ""


def test_blank_display_name_is_refused(client, member):
    client.force_login(member)
    response = client.post("/account/profile/", {"display_name": "   ", "bio": ""})
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.display_name == "Wren"
