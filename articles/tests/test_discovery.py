import pytest

from articles.models import Topic
from articles.tests.factories import make_draft, make_published
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(editor, medical_reviewer):
    article = make_published(editor, medical_reviewer, title="Naloxone basics")
    topic = Topic.objects.create(name="Overdose", slug="overdose")
    article.topics.add(topic)
    return article


def test_article_list_shows_published_only(client, published, editor):
    make_draft(editor, title="Secret draft")
    html = client.get("/articles/").content.decode()
    assert "Naloxone basics" in html
    assert "Secret draft" not in html


def test_topic_page_lists_its_articles(client, published):
    html = client.get("/articles/topics/overdose/").content.decode()
    assert "Naloxone basics" in html


@pytest.mark.parametrize("url", ["/articles/feed/", "/articles/rss/"])
def test_feeds_carry_published_articles(client, published, editor, url):
    make_draft(editor, title="Secret draft")
    body = client.get(url).content.decode()
    assert "Naloxone basics" in body
    assert "Secret draft" not in body


def test_sitemap_lists_public_pages_and_no_member_content(
    client, published, editor, member
):
    make_draft(editor, title="Secret draft")
    post = make_update(member)
    xml = client.get("/sitemap.xml").content.decode()
    assert published.get_absolute_url() in xml
    assert "/help/" in xml
    assert "/articles/topics/overdose/" in xml
    assert "secret-draft" not in xml
    assert post.get_absolute_url() not in xml
    assert "/members/" not in xml
    assert "/community/" not in xml


def test_reviewer_page_lists_reviewed_articles(client, published, medical_reviewer):
    html = client.get(f"/reviewers/{medical_reviewer.pk}/").content.decode()
    assert "Avery Chen, PharmD" in html
    assert "Naloxone basics" in html
    assert "Conflict-of-interest disclosure" in html
