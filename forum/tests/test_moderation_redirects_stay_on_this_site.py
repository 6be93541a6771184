"""Moderators' forms follow `next` only within this site (item 13 of issue 11)."""

import pytest

from community.tests.two_factor import sign_in_with_two_factor
from forum import actions
from forum.models import Conversation, Post, Status

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "target", ["https://evil.example/x", "javascript:alert(1)", "//evil.example/"]
)
def test_moderation_actions_never_redirect_off_site(client, moderator, target):
    conversation = Conversation.objects.create(title="A conversation")
    sign_in_with_two_factor(client, moderator)

    response = client.post(
        f"/moderation/conversations/{conversation.pk}/lock/",
        {"locked": "1", "next": target},
    )

    assert response.status_code == 302
    assert response["Location"] == "/moderation/"
    conversation.refresh_from_db()
    assert conversation.is_locked


def test_a_queue_action_follows_a_next_on_this_site(client, member, moderator):
    post = actions.post_update(author=member, body="An update").post
    sign_in_with_two_factor(client, moderator)

    response = client.post(
        f"/moderation/posts/{post.pk}/hide/",
        {"reason": "Off topic", "next": "https://evil.example/x"},
    )
    assert response["Location"] == "/moderation/"
    assert Post.objects.get(pk=post.pk).status == Status.HIDDEN

    response = client.post(
        f"/moderation/posts/{post.pk}/restore/", {"next": f"/posts/{post.pk}/"}
    )
    assert response["Location"] == f"/posts/{post.pk}/"
