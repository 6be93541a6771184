import pytest
from django.contrib.auth.models import AnonymousUser

from community.sanitize import render_member_text
from forum.models import Post
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


def test_visitors_see_an_invitation_not_the_feed(client, member):
    make_update(member, body="Members-only words")
    response = client.get("/community/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Members-only words" not in html
    assert "Join under a nickname" in html


def test_visitors_cannot_open_member_posts(client, member):
    post = make_update(member)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert list(Post.objects.visible_to(AnonymousUser())) == []


def test_member_pages_are_not_indexed_or_shared_cached(client, member):
    post = make_update(member)
    client.force_login(member)
    for url in ["/community/", post.get_absolute_url(), "/questions/"]:
        response = client.get(url)
        assert response["X-Robots-Tag"] == "noindex"
        assert "private" in response["Cache-Control"]


def test_held_posts_are_seen_only_by_their_author_and_moderators(
    member, other_member, moderator
):
    post = make_update(member)
    Post.objects.filter(pk=post.pk).update(status="held")
    assert post in Post.objects.visible_to(member)
    assert post in Post.objects.visible_to(moderator)
    assert post not in Post.objects.visible_to(other_member)


def test_author_sees_their_held_post_marked_waiting(client, member):
    post = make_update(member)
    Post.objects.filter(pk=post.pk).update(status="held")
    client.force_login(member)
    assert "Waiting for review" in client.get("/community/").content.decode()


def test_member_text_is_stored_as_typed_and_rendered_once(member):
    post = make_update(member, body="Hi <b>all</b>\nsee https://example.org")
    assert post.body == "Hi <b>all</b>\nsee https://example.org"
    assert post.body_html == render_member_text(post.body)
    assert "<b>" not in post.body_html
    assert 'rel="nofollow ugc noopener noreferrer"' in post.body_html
