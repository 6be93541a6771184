"""Whatever members and visitors type is shown as text: no payload ever runs.

Classic cross-site-scripting payloads go in through the real actions and come out
in a real browser, on the feed, the question list, every thread page, the reply
page and the author's edit form. Any dialog, script element, event handler,
frame or non-web link inside member text fails the test.
"""

import re

import pytest
from playwright.sync_api import expect

from forum import actions, moderation
from forum.models import Post

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click me</a>',
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "[x](javascript:alert(1))",
    "</textarea><script>alert(1)</script>",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",  # fullwidth angle brackets
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    '<a href="jav&#x61;script:alert(1)">encoded</a>',
    '<a href="java\tscript:alert(1)">tabbed</a>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<details open ontoggle=alert(1)>open</details>",
    "<input autofocus onfocus=alert(1)>",
    "<body onload=alert(1)>",
    "<math><mtext></p><script>alert(1)</script></mtext></math>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    'https://example.com/"onmouseover=alert(1)//',
    "<a href='https://example.com/' onmouseover='alert(1)'>hover me</a>",
    "Line one\n\n<script>alert(1)</script>\nhttp://example.org/?q=<svg/onload=alert(1)>",
]
REPLY_PAYLOAD = "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>"
QUESTION_PAYLOAD = (
    'Is this safe? "><img src=x onerror=alert(1)> '
    '<a href="javascript:alert(1)">x</a> https://example.net/\'onmouseover=alert(1)'
)
MEMBER_TAGS = {"p", "br", "a"}


def shown_as_text(text):
    return re.sub(r"\s+", " ", text).strip()


def watch_for_script(page):
    """Record every dialog (and dismiss it) and every uncaught page error."""
    seen = []

    def on_dialog(dialog):
        seen.append(f"{dialog.type}: {dialog.message} on {page.url}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: seen.append(f"error: {error} on {page.url}"))
    return seen


def visit_and_check(page, url, seen):
    """Load a page, provoke handlers, and check member text stayed inert.

    Returns how many links inside member text were checked.
    """
    page.goto(url)
    arrived = page.url
    assert seen == [], url
    bodies = page.locator(".post-body")
    links = page.locator(".post-body a")
    for element in [*bodies.all(), *links.all()]:
        if element.is_visible():
            element.hover()
    for link in links.all():
        link.focus()
    page.wait_for_timeout(100)  # let any deferred handler (ontoggle, onbegin) fire

    assert seen == [], url
    assert page.url == arrived, f"{url}: something navigated the page"
    assert len(page.frames) == 1, f"{url}: a frame appeared"
    assert page.locator(".post-body script").count() == 0, url
    tags = set(
        bodies.evaluate_all(
            "bodies => bodies.flatMap(b => [...b.querySelectorAll('*')])"
            ".map(e => e.localName)"
        )
    )
    assert tags <= MEMBER_TAGS, f"{url}: unexpected elements {tags - MEMBER_TAGS}"
    attributes = set(
        bodies.evaluate_all(
            "bodies => bodies.flatMap(b => [...b.querySelectorAll('*')])"
            ".flatMap(e => [...e.attributes].map(a => e.localName + ' ' + a.name))"
        )
    )
    assert attributes <= {"a href", "a rel"}, f"{url}: attributes {attributes}"
    for link in links.all():
        href = link.get_attribute("href")
        assert href.startswith(("http://", "https://")), f"{url}: href {href!r}"
        rel = (link.get_attribute("rel") or "").split()
        assert {"nofollow", "ugc"} <= set(rel), f"{url}: rel {rel}"
    return links.count()


@pytest.mark.parametrize(
    "policy",
    [
        pytest.param("site", id="with-the-sites-content-security-policy"),
        # The policy would block inline handlers anyway; without it, a dialog
        # proves the escaping alone let a payload run.
        pytest.param(None, id="with-no-content-security-policy"),
    ],
)
def test_member_and_visitor_text_never_runs_script(
    policy, page, member, other_member, moderator, sign_in, settings
):
    if policy is None:
        settings.SECURE_CSP = {}
    settings.FORUM_PAGE_SIZE = 100  # every payload on one feed page
    updates = [actions.post_update(author=member, body=body).post for body in PAYLOADS]
    reply = actions.reply_to_post(
        updates[0], author=other_member, body=REPLY_PAYLOAD
    ).post
    question = actions.ask_question(
        author=None, body=QUESTION_PAYLOAD, visitor_key="visitor-for-xss-test"
    ).post
    question = moderation.approve_post(question, moderator=moderator)
    assert question.status == "published"
    written = {post.pk: post.body for post in [*updates, reply, question]}

    seen = watch_for_script(page)
    sign_in(member)
    links_checked = 0
    headers = page.goto("/community/").headers
    assert ("content-security-policy" in headers) == (policy is not None)

    links_checked += visit_and_check(page, "/community/", seen)
    for post in [*updates, question]:
        card = page.locator(f"article#post-{post.pk} .post-body")
        expect(card).to_have_count(1)
        assert shown_as_text(card.inner_text()) == shown_as_text(post.body)

    links_checked += visit_and_check(page, "/questions/", seen)
    question_card = page.locator(f"article#post-{question.pk}")
    expect(question_card.locator(".post-author")).to_have_text(
        "A Steady Ground Visitor"
    )
    assert shown_as_text(
        question_card.locator(".post-body").inner_text()
    ) == shown_as_text(QUESTION_PAYLOAD)

    for post in [*updates, reply, question]:
        links_checked += visit_and_check(page, f"/posts/{post.pk}/", seen)
        card = page.locator(f"article#post-{post.pk} .post-body")
        expect(card).to_have_count(1)
        assert shown_as_text(card.inner_text()) == shown_as_text(written[post.pk])
        if post.pk == reply.pk:
            assert page.url.endswith(f"/posts/{updates[0].pk}/#post-{reply.pk}")

        visit_and_check(page, f"/posts/{post.pk}/reply/", seen)
        expect(page.get_by_label("Your reply")).to_have_value("")
        # The quoted body is text only: no element of the member's making.
        quoted = page.locator("blockquote.quoted .quoted-body")
        assert quoted.evaluate("q => q.children.length") == 0
        assert shown_as_text(written[post.pk]).split()[0] in quoted.inner_text()

    for post in updates:
        visit_and_check(page, f"/posts/{post.pk}/edit/", seen)
        # The draft comes back exactly as written, however it tries to break out.
        expect(page.locator("textarea")).to_have_count(1)
        assert page.get_by_label("Your update").input_value() == post.body

    assert seen == []
    assert links_checked > 0  # the link checks above were not vacuous
    assert Post.objects.count() == len(PAYLOADS) + 2
