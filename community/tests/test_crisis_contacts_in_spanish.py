"""988 serves Spanish speakers by pressing 2: a page in Spanish says so first."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

pytestmark = pytest.mark.django_db


def spanish_option_comes_before_veterans(html):
    contacts = html[html.index('class="contact-list"') :]
    return contacts.index('lang="es"') < contacts.index('href="sms:838255"')


def test_the_help_page_in_spanish_lists_988s_spanish_option_first(client):
    html = client.get("/help/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "oprime 2" in html
    assert spanish_option_comes_before_veterans(html)


def test_the_help_page_in_english_keeps_the_spanish_option_after_veterans(client):
    html = client.get("/help/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "oprime 2" in html
    assert not spanish_option_comes_before_veterans(html)


def test_the_banner_in_spanish_leads_with_pressing_2():
    with translation.override("es"):
        html = render_to_string("components/crisis_banner.html")
    title = html[html.index("<h2") : html.index("</h2>")]
    assert "Llama al 988 y oprime 2" in title


def test_the_email_contacts_in_spanish_start_with_the_spanish_option():
    with translation.override("es"):
        text = render_to_string("components/crisis_contacts.txt").strip()
    assert text.startswith("En español: llama al 988 y oprime 2")
    with translation.override("en"):
        text = render_to_string("components/crisis_contacts.txt").strip()
    assert text.startswith("If you are struggling or in crisis")
    assert "oprime 2" in text
