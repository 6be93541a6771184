"""The privacy page tells members, plainly, what is kept, how long, and how to leave."""

import pytest
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db


def privacy_text(client, **headers):
    response = client.get("/privacy/", **headers)
    assert response.status_code == 200
    return " ".join(strip_tags(response.content.decode()).split())


def test_privacy_page_explains_deleting_an_account(client):
    text = privacy_text(client)
    assert "Delete my account" in text
    assert "Keep my posts, without my name" in text
    assert "Remove everything I wrote" in text
    assert "we wait 7 days in case you change your mind" in text
    assert "signing in cancels the deletion" in text


def test_privacy_page_explains_downloading_your_data(client):
    text = privacy_text(client)
    assert "Download my data" in text
    assert "It works for 7 days" in text


def test_privacy_page_gives_the_retention_periods_the_settings_use(client, settings):
    settings.FORUM_VISITOR_LINK_DAYS = 45
    text = privacy_text(client)
    assert "or after 45 days at the latest" in text
    assert "A download of your data is kept for 7 days" in text
    assert "two weeks at most" in text


def test_privacy_page_lists_what_is_kept_and_that_addresses_are_not(client):
    text = privacy_text(client)
    for kept in ["email address", "earlier version", "pictures", "reactions"]:
        assert kept in text
    assert "moderation log" in text
    assert "We don't store your network (IP) address" in text


def test_privacy_page_explains_the_email_summary(client):
    text = privacy_text(client)
    assert "daily or weekly summary" in text
    assert "one click" in text


def test_privacy_page_speaks_spanish_about_deletion_and_export(client):
    text = privacy_text(client, HTTP_ACCEPT_LANGUAGE="es")
    assert "Borrar mi cuenta" in text
    assert "Descargar mis datos" in text
    assert "esperamos 7 días" in text
