"""A form sent with a stale security token (the page sat open, or the member signed
in or out elsewhere) gets the site's page with the crisis banner, says what
happened, and offers back what was typed with a fresh token."""

import re

import pytest
from django.test import Client

from forum.models import Post

pytestmark = pytest.mark.django_db

TYPED = 'Day 40. <b>Hard</b> night, but I\'m still here & "ok".\nThanks all.'
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def strict_client(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    return client


def test_stale_token_gets_the_sites_page_with_the_text_and_a_fresh_token(
    strict_client,
):
    response = strict_client.post(
        "/community/post/",
        {"csrfmiddlewaretoken": "stale" * 8, "body": TYPED, "picture_alt": ""},
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert "data-crisis-banner" in html
    assert "<h1>Your form wasn't sent</h1>" in html
    assert "Nothing was sent or changed." in html
    assert 'action="/community/post/"' in html
    assert (
        '<textarea id="kept-1" name="body" rows="6">\n'
        "Day 40. &lt;b&gt;Hard&lt;/b&gt; night, but I&#x27;m still here &amp; "
        "&quot;ok&quot;.\nThanks all.</textarea>"
    ) in html
    assert "stale" not in html
    assert not Post.objects.exists()


def test_sending_the_kept_text_again_posts_it(strict_client, member):
    failed = strict_client.post("/community/post/", {"body": TYPED})
    token = TOKEN.search(failed.content.decode()).group(1)
    response = strict_client.post(
        "/community/post/", {"csrfmiddlewaretoken": token, "body": TYPED}
    )
    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.author, post.body) == (member, TYPED)


def test_passwords_are_never_offered_back(client):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/accounts/login/",
        {"login": "wren@example.com", "password": "my secret words"},
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert "my secret words" not in html
    assert 'name="login" rows="6">\nwren@example.com</textarea>' in html


def test_a_form_sent_from_another_site_is_not_offered_back(strict_client):
    response = strict_client.post(
        "/community/post/",
        {"body": "Words someone else chose"},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert "data-crisis-banner" in html
    assert "came from another website" in html
    assert "Words someone else chose" not in html
    assert '<form method="post" action="/community/post/"' not in html
    assert not Post.objects.exists()
