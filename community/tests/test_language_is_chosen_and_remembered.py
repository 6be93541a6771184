import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from community.models import Profile
from community.views import server_error

pytestmark = pytest.mark.django_db

SWITCH = "/i18n/setlang/"


def html_lang(response):
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


def test_a_first_visit_follows_the_browser_language(client):
    spanish = client.get("/about/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")
    english = client.get("/about/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert html_lang(spanish) == "es"
    assert spanish["Content-Language"] == "es"
    assert html_lang(english) == "en"


def test_the_footer_switch_is_on_every_page_and_keeps_the_page(client):
    page = client.get("/about/").content.decode()
    assert f'action="{SWITCH}"' in page
    assert 'name="next" value="/about/"' in page
    assert 'name="language"' in page


def test_a_visitor_switching_gets_a_cookie_that_beats_the_browser(client):
    response = client.post(SWITCH, {"language": "es", "next": "/about/"})
    assert response.status_code == 302
    assert response["Location"] == "/about/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    again = client.get("/about/", HTTP_ACCEPT_LANGUAGE="en")
    assert html_lang(again) == "es"


def test_a_visitor_can_switch_without_a_csrf_token_from_a_cached_page():
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.post(SWITCH, {"language": "es", "next": "/"})
    assert response.status_code == 302


def test_the_switch_never_sends_people_to_another_site(client):
    response = client.post(SWITCH, {"language": "es", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_an_unknown_language_changes_nothing(client, member):
    client.force_login(member)
    client.post(SWITCH, {"language": "xx", "next": "/about/"})
    assert Profile.objects.get(user=member).language == ""


def test_a_members_switch_needs_their_csrf_token(member):
    signed_in = Client(enforce_csrf_checks=True)
    signed_in.force_login(member)
    response = signed_in.post(SWITCH, {"language": "es", "next": "/"})
    assert response.status_code == 403
    assert Profile.objects.get(user=member).language == ""


def test_a_members_switch_is_saved_on_their_profile(client, member):
    client.force_login(member)
    client.post(SWITCH, {"language": "es", "next": "/about/"})
    assert Profile.objects.get(user=member).language == "es"
    assert html_lang(client.get("/about/", HTTP_ACCEPT_LANGUAGE="en")) == "es"


def test_a_members_saved_language_follows_them_to_a_new_browser(member):
    Profile.objects.filter(user=member).update(language="es")
    new_browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert new_browser.login(email=member.email, password="a-long-test-password")
    assert html_lang(new_browser.get("/about/")) == "es"


def test_a_member_without_a_saved_language_gets_the_cookie_or_browser(member):
    browser = Client(HTTP_ACCEPT_LANGUAGE="es")
    browser.force_login(member)
    assert html_lang(browser.get("/about/")) == "es"


def test_a_members_saved_language_ends_with_their_session(member):
    Profile.objects.filter(user=member).update(language="es")
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    browser.force_login(member)
    browser.post("/accounts/logout/")
    assert html_lang(browser.get("/about/")) == "en"


def test_the_server_error_page_names_its_language(rf):
    with translation.override("es"):
        response = server_error(rf.get("/"))
    assert html_lang(response) == "es"
