import pytest
from django.test import Client

from articles.tests.factories import make_draft, make_published
from forum import moderation
from forum import search as forum_search
from forum.models import Post
from forum.search import on_postgres
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(editor, medical_reviewer, member, moderator):
    article = make_published(
        editor,
        medical_reviewer,
        title="Naloxone basics",
        body="## Naloxone\n\nCarry it.",
    )
    make_draft(editor, title="Naloxone draft", slug="naloxone-draft")
    visible = make_update(member, body="I carry naloxone in my backpack now.")
    held = make_update(member, body="naloxone for sale, text me 555-201-3344")
    hidden = make_update(member, body="A naloxone post a moderator hid.")
    moderation.hide_post(hidden, moderator=moderator, reason="Off topic")
    removed = make_update(member, body="A naloxone post a moderator removed.")
    moderation.remove_post(removed, moderator=moderator, reason="Spam")
    assert Post.objects.get(pk=held.pk).status == "held"
    return {"article": article, "visible": visible}


def test_visitors_find_articles_but_never_posts(client, content):
    response = client.get("/search/", {"q": "naloxone"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Naloxone basics" in html
    assert "Naloxone draft" not in html
    assert "backpack" not in html
    assert "Members can also search" in html


def test_members_find_published_posts_only(client, content, other_member):
    client.force_login(other_member)
    html = client.get("/search/", {"q": "naloxone"}).content.decode()
    assert "backpack" in html
    for never in ["for sale", "moderator hid", "moderator removed"]:
        assert never not in html


def test_authors_do_not_find_their_own_held_or_hidden_posts(client, content, member):
    client.force_login(member)
    html = client.get("/search/", {"q": "naloxone"}).content.decode()
    assert "for sale" not in html
    assert "moderator hid" not in html


def test_hits_are_highlighted_and_member_text_stays_escaped(client, member):
    make_update(member, body="<script>alert(1)</script> recovery walk")
    client.force_login(member)
    html = client.get("/search/", {"q": "walk"}).content.decode()
    assert "<mark>walk</mark>" in html
    assert "<script>alert(1)</script>" not in html


def test_empty_or_punctuation_queries_show_the_form(client):
    for query in ["", "   ", "!!!"]:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200


@pytest.mark.rate_limits
def test_visitor_search_is_rate_limited(settings):
    settings.FORUM_RATE_LIMITS = {
        **settings.FORUM_RATE_LIMITS,
        "visitor_search": (2, 60),
    }
    visitor = Client()
    for _ in range(2):
        assert visitor.get("/search/", {"q": "sleep"}).status_code == 200
    response = visitor.get("/search/", {"q": "sleep"})
    assert response.status_code == 429
    assert 'value="sleep"' in response.content.decode()


@pytest.mark.skipif(not on_postgres(), reason="PostgreSQL full-text search ranks")
def test_ranking_considers_only_the_newest_matches(member, monkeypatch):
    """So search costs the same at any size (forum/search.py, RANKED_CANDIDATES)."""
    monkeypatch.setattr(forum_search, "RANKED_CANDIDATES", 2)
    _oldest, middle, newest = (
        make_update(member, body=f"Cravings came back, day {n}.") for n in range(3)
    )
    found = forum_search.search_posts(member, "cravings")
    assert {post.pk for post in found} == {middle.pk, newest.pk}


def test_an_article_result_is_marked_in_its_own_language(client, content):
    html = client.get("/search/", {"q": "naloxone"}).content.decode()
    assert '<h3 class="teaser-title" lang="en">' in html
