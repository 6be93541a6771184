import pytest
from django.contrib.auth.models import Group

from community.models import User

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"


def signup_data(**overrides):
    data = {
        "email": "newcomer@example.com",
        "display_name": "NorthStar",
        "password1": "a-long-test-password",
        "password2": "a-long-test-password",
        "is_adult": "on",
        "accepts_guidelines": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_signup_form_asks_for_a_pseudonym_not_a_real_name(client):
    html = client.get(SIGNUP).content.decode()
    assert "Display name (a pseudonym)" in html
    assert "not your real" in html
    assert "I am 18 or older." in html
    assert "I agree to the community guidelines." in html


def test_missing_age_confirmation_is_refused_and_keeps_what_was_typed(client):
    response = client.post(SIGNUP, signup_data(is_adult=None))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please confirm that you are 18 or older." in html
    assert 'value="newcomer@example.com"' in html
    assert 'value="NorthStar"' in html
    assert not User.objects.exists()


def test_missing_guidelines_agreement_is_refused_and_keeps_what_was_typed(client):
    response = client.post(SIGNUP, signup_data(accepts_guidelines=None))
    html = response.content.decode()
    assert "Please confirm that you agree to the community guidelines." in html
    assert 'value="newcomer@example.com"' in html
    assert 'value="NorthStar"' in html
    assert not User.objects.exists()


def test_taken_display_name_is_refused_whatever_its_case(client, member):
    response = client.post(
        SIGNUP, signup_data(display_name=member.display_name.upper())
    )
    assert "That display name is taken." in response.content.decode()
    assert User.objects.count() == 1


def test_signup_creates_an_unverified_member_and_thanks_them(client, mailoutbox):
    response = client.post(SIGNUP, signup_data(), follow=True)
    user = User.objects.get(email="newcomer@example.com")
    assert user.display_name == "NorthStar"
    assert user.profile.bio == ""
    assert list(user.groups.values_list("name", flat=True)) == ["Member"]
    assert not user.emailaddress_set.get().verified
    assert "Thank you for signing up." in response.content.decode()
    assert response.redirect_chain[-1][0] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session  # verification comes first


def test_verification_email_is_discreet(client, mailoutbox):
    client.post(SIGNUP, signup_data())
    (message,) = mailoutbox
    assert message.to == ["newcomer@example.com"]
    subject = message.subject.lower()
    for word in ["opioid", "addiction", "overdose", "recovery", "crisis", "drug"]:
        assert word not in subject
        assert word not in message.body.lower()
    assert "/accounts/confirm-email/" in message.body


def test_following_the_verification_link_signs_the_member_in(client, mailoutbox):
    client.post(SIGNUP, signup_data())
    link = next(
        line for line in mailoutbox[0].body.splitlines() if "/confirm-email/" in line
    ).strip()
    path = link[link.index("/accounts/") :]
    response = client.post(path, follow=True)
    user = User.objects.get(email="newcomer@example.com")
    assert user.emailaddress_set.get().verified
    assert int(client.session["_auth_user_id"]) == user.pk
    assert response.status_code == 200


def test_unverified_member_cannot_sign_in(client):
    client.post(SIGNUP, signup_data())
    client.logout()
    response = client.post(
        "/accounts/login/",
        {"login": "newcomer@example.com", "password": "a-long-test-password"},
        follow=True,
    )
    assert "_auth_user_id" not in client.session
    assert response.redirect_chain[-1][0] == "/accounts/confirm-email/"


def test_member_group_is_given_to_every_new_member(client):
    client.post(SIGNUP, signup_data())
    assert (
        Group.objects.get(name="Member")
        .user_set.filter(email="newcomer@example.com")
        .exists()
    )
