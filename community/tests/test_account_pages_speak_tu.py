"""Sign-in and sign-up pages in Spanish speak "tú", as the rest of the site does.

allauth's and Django's own Spanish catalogues say "usted"; the strings of theirs we
show are rewritten in locale_overrides/. These markers are the usted forms those
pages showed before the overrides.
"""

import re

import pytest

from community.tests.test_spanish_interface_everywhere import visible_texts

pytestmark = pytest.mark.django_db

USTED = re.compile(
    r"\b(usted|su|sus|tiene|ha olvidado|olvidó|introduzca|ingrese|utilice|"
    r"regístrese|inicie sesión|debe escribir|inténtelo)\b",
    re.IGNORECASE,
)
ES = {"HTTP_ACCEPT_LANGUAGE": "es"}


def usted_forms(response):
    return sorted(
        text for text in visible_texts(response.content.decode()) if USTED.search(text)
    )


def test_the_usted_markers_catch_allauths_own_wording():
    samples = ["¿Ya tiene una cuenta?", "¿Ha olvidado su contraseña?", "Tu cuenta"]
    found = {text for text in samples if USTED.search(text)}
    assert found == {"¿Ya tiene una cuenta?", "¿Ha olvidado su contraseña?"}


@pytest.mark.parametrize(
    "url", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
)
def test_account_pages_in_spanish_say_tu(client, url):
    response = client.get(url, **ES)
    assert '<html lang="es"' in response.content.decode()
    assert usted_forms(response) == []


def test_sign_in_and_sign_up_mistakes_are_told_with_tu(client, member):
    wrong_password = client.post(
        "/accounts/login/", {"login": member.email, "password": "not it"}, **ES
    )
    mismatch = client.post(
        "/accounts/signup/",
        {"email": "new@example.com", "password1": "a long pass 1", "password2": "x"},
        **ES,
    )
    assert "El correo electrónico o la contraseña no son correctos." in (
        wrong_password.content.decode()
    )
    assert "Tienes que escribir la misma contraseña" in mismatch.content.decode()
    assert usted_forms(wrong_password) == usted_forms(mismatch) == []
