"""The print view's link back goes to the article its conversation belongs to;
forum/hosts.py reads that article for it through a compiled query."""

import pytest

from articles.models import Article
from articles.tests.factories import make_published
from forum import hosts
from forum.models import Conversation

pytestmark = pytest.mark.django_db


def _columns(instance):
    return {f.attname: getattr(instance, f.attname) for f in Article._meta.fields}


@pytest.fixture
def article(editor, medical_reviewer):
    return make_published(editor, medical_reviewer)


def test_the_print_view_links_back_to_its_article(client, member, article):
    client.force_login(member)
    response = client.get(f"/conversations/{article.conversation_id}/print/")
    assert response.status_code == 200
    back = f'<p class="breadcrumbs no-print"><a href="{article.get_absolute_url()}">'
    assert back in response.content.decode()


def test_an_attached_host_is_the_article_the_relation_would_fetch(
    article, django_assert_num_queries
):
    conversation = hosts.with_host(Conversation.objects.get(pk=article.conversation_id))
    with django_assert_num_queries(0):
        assert conversation.get_absolute_url() == article.get_absolute_url()
        host = conversation.host
    fetched = Article._base_manager.get(pk=article.pk)
    assert type(host) is Article
    assert _columns(host) == _columns(fetched)
    assert host._state.db == fetched._state.db
    assert not host._state.adding


def test_a_conversation_without_a_host_keeps_its_own_address(
    django_assert_num_queries,
):
    conversation = Conversation.objects.create(title="On its own")
    with django_assert_num_queries(0):
        hosts.with_host(conversation)
        url = conversation.get_absolute_url()
    assert url == f"/conversations/{conversation.pk}/"
