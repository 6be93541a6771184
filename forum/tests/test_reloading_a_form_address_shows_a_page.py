"""Opening the address a form posts to (a reload, a bookmark) never shows a blank."""

import pytest

from forum.tests.factories import make_conversation, make_update

pytestmark = pytest.mark.django_db


def test_reloading_the_update_address_after_a_refusal_shows_the_feed(client, member):
    client.force_login(member)
    refused = client.post("/community/post/", {"body": "   "})
    assert refused.status_code == 400
    assert "All updates must be accompanied by text or a picture." in (
        refused.content.decode()
    )
    response = client.get("/community/post/", follow=True)
    assert response.redirect_chain == [("/community/", 302)]
    assert response.status_code == 200
    assert 'name="body"' in response.content.decode()


def test_reloading_a_conversation_post_address_returns_to_the_conversation(
    client, member
):
    conversation = make_conversation()
    client.force_login(member)
    response = client.get(f"/conversations/{conversation.pk}/post/")
    assert response.status_code == 302
    assert response["Location"] == conversation.get_absolute_url()


def test_a_post_only_address_opened_directly_is_a_site_page(client, member):
    post = make_update(member)
    client.force_login(member)
    response = client.get(f"/posts/{post.pk}/delete/")
    html = response.content.decode()
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "data-crisis-banner" in html
    assert "There's nothing to show at this address" in html
    post.refresh_from_db()
    assert post.status == "published"
