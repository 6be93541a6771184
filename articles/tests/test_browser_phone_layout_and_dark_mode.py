"""Phones first: the crisis banner is one band, the header one row, the title
high on the first screen; and both colour schemes pass axe with a visible focus ring."""

import pytest

from community.tests.browser import serious_accessibility_violations
from conftest import sign_in_through_the_form

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Where each page's h1 must start, at most, per viewport width.
H1_LIMIT = {390: 250, 1280: 220}
LONG_TITLE = "Starting buprenorphine at home: what the first week can feel like"


@pytest.fixture
def pages(member, other_member, editor, medical_reviewer):
    """The article, the feed and a thread page, with the member holding an unread
    notification so the header carries its badge."""
    from articles.tests.factories import make_published
    from forum import actions

    article = make_published(editor, medical_reviewer, title=LONG_TITLE)
    post = actions.post_update(author=member, body="Ninety days today.").post
    actions.reply_to_post(post, author=other_member, body="So glad for you.")
    return {
        "article": article.get_absolute_url(),
        "feed": "/community/",
        "thread": post.get_absolute_url(),
    }


def open_page(browser, live_server, *, viewport, scheme="light", user=None):
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, color_scheme=scheme
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    if user is not None:
        sign_in_through_the_form(page, user)
    return context, page


def h1_top(page):
    return page.evaluate("document.querySelector('h1').getBoundingClientRect().top")


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_title_starts_on_the_first_screen(
    browser, live_server, member, pages, signed_in, viewport
):
    context, page = open_page(
        browser, live_server, viewport=viewport, user=member if signed_in else None
    )
    try:
        for name, url in pages.items():
            if name == "thread" and not signed_in:
                continue  # threads are for members; visitors get the sign-in page
            page.goto(url)
            assert page.locator("h1").count() == 1, name
            top = h1_top(page)
            assert top <= H1_LIMIT[viewport["width"]], f"{name}: h1 at {top}px"
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_on_a_phone_the_banner_is_one_band_with_real_tap_targets(
    browser, live_server, language
):
    context, page = open_page(browser, live_server, viewport=PHONE)
    context.set_extra_http_headers({"Accept-Language": language})
    try:
        page.goto("/")
        banner = page.locator("[data-crisis-banner]")
        assert banner.bounding_box()["height"] <= 96
        for href in ["tel:988", "sms:988"]:
            link = banner.locator(f'.crisis-line a[href="{href}"]')
            box = link.bounding_box()
            assert box["height"] >= 44, href
            assert box["width"] >= 44, href
            # The accessible name is the visible text, nothing spelled out.
            assert link.get_attribute("aria-label") is None
        more = banner.locator('a[href="/help/"]')
        assert more.is_visible()
        assert more.bounding_box()["height"] >= 44
    finally:
        context.close()


def test_on_a_phone_the_banner_names_match_what_it_shows(browser, live_server):
    context, page = open_page(browser, live_server, viewport=PHONE)
    try:
        page.goto("/")
        banner = page.locator("[data-crisis-banner]")
        for name, href in [("Call 988", "tel:988"), ("Text 988", "sms:988")]:
            link = banner.get_by_role("link", name=name, exact=True)
            assert link.get_attribute("href") == href
            assert link.inner_text() == name
        more = banner.get_by_role("link", name="More help", exact=True)
        assert more.get_attribute("href") == "/help/"
        heading = banner.get_by_role("heading", name="Struggling? Call or text 988")
        assert heading.is_visible()
    finally:
        context.close()


def test_on_a_phone_the_header_is_one_row_with_a_menu_that_opens_without_script(
    browser, live_server, member, pages
):
    context, page = open_page(browser, live_server, viewport=PHONE, user=member)
    try:
        page.goto(pages["feed"])
        header = page.locator(".site-header")
        assert header.bounding_box()["height"] <= 60
        badge = header.get_by_role("link", name="Notifications 1 unread")
        assert badge.is_visible()
        assert header.get_by_role("link", name="Search").is_visible()
        sign_out = header.get_by_role("link", name="Sign out")
        assert not sign_out.is_visible()
        page.get_by_text("Menu", exact=True).click()
        assert sign_out.is_visible()
        assert header.get_by_role("link", name="Articles").is_visible()
    finally:
        context.close()


def test_no_script_is_needed_for_the_phone_menu(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/")
        page.get_by_text("Menu", exact=True).click()
        header = page.locator(".site-header")
        assert header.get_by_role("link", name="Sign in").is_visible()
    finally:
        context.close()


def test_on_a_wide_screen_every_header_link_shows_without_opening_a_menu(
    browser, live_server, member, pages
):
    context, page = open_page(browser, live_server, viewport=DESKTOP, user=member)
    try:
        page.goto(pages["feed"])
        header = page.locator(".site-header")
        assert not header.get_by_text("Menu", exact=True).is_visible()
        for name in ["Articles", "Community", "Questions", "Search", "Sign out"]:
            assert header.get_by_role("link", name=name).is_visible(), name
        assert header.get_by_role("link", name="Notifications 1 unread").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_axe_finds_nothing_in_either_colour_scheme(
    browser, live_server, member, pages, scheme, viewport
):
    context, page = open_page(
        browser, live_server, viewport=viewport, scheme=scheme, user=member
    )
    try:
        for name, url in [*pages.items(), ("help", "/help/")]:
            page.goto(url)
            assert serious_accessibility_violations(page) == [], f"{name} {scheme}"
    finally:
        context.close()


CONTRAST_OF_CUSTOM_PROPERTIES = """([ring, backgrounds]) => {
  const probe = document.createElement("span");
  document.body.append(probe);
  const rgb = (name) => {
    probe.style.color = getComputedStyle(document.documentElement)
      .getPropertyValue(name).trim();
    return getComputedStyle(probe).color.match(/\\d+/g).slice(0, 3).map(Number);
  };
  const luminance = (channels) => {
    const [r, g, b] = channels.map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const out = {};
  for (const background of backgrounds) out[background] = ratio(ring, background);
  probe.remove();
  return out;
}"""
FOCUS_BACKGROUNDS = [
    ("--focus", ["--paper", "--card", "--tint-brand", "--tint-warm", "--tint-note"]),
    ("--focus-on-crisis", ["--crisis-bg"]),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focus_ring_stands_out_three_to_one_on_every_background(
    browser, live_server, scheme
):
    context, page = open_page(browser, live_server, viewport=PHONE, scheme=scheme)
    try:
        page.goto("/help/")
        for ring, backgrounds in FOCUS_BACKGROUNDS:
            ratios = page.evaluate(CONTRAST_OF_CUSTOM_PROPERTIES, [ring, backgrounds])
            for background, ratio in ratios.items():
                assert ratio >= 3, f"{ring} on {background}: {ratio:.2f}:1 ({scheme})"
        # The ring drawn is the one measured: focus a link on a card and read it.
        card_link = page.locator(".card a").first
        card_link.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        drawn = page.evaluate(
            "() => getComputedStyle(document.activeElement).outlineColor"
        )
        wanted = page.evaluate(
            """() => { const p = document.createElement('span');
            p.style.color = 'var(--focus)'; document.body.append(p);
            const c = getComputedStyle(p).color; p.remove(); return c; }"""
        )
        assert drawn == wanted
    finally:
        context.close()
