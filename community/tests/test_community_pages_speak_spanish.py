"""The community's own pages follow the browser's language: Spanish when asked."""

from html import unescape

import pytest

pytestmark = pytest.mark.django_db

# Each page: a Spanish text it must show, and the English text that gives way to it.
PAGES = {
    "/": (
        "No tienes que recorrer la recuperación en soledad",
        "You don't have to do recovery alone",
    ),
    "/about/": (
        "Somos una comunidad de pares, no un centro de tratamiento",
        "We are a peer community, not a treatment provider",
    ),
    "/guidelines/": (
        "Comparte tu experiencia, no instrucciones",
        "Share your experience, not instructions",
    ),
    "/privacy/": ("Sin rastreadores ni terceros", "No trackers, no third parties"),
    "/help/": (
        "Lo que este sitio puede y no puede hacer",
        "What this site can and can't do",
    ),
    "/accounts/signup/": (
        "Nombre visible (un seudónimo)",
        "Display name (a pseudonym)",
    ),
    "/accounts/login/": (
        "Únete con un apodo. Tu correo es privado",
        "Join under a nickname. Your email stays private",
    ),
}


@pytest.mark.parametrize("path", PAGES)
def test_community_pages_speak_spanish_when_asked(client, path):
    spanish, english = PAGES[path]
    response = client.get(path, headers={"Accept-Language": "es"})
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert spanish in html
    assert english not in html
    assert "Normas de la comunidad" in html  # the footer too


def test_the_help_page_gives_the_overdose_steps_in_spanish(client):
    html = unescape(
        client.get("/help/", headers={"Accept-Language": "es"}).content.decode()
    )
    assert "Si alguien puede estar sufriendo una sobredosis" in html
    assert "<strong>Llama al 911.</strong>" in html
    assert "Call 911." not in html


def test_the_guidelines_count_in_spanish_plurals(client, settings):
    settings.FORUM_AUTO_HIDE_REPORTERS = 3
    html = unescape(
        client.get("/guidelines/", headers={"Accept-Language": "es"}).content.decode()
    )
    assert "Cuando 3 miembros distintos" in html


def test_pages_stay_in_english_by_default(client):
    html = client.get("/", headers={"Accept-Language": "en"}).content.decode()
    assert "You don't have to do recovery alone" in html
    assert "recuperación" not in html
