"""Muting folds someone's posts away and drops their notifications; blocking also
stops them replying, reacting and mentioning, without telling them. Each behaviour
is seen from both sides: the member who mutes or blocks, and the one kept away."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from community import relations
from conftest import make_member
from forum import actions, moderation
from forum.models import Notification, QueueItem
from forum.tests.factories import (
    make_conversation,
    make_reply,
    make_thread,
    make_update,
)
from forum.tests.query_counting import queries_for

pytestmark = pytest.mark.django_db

MUTE, BLOCK = "mute", "block"


def fresh(user):
    """The same member as a new request would load them (no cached relations)."""
    return type(user).objects.get(pk=user.pk)


def test_a_muted_members_posts_are_collapsed_for_me_only(client, member, other_member):
    make_update(other_member, body="Marlow update about the week")
    relations.keep_away(member, other_member, MUTE)

    client.force_login(member)
    page = client.get("/community/").content.decode()
    assert '<details class="muted-post"><summary>You muted Marlow · show' in page
    assert "Marlow update about the week" in page  # one click away, no JS

    client.force_login(other_member)
    page = client.get("/community/").content.decode()
    assert "muted-post" not in page
    assert "Marlow update about the week" in page


def test_a_muted_members_notifications_are_dropped_and_they_are_not_told(
    member, other_member
):
    post = make_update(member)
    relations.keep_away(member, other_member, MUTE)
    reply = make_reply(post, other_member)
    actions.set_reaction(post, member=other_member, kind="hug", on=True)
    assert not Notification.objects.filter(recipient=member).exists()
    # Nothing changes for the muted member: they replied and reacted as ever.
    assert reply.status == "published"
    make_reply(reply, member)
    assert Notification.objects.filter(recipient=other_member, kind="reply").exists()


def test_unmuting_brings_notifications_back(member, other_member):
    post = make_update(member)
    relations.keep_away(member, other_member, MUTE)
    relations.let_back(member, other_member)
    make_reply(post, other_member)
    assert Notification.objects.filter(recipient=member, kind="reply").exists()


def test_a_blocked_member_cannot_reply_to_or_react_to_my_posts(member, other_member):
    post = make_update(member)
    relations.keep_away(member, other_member, BLOCK)
    blocked = fresh(other_member)
    with pytest.raises(PermissionDenied):
        actions.reply_to_post(post, author=blocked, body="Hello?")
    with pytest.raises(PermissionDenied):
        actions.set_reaction(post, member=blocked, kind="hug", on=True)
    # Blocking is one-way: I can still reply to their posts.
    theirs = make_update(other_member)
    assert make_reply(theirs, fresh(member)).parent == theirs


def test_a_blocked_member_is_refused_as_on_a_locked_post_and_never_told(
    client, member, other_member, moderator
):
    mine = make_update(member, body="My update")
    locked = make_update(moderator, body="A locked update")
    moderation.set_thread_lock(locked, moderator=moderator, locked=True)
    relations.keep_away(member, other_member, BLOCK)

    client.force_login(other_member)
    page = client.get("/community/").content.decode()
    mine_card = page[page.index(f'id="post-{mine.pk}"') :]
    mine_card = mine_card[: mine_card.index("</article>")]
    assert f"/posts/{mine.pk}/reply/" not in mine_card
    assert 'name="reaction"' not in mine_card
    assert "block" not in mine_card.lower()
    assert "muted" not in mine_card

    refused_mine = client.post(f"/posts/{mine.pk}/reply/", {"body": "Hi"})
    refused_locked = client.post(f"/posts/{locked.pk}/reply/", {"body": "Hi"})
    assert refused_mine.status_code == refused_locked.status_code == 403
    assert main_part(refused_mine) == main_part(refused_locked)
    reacted = client.post(f"/posts/{mine.pk}/react/", {"reaction": "hug:on"})
    assert reacted.status_code == 403
    assert b"block" not in reacted.content.lower()


def main_part(response):
    """The page's main text, without the per-request reference for support."""
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    return main.replace(response["X-Request-ID"], "<request id>")


def test_a_member_cannot_block_a_moderator_but_can_mute_one(member, moderator):
    with pytest.raises(ValidationError, match="Moderators can't be blocked"):
        relations.keep_away(member, moderator, BLOCK)
    relations.keep_away(member, moderator, MUTE)
    assert relations.muted_ids(fresh(member)) == {moderator.pk}


def test_moderation_notices_reach_a_member_who_muted_the_moderator(member, moderator):
    post = make_update(member)
    relations.keep_away(member, moderator, MUTE)
    moderation.hide_post(post, moderator=moderator, reason="Names a clinic")
    assert Notification.objects.filter(recipient=member, kind="moderation").exists()


def test_the_queue_shows_a_muted_members_posts_to_the_moderator_who_muted_them(
    client, member, moderator
):
    post = make_update(member, body="I want to die")
    relations.keep_away(moderator, member, MUTE)
    client.force_login(moderator)
    page = client.get("/moderation/").content.decode()
    assert "I want to die" in page
    assert "muted-post" not in page
    assert QueueItem.objects.open().get().post == post


def test_crisis_items_are_raised_whatever_the_author_blocked(member, other_member):
    relations.keep_away(member, other_member, BLOCK)
    relations.keep_away(other_member, member, BLOCK)
    make_update(member, body="thinking about suicide tonight")
    item = QueueItem.objects.open().get()
    assert (item.priority, item.crisis_member) == (QueueItem.Priority.URGENT, member)


def test_relations_are_one_row_per_pair_and_never_with_oneself(member, other_member):
    relations.keep_away(member, other_member, MUTE)
    relations.keep_away(member, other_member, BLOCK)
    assert list(relations.kept_away(member).values_list("kind", flat=True)) == [BLOCK]
    with pytest.raises(ValidationError, match="yourself"):
        relations.keep_away(member, member, MUTE)


def test_feed_and_conversation_pages_cost_one_query_more_at_most_for_relations(
    client, member, other_member
):
    """A member who mutes and blocks no one (and whom no one blocks) costs the
    pages what they cost before muting existed; one who does, one query more,
    however many people and cards are involved."""
    conversation = make_conversation()
    make_thread(conversation, other_member, top_level=3, replies_each=2)
    make_update(other_member)
    client.force_login(member)
    urls = ["/community/", f"/conversations/{conversation.pk}/"]
    with_none = [queries_for(client, url) for url in urls]
    relations.keep_away(member, other_member, MUTE)
    with_one = [queries_for(client, url) for url in urls]
    assert with_one == [count + 1 for count in with_none]
    for number in range(5):
        relations.keep_away(
            member, make_member(f"m{number}@example.com", f"Muted {number}"), MUTE
        )
    relations.keep_away(other_member, member, BLOCK)
    make_thread(conversation, other_member, top_level=3, replies_each=2)
    assert [queries_for(client, url) for url in urls] == with_one
    assert "muted-post" in client.get(urls[1]).content.decode()
    # Letting everyone back makes the pages as cheap as before.
    for relation in list(relations.kept_away(member)):
        relations.let_back(member, relation.other)
    relations.let_back(other_member, member)
    assert [queries_for(client, url) for url in urls] == with_none


def test_pages_cost_the_same_as_before_for_a_member_with_no_relations(
    client, member, other_member, django_assert_max_num_queries
):
    """The budgets the conversation pages had before muting existed."""
    conversation = make_conversation()
    make_thread(conversation, other_member, top_level=3, replies_each=3)
    relations.keep_away(other_member, member, MUTE)  # a mute of me costs me nothing
    client.force_login(member)
    with django_assert_max_num_queries(10):
        assert client.get(f"/conversations/{conversation.pk}/").status_code == 200
