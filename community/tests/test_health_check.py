"""The load balancers' health check: the app answers, cheaply, without redirects."""

import pytest

pytestmark = pytest.mark.django_db


def test_health_check_answers_ok_without_touching_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain"
    assert response["Cache-Control"] == "no-store"


def test_health_checks_over_plain_http_are_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # as in production
    assert client.get("/healthz/").status_code == 200
    assert client.get("/help/").status_code == 301  # pages still move to HTTPS
