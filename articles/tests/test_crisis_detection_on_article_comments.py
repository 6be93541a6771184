"""The crisis detector runs on article comments too: the comment publishes, its
author sees the note once, moderators get the urgent item (safety.md 5)."""

import pytest

from articles.tests.factories import make_published
from forum.models import Post, QueueItem

pytestmark = pytest.mark.django_db


def test_an_article_comment_with_crisis_words_raises_the_item_and_the_note(
    client, member, editor, medical_reviewer
):
    article = make_published(editor, medical_reviewer)
    client.force_login(member)
    response = client.post(
        f"/conversations/{article.conversation_id}/post/",
        {"body": "Reading this and honestly I don't want to be here anymore"},
        follow=True,
    )
    html = response.content.decode()
    assert html.count('class="card support-note"') == 1
    note = html.split('class="card support-note"')[1]
    assert "Your post is up." in note
    assert 'href="tel:988"' in note
    comment = Post.objects.get(conversation=article.conversation)
    assert comment.status == "published"
    item = QueueItem.objects.open().get()
    assert item.priority == QueueItem.Priority.URGENT
    match = item.crisis_matches.get()
    assert (match.post, match.kind, match.phrase) == (
        comment,
        "crisis",
        "don't want to be here",
    )
