"""community/url_patterns.py writes the links reverse() would, only faster."""

import pytest
from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse, set_script_prefix

from community.url_patterns import url_with_id, url_with_slug


def _page(request, **kwargs):
    return HttpResponse()


_TREE = (
    [
        path("posts/<int:pk>/", _page, name="post"),
        path("posts/<int:pk>/reply/", _page, name="reply"),
        path("members/<int:pk>/", _page, name="member"),
        path("articles/<slug:slug>/", _page, name="article"),
    ],
    "tree",
)
urlpatterns = [path("site/", include(_TREE))]

pytestmark = pytest.mark.urls(__name__)

ID_NAMES = ["tree:post", "tree:reply", "tree:member"]


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    set_script_prefix("/")


@pytest.mark.parametrize("name", ID_NAMES)
@pytest.mark.parametrize("prefix", ["/", "/community-site/"])
def test_an_id_link_is_the_one_reverse_writes(name, prefix, script_prefix):
    script_prefix(prefix)
    for pk in (1, 42, 2**63 - 1):
        assert url_with_id(name, pk) == reverse(name, args=[pk])


@pytest.mark.parametrize("slug", ["first-year", "a_b-2", "2026"])
def test_a_slug_link_is_the_one_reverse_writes(slug):
    assert url_with_slug("tree:article", slug) == reverse("tree:article", args=[slug])


def test_what_would_need_quoting_or_fail_is_left_to_reverse():
    with pytest.raises(NoReverseMatch):
        url_with_slug("tree:article", "café hours")
    with pytest.raises(NoReverseMatch):
        url_with_id("tree:post", "12/../admin")
