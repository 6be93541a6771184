from urllib.parse import urlsplit

import pytest

from community.tests.browser import (
    record_foreign_requests,
    serious_accessibility_violations,
)
from community.tests.urlwalk import page_urls

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def assert_banner_works(page, where):
    banner = page.locator("[data-crisis-banner]")
    assert banner.count() == 1, where
    for name, href in [
        ("Call 988", "tel:988"),
        ("Text 988", "sms:988"),
        ("Chat online", "https://988lifeline.org/chat/"),
    ]:
        link = banner.get_by_role("link", name=name, exact=True)
        assert link.get_attribute("href") == href, where
        assert link.is_visible(), where
        box = link.bounding_box()
        assert box["height"] >= 44, f"{name} tap target too small on {where}"
    chat = banner.get_by_role("link", name="Chat online")
    assert chat.get_attribute("rel") == "noopener noreferrer"


def walk_pages(page, live_server, url_samples):
    """Open every named page once; axe runs once per page actually shown.

    Pages a visitor may not open redirect to the sign-in page, and POST-only
    addresses answer with the same "nothing to show" page: the banner is checked
    on each, the accessibility audit only on the first of each kind.
    """
    foreign = record_foreign_requests(page, live_server.url)
    checked, audited = [], set()
    for name, url in page_urls(url_samples):
        response = page.goto(url)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        where = f"{name} ({page.url})"
        assert_banner_works(page, where)
        shown = (response.status, urlsplit(page.url).path)
        if response.status == 405:
            shown = (405, "")
        if shown not in audited:
            audited.add(shown)
            assert serious_accessibility_violations(page) == [], where
        checked.append(name)
    assert foreign == []
    return checked


def test_banner_works_on_every_page_for_visitors(page, live_server, url_samples):
    checked = walk_pages(page, live_server, url_samples)
    assert "community:help" in checked
    assert "account_signup" in checked


def test_banner_works_on_every_page_for_members(
    page, live_server, member, url_samples, sign_in
):
    sign_in(member)
    checked = walk_pages(page, live_server, url_samples)
    assert "community:profile_edit" in checked
    assert "mfa_index" in checked


def test_banner_stays_after_clicking_around(page, live_server):
    page.goto("/")
    page.get_by_role("link", name="More help and overdose steps").click()
    page.wait_for_url("**/help/")
    assert_banner_works(page, "help")
    assert page.get_by_role("heading", name="If someone may be overdosing").is_visible()


def test_not_found_page_has_the_banner(page, live_server):
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert_banner_works(page, "404")
