import pytest
from django.core.exceptions import PermissionDenied

from forum import actions, moderation
from forum.models import Post, Revision
from forum.tests.factories import make_reply, make_update, picture_upload

pytestmark = pytest.mark.django_db


def test_editing_keeps_every_revision(member):
    post = make_update(member, body="First words")
    actions.edit_post(post, editor=member, body="Second words")
    actions.edit_post(post, editor=member, body="Third words")
    post.refresh_from_db()
    assert post.body == "Third words"
    assert "Third words" in post.body_html
    assert post.edited_at is not None
    assert list(Revision.objects.values_list("body", flat=True)) == [
        "Second words",
        "First words",
    ]


def test_edited_posts_show_a_marker(client, member):
    post = make_update(member, body="Before")
    actions.edit_post(post, editor=member, body="After")
    client.force_login(member)
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'class="post-edited"' in html
    assert "After" in html


def test_only_the_author_may_edit(client, member, other_member):
    post = make_update(member, body="Mine")
    with pytest.raises(PermissionDenied):
        actions.edit_post(post, editor=other_member, body="Hijacked")
    client.force_login(other_member)
    response = client.post(f"/posts/{post.pk}/edit/", {"body": "Hijacked"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.body == "Mine"
    assert not Revision.objects.exists()


def test_an_edit_can_swap_text_for_a_picture(member):
    post = make_update(member, body="Words")
    actions.edit_post(post, editor=member, body="", picture=picture_upload())
    post.refresh_from_db()
    assert post.body == ""
    assert post.picture


def test_deleting_leaves_a_tombstone_and_the_replies(client, member, other_member):
    post = make_update(member, body="I will delete this")
    reply = make_reply(post, other_member, body="A reply that stays")
    client.force_login(member)
    client.post(f"/posts/{post.pk}/delete/")
    post.refresh_from_db()
    assert post.status == "withdrawn"
    assert post.body == "I will delete this"  # kept, never hard-deleted
    client.force_login(other_member)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Removed by its author" in html
    assert "I will delete this" not in html
    assert "A reply that stays" in html
    assert Post.objects.filter(pk=reply.pk, status="published").exists()


def test_a_deleted_post_without_replies_leaves_the_feed(client, member):
    post = make_update(member, body="Short-lived")
    moderation.withdraw_post(post, author=member)
    client.force_login(member)
    html = client.get("/community/").content.decode()
    assert "Short-lived" not in html
    assert "Removed by its author" not in html


def test_only_the_author_may_delete(client, member, other_member):
    post = make_update(member)
    client.force_login(other_member)
    assert client.post(f"/posts/{post.pk}/delete/").status_code == 403
    post.refresh_from_db()
    assert post.status == "published"


def test_deleting_twice_is_refused_politely(client, member):
    post = make_update(member)
    client.force_login(member)
    client.post(f"/posts/{post.pk}/delete/")
    response = client.post(f"/posts/{post.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert "can&#x27;t be changed that way" in response.content.decode()


def test_tombstones_take_no_replies_or_reactions(member, other_member):
    post = make_update(member)
    moderation.withdraw_post(post, author=member)
    with pytest.raises(PermissionDenied):
        actions.reply_to_post(post, author=other_member, body="Too late")
    with pytest.raises(PermissionDenied):
        actions.set_reaction(post, member=other_member, kind="hug", on=True)
