import pytest

from community.models import User
from community.tests.test_signup_with_pseudonym_and_confirmations import (
    SIGNUP,
    signup_data,
)

pytestmark = pytest.mark.django_db


def confirmation_path(mailoutbox):
    link = next(
        line for line in mailoutbox[0].body.splitlines() if "/confirm-email/" in line
    ).strip()
    return link[link.index("/accounts/") :]


def test_confirming_the_address_welcomes_a_new_member_not_back(client, mailoutbox):
    client.post(SIGNUP, signup_data())
    response = client.post(confirmation_path(mailoutbox), follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/welcome/"
    assert "Welcome to Steady Ground, NorthStar" in html
    assert "Welcome back" not in html
    assert "community guidelines" in html


def test_confirming_in_another_browser_asks_to_sign_in_then_welcomes(
    client, mailoutbox
):
    from django.test import Client

    client.post(SIGNUP, signup_data())
    other_browser = Client()
    response = other_browser.post(confirmation_path(mailoutbox))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/welcome/"
    response = other_browser.post(
        response["Location"],
        {"login": "newcomer@example.com", "password": "a-long-test-password"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/welcome/"
    newcomer = User.objects.get(email="newcomer@example.com")
    assert newcomer.emailaddress_set.get().verified


def test_a_returning_member_is_welcomed_back_on_the_home_page(client, member):
    client.force_login(member)
    assert f"Welcome back, {member.display_name}." in client.get("/").content.decode()


def test_the_welcome_page_is_for_members(client):
    response = client.get("/welcome/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
