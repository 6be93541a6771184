import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction

from forum import actions, moderation
from forum.models import ModerationLog, Notification, Post, QueueItem
from forum.tests.factories import make_reply, make_update

pytestmark = pytest.mark.django_db


def test_moderator_hides_restores_and_removes_with_reasons(member, moderator):
    post = make_update(member)
    moderation.hide_post(post, moderator=moderator, reason="Off topic")
    assert Post.objects.get(pk=post.pk).status == "hidden"
    moderation.restore_post(post, moderator=moderator, reason="On reflection, fine")
    assert Post.objects.get(pk=post.pk).status == "published"
    moderation.remove_post(post, moderator=moderator, reason="Shares a phone number")
    post.refresh_from_db()
    assert (post.status, post.status_reason) == ("removed", "Shares a phone number")
    assert list(
        ModerationLog.objects.order_by("id").values_list("action", flat=True)
    ) == [
        "hide",
        "restore",
        "remove",
    ]
    details = list(
        Notification.objects.filter(recipient=member).values_list("detail", flat=True)
    )
    assert "A moderator removed your post: Shares a phone number" in details


@pytest.mark.parametrize(
    "action",
    ["hide_post", "remove_post", "restore_post", "approve_post", "reject_post"],
)
def test_members_cannot_moderate(member, other_member, action):
    post = make_update(member)
    with pytest.raises(PermissionDenied):
        getattr(moderation, action)(post, moderator=other_member, reason="x")
    assert Post.objects.get(pk=post.pk).status == "published"
    assert not ModerationLog.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/moderation/",
        "/moderation/log/",
        "/moderation/overview/",
        "/moderation/watched-words/",
        "/moderation/messages/",
    ],
)
def test_members_get_403_on_every_moderation_page(client, member, path):
    client.force_login(member)
    assert client.get(path).status_code == 403


def test_members_cannot_call_moderation_actions_by_url(client, member, other_member):
    post = make_update(other_member)
    client.force_login(member)
    for action in ["hide", "remove", "approve", "pin"]:
        response = client.post(
            f"/moderation/posts/{post.pk}/{action}/", {"reason": "because"}
        )
        assert response.status_code == 403
    assert client.post(f"/moderation/members/{other_member.pk}/", {}).status_code == 403
    assert Post.objects.get(pk=post.pk).status == "published"
    assert not ModerationLog.objects.exists()


def test_moderators_without_two_factor_are_sent_to_set_it_up(client, member):
    from community.permissions import Role, assign_role

    assign_role(member, Role.MODERATOR)
    client.force_login(member)
    response = client.get("/moderation/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_moderators_with_two_factor_reach_the_queue(client, moderator):
    client.force_login(moderator)
    assert client.get("/moderation/").status_code == 200


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("withdrawn", "hide_post"),
        ("rejected", "restore_post"),
        ("published", "approve_post"),
        ("held", "hide_post"),
    ],
)
def test_transitions_the_table_does_not_allow_are_refused(
    member, moderator, status, action
):
    post = make_update(member)
    Post.objects.filter(pk=post.pk).update(status=status)
    with pytest.raises(ValidationError) as refused:
        getattr(moderation, action)(post, moderator=moderator, reason="a reason")
    assert refused.value.code == "bad_transition"
    assert Post.objects.get(pk=post.pk).status == status
    assert not ModerationLog.objects.exists()


def test_hiding_and_removing_need_a_reason(member, moderator):
    post = make_update(member)
    for action in [moderation.hide_post, moderation.remove_post]:
        with pytest.raises(ValidationError, match="reason"):
            action(post, moderator=moderator, reason="  ")
    assert Post.objects.get(pk=post.pk).status == "published"


def test_removed_post_keeps_its_replies_as_a_tombstone(
    client, member, other_member, moderator
):
    post = make_update(member, body="To be removed")
    make_reply(post, other_member, body="Reply that stays")
    moderation.remove_post(post, moderator=moderator, reason="Sourcing")
    client.force_login(other_member)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Removed by a moderator" in html
    assert "Sourcing" not in html  # the reason is for the author and moderators
    assert "To be removed" not in html
    assert "Reply that stays" in html


def test_locked_conversations_take_no_new_posts(member, moderator):
    from forum.tests.factories import make_conversation

    conversation = make_conversation()
    moderation.set_conversation_lock(conversation, moderator=moderator, locked=True)
    with pytest.raises(PermissionDenied):
        actions.post_comment(conversation, author=member, body="Anyone?")
    assert ModerationLog.objects.get().action == "lock"


def test_an_action_closes_the_queue_item(member, moderator):
    post = actions.ask_question(
        author=None, body="A visitor asks", visitor_key="v"
    ).post
    item = QueueItem.objects.open().get(post=post)
    moderation.approve_post(post, moderator=moderator)
    item.refresh_from_db()
    assert item.closed_by == moderator
    assert item.closed_at is not None


def test_the_log_cannot_be_changed_or_deleted_through_the_app(member, moderator):
    post = make_update(member)
    moderation.hide_post(post, moderator=moderator, reason="Off topic")
    entry = ModerationLog.objects.get()
    entry.reason = "Rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        ModerationLog.objects.update(reason="Rewritten")
    with pytest.raises(PermissionError):
        ModerationLog.objects.all().delete()
    assert ModerationLog.objects.get().reason == "Off topic"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL trigger")
def test_the_database_refuses_to_change_the_log(member, moderator):
    post = make_update(member)
    moderation.hide_post(post, moderator=moderator, reason="Off topic")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
        cur.execute("UPDATE forum_moderationlog SET reason = 'x'")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
        cur.execute("DELETE FROM forum_moderationlog")
    assert ModerationLog.objects.get().reason == "Off topic"


def test_the_admin_shows_the_log_read_only(client, moderator):
    from django.contrib.admin.sites import site

    model_admin = site._registry.get(ModerationLog)
    assert model_admin is not None
    request = type("Request", (), {"user": moderator})()
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
