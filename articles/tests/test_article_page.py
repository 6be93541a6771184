import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import publishing
from articles.models import PollOption, Reference
from articles.tests.factories import (
    make_draft,
    make_poll,
    make_published,
    publish_change,
)
from forum import actions, moderation

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(editor, medical_reviewer):
    return make_published(
        editor,
        medical_reviewer,
        key_takeaways=["One.", "Two.", "Three.", "Four, hidden at first."],
        body="## Part one\n\nText.\n\n## Part two\n\nMore.\n\n## Part three\n\nEnd.",
    )


def html_of(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_sections_appear_in_the_expected_order(client, article):
    make_poll(article)
    html = html_of(client, article)
    markers = [
        '<h1 id="article-title"',
        "Medically reviewed by",
        "Posted",
        "Key Takeaways",
        "View full summary",
        'class="article-body"',
        "If someone may be overdosing",
        "References",
        "Disclosure",
        "Page last reviewed:",
        'id="poll-title"',
        "Join the Conversation",
    ]
    positions = [html.index(marker) for marker in markers]
    assert positions == sorted(positions)


def test_byline_names_the_reviewer_with_credentials(client, article):
    html = html_of(client, article)
    assert re.search(r"Medically reviewed by <a [^>]*>Avery Chen, PharmD</a>", html)


def test_first_three_takeaways_show_and_the_rest_expand(client, article):
    box = html_of(client, article).split('class="takeaways"')[1]
    visible, hidden = box.split("<summary>View full summary</summary>")
    assert "<li>Three.</li>" in visible
    assert "Four, hidden at first." not in visible
    assert "<li>Four, hidden at first.</li>" in hidden.split("</details>")[0]


def test_long_articles_get_a_table_of_contents(client, article):
    html = html_of(client, article)
    assert '<a href="#part-two">Part two</a>' in html
    assert '<h2 id="part-two">Part two</h2>' in html


def test_disclosure_says_no_advertising_unless_sponsored(
    client, article, django_capture_on_commit_callbacks
):
    html = html_of(client, article)
    assert "We don't accept advertising or sponsorship" in html
    assert "Sponsored" not in html
    article.sponsor = "A Health Foundation"
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save_article(article, editor=article.author)
        publish_change(article)  # sponsorship is reviewed content too
    html = html_of(client, article)
    assert '<p class="sponsored-label">Sponsored</p>' in html
    assert "sponsored by A Health Foundation" in html
    assert "supports, and doesn't replace, care" in html


def test_review_dates_show_on_the_page(client, article):
    html = html_of(client, article)
    assert (
        f'Page last reviewed: <time datetime="{article.last_reviewed_on:%Y-%m-%d}">'
        in html
    )
    assert "Next review due:" in html


def test_json_ld_describes_a_medically_reviewed_page(client, article):
    html = html_of(client, article)
    block = re.search(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
    ).group(1)
    data = json.loads(block)
    assert data["@type"] == "MedicalWebPage"
    assert data["reviewedBy"]["name"] == "Avery Chen"
    assert data["reviewedBy"]["honorificSuffix"] == "PharmD"
    assert data["lastReviewed"] == article.last_reviewed_on.isoformat()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["lastReviewed"])


def test_a_title_cannot_break_out_of_the_json_ld(client, editor, medical_reviewer):
    article = make_published(
        editor, medical_reviewer, title="Bad </script><script>alert(1)</script>"
    )
    html = html_of(client, article)
    block = re.search(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
    ).group(1)
    assert json.loads(block)["headline"] == article.title
    assert "<script>alert(1)" not in html


def test_canonical_and_open_graph_tags(client, article):
    html = html_of(client, article)
    assert (
        f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">'
        in html
    )
    assert f'<meta property="og:title" content="{article.title}">' in html


def test_body_html_is_sanitised_at_write_time(editor):
    article = make_draft(
        editor,
        body=(
            "## Hi\n\n<script>alert(1)</script>\n\n"
            "[x](javascript:alert(1)) <img src=x onerror=alert(1)>"
        ),
    )
    assert "<script" not in article.body_html
    assert "javascript:" not in article.body_html
    assert "onerror" not in article.body_html


def test_drafts_are_hidden_from_visitors_and_members(client, editor, member):
    article = make_draft(editor)
    assert client.get(article.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_staff_preview_a_draft_with_a_bar_and_noindex(client, editor):
    article = make_draft(editor)
    client.force_login(editor)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: not yet medically reviewed" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    assert "application/ld+json" not in response.content.decode()


def test_visitors_see_a_join_prompt_not_the_conversation(client, article, member):
    actions.post_comment(article.conversation, author=member, body="Members only words")
    html = html_of(client, article)
    assert "Members only words" not in html
    assert "Join under a nickname" in html
    assert "Ask a question" in html


def test_members_see_and_join_the_conversation(client, article, member):
    client.force_login(member)
    response = client.post(
        f"/conversations/{article.conversation_id}/post/", {"body": "Thank you!"}
    )
    assert response["Location"].startswith(article.get_absolute_url() + "#post-")
    html = html_of(client, article)
    assert "Thank you!" in html
    assert "All updates must be accompanied by text or a picture." in html


def grow(article, member, other, n):
    article.key_takeaways += [f"Extra point {i}." for i in range(n)]
    article.save()
    Reference.objects.bulk_create(
        Reference(article=article, position=10 + i, text=f"Ref {i}") for i in range(n)
    )
    PollOption.objects.bulk_create(
        PollOption(poll=article.poll, position=10 + i, text=f"Option {i}")
        for i in range(min(n, 3))
    )
    publish_change(article)
    for i in range(n):
        post = actions.post_comment(
            article.conversation, author=member, body=f"c{i}"
        ).post
        reply = actions.reply_to_post(post, author=other, body=f"r{i}").post
        actions.set_reaction(reply, member=member, kind="hug", on=True)


def test_page_queries_do_not_grow_with_its_content(
    client, article, member, other_member
):
    make_poll(article, options=("A", "B"))
    actions.post_comment(article.conversation, author=member, body="first")
    client.force_login(member)
    url = article.get_absolute_url()
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    grow(article, member, other_member, 30)
    with CaptureQueriesContext(connection) as large:
        html = client.get(url).content.decode()
    assert "Extra point 29." in html
    assert "c29" in html
    assert len(large) == len(small)


def test_visitor_page_queries_do_not_grow_with_its_content(
    client, article, member, other_member
):
    make_poll(article, options=("A", "B"))
    url = article.get_absolute_url()
    cache.clear()  # measure rendering, not the page cache
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    grow(article, member, other_member, 30)
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_the_article_page_previews_replies_and_links_to_the_rest(
    client, article, member, other_member, settings
):
    settings.ARTICLES_INLINE_REPLIES = 2
    settings.FORUM_INLINE_REPLIES = 10
    root = actions.post_comment(
        article.conversation, author=member, body="Big topic"
    ).post
    for n in range(5):
        actions.reply_to_post(root, author=other_member, body=f"answer {n}")
    client.force_login(member)

    html = html_of(client, article)
    assert "answer 1" in html
    assert "answer 2" not in html
    assert "Show 3 more replies" in html
    assert f'href="/conversations/{article.conversation_id}/"' in html
    assert f'href="/conversations/{article.conversation_id}/print/"' in html
    # The conversation's own page shows its full allowance of inline replies.
    page = client.get(f"/conversations/{article.conversation_id}/").content.decode()
    assert "answer 4" in page


def test_a_pinned_comment_comes_first_in_the_conversation_preview(
    client, article, member, moderator
):
    first, second, third = (
        actions.post_comment(article.conversation, author=member, body=f"c{n}").post
        for n in range(3)
    )
    moderation.set_pinned(first, moderator=moderator, pinned=True)
    client.force_login(member)
    html = html_of(client, article)
    shown = [int(pk) for pk in re.findall(r'<article id="post-(\d+)"', html)]
    assert shown == [first.pk, third.pk, second.pk]


def test_the_page_stays_within_its_query_budget(
    client, article, member, django_assert_max_num_queries
):
    # Readers' content comes from the live revision, joined into the article's
    # own query. A member's: session, member (with whether a sanction is in
    # force or a permission held), article (with their vote), topics, poll
    # options, top-level posts, replies, their reactions, the unread counts.
    make_poll(article)
    comment = actions.post_comment(
        article.conversation, author=member, body="first"
    ).post
    cache.clear()
    with django_assert_max_num_queries(4):
        visitors_page = html_of(client, article)
    assert "Part three" in visitors_page
    client.force_login(member)
    with django_assert_max_num_queries(9):
        members_page = html_of(client, article)
    assert "Part three" in members_page
    assert f'<article id="post-{comment.pk}"' in members_page
