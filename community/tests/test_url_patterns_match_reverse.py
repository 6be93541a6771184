"""community/url_patterns.py writes the links reverse() would, only faster."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from community.url_patterns import url_with_id, url_with_slug

ID_NAMES = [
    "forum:post_detail",
    "forum:post_reply",
    "forum:post_thumbnail",
    "forum:conversation_detail",
    "community:profile_detail",
]


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
    name = "articles:article_detail"
    assert url_with_slug(name, slug) == reverse(name, args=[slug])


def test_what_would_need_quoting_or_fail_is_left_to_reverse():
    name = "articles:article_detail"
    with pytest.raises(NoReverseMatch):
        url_with_slug(name, "café hours")
    with pytest.raises(NoReverseMatch):
        url_with_id("forum:post_detail", "12/../admin")
