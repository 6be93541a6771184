"""`next` is followed only when it points at this site (community/redirects.py)."""

import pytest
from django.test import RequestFactory

from community.redirects import safe_next

FOREIGN_TARGETS = [
    "https://evil.example/x",
    "//evil.example/x",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "/\\evil.example",
    "http://testserver\x00.evil.example/",
    "/moderation/\x00",
    "x" * 10_000 + "://evil.example",
    "abc",  # redirect() would take it for a view name
    "-1",
]


@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_a_next_elsewhere_falls_back_to_the_default(target):
    request = RequestFactory().post("/somewhere/", {"next": target})

    assert safe_next(request, "/fallback/") == "/fallback/"


@pytest.mark.parametrize(
    "target",
    ["/posts/1/", "/community/?before=abc#post-2", "http://testserver/questions/"],
)
def test_a_next_on_this_site_is_followed(target):
    request = RequestFactory().post("/somewhere/", {"next": target})

    assert safe_next(request, "/fallback/") == target


def test_plain_http_is_refused_from_an_https_page():
    request = RequestFactory().post(
        "/somewhere/", {"next": "http://testserver/posts/1/"}, secure=True
    )

    assert safe_next(request, "/fallback/") == "/fallback/"
