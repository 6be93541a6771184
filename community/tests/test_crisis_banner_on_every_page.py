import re

import pytest
from django.template.loader import render_to_string

from community.tests.urlwalk import html_pages

pytestmark = pytest.mark.django_db

BANNER_LINKS = [
    'href="tel:988"',
    'href="sms:988"',
    'href="https://988lifeline.org/chat/"',
]


def assert_has_banner(html, where):
    assert "data-crisis-banner" in html, f"no crisis banner on {where}"
    for link in BANNER_LINKS:
        assert link in html, f"{link} missing from the banner on {where}"
    # Link names are the visible text: voice control users say what they see.
    assert ">Call 988</a>" in html, where
    assert 'aria-label="Call' not in html, where


def visit_every_page(client, url_samples):
    pages = html_pages(client, url_samples)
    for where, html in pages:
        assert_has_banner(html, where)
    return len(pages)


def test_every_page_shows_the_banner_to_visitors(client, url_samples):
    assert visit_every_page(client, url_samples) >= 20


def test_every_page_shows_the_banner_to_members(client, member, url_samples):
    client.force_login(member)
    assert visit_every_page(client, url_samples) >= 20


def test_every_admin_page_shows_the_banner_to_staff(client, member, url_samples):
    member.is_staff = member.is_superuser = True
    member.save()
    client.force_login(member)
    assert visit_every_page(client, url_samples) >= 20


def test_not_found_page_shows_the_banner(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_has_banner(response.content.decode(), "404")


def test_server_error_page_shows_the_banner_without_a_request():
    # Django renders 500.html with no request context; the banner needs none.
    html = render_to_string("500.html")
    assert_has_banner(html, "500")


def test_server_error_handler_answers_500_with_the_banner(rf):
    from community import urls, views

    response = views.server_error(rf.get("/"))
    assert urls.handler500 == "community.views.server_error"
    assert response.status_code == 500
    assert_has_banner(response.content.decode(), "handler500")


def test_help_page_carries_every_contact_and_the_overdose_steps(client):
    response = client.get("/help/")
    html = response.content.decode()
    assert response.status_code == 200
    for expected in [
        'href="tel:988"',
        'href="sms:988"',
        'href="https://988lifeline.org/chat/"',
        "press 1",
        'href="sms:838255"',
        "AYUDA",
        'href="tel:911"',
        "1-800-662-4357",
        'href="https://findtreatment.gov/"',
        'lang="es"',
    ]:
        assert expected in html, expected
    assert html.index("Call 911") < html.index("naloxone")
    assert "not a crisis service" in html
    assert "Set-Cookie" not in response.headers
    assert "<dialog" not in html


def test_help_page_sets_no_cookie_for_visitors(client):
    response = client.get("/help/")
    assert not response.cookies


@pytest.mark.parametrize("path", ["/", "/help/", "/guidelines/", "/about/"])
def test_no_page_offers_the_retired_options(client, path):
    html = client.get(path).content.decode().lower()
    assert "press 3" not in html
    digits_only = re.sub(r"\D", "", html)
    assert "2738255" not in digits_only


def test_overdose_steps_make_no_legal_promises():
    html = render_to_string("components/overdose_steps.html").lower()
    for promise in ["immun", "can't be arrested", "cannot be arrested", "guarantee"]:
        assert promise not in html
    assert html.index("call 911") < html.index("naloxone")
