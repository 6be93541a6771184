import threading

import pytest
from django.db import IntegrityError, connection, transaction

from forum import actions
from forum.models import Notification, Post, Reaction
from forum.tests.factories import make_conversation, make_reply, make_update

pytestmark = pytest.mark.django_db


def test_reacting_turns_on_and_off(member, other_member):
    post = make_update(member)
    actions.set_reaction(post, member=other_member, kind="hug", on=True)
    assert Post.objects.get(pk=post.pk).hug_count == 1
    actions.set_reaction(post, member=other_member, kind="hug", on=False)
    assert Post.objects.get(pk=post.pk).hug_count == 0
    assert not Reaction.objects.exists()


def test_the_same_click_twice_counts_once(member, other_member):
    post = make_update(member)
    for _ in range(2):
        actions.set_reaction(post, member=other_member, kind="me_too", on=True)
    assert Post.objects.get(pk=post.pk).me_too_count == 1
    for _ in range(2):
        actions.set_reaction(post, member=other_member, kind="me_too", on=False)
    assert Post.objects.get(pk=post.pk).me_too_count == 0


def test_each_kind_is_separate(member, other_member):
    post = make_update(member)
    for kind in ["hug", "like", "me_too"]:
        actions.set_reaction(post, member=other_member, kind=kind, on=True)
    post.refresh_from_db()
    assert (post.hug_count, post.like_count, post.me_too_count) == (1, 1, 1)


def test_database_allows_one_reaction_of_a_kind_per_member(member):
    post = make_update(member)
    Reaction.objects.create(post=post, member=member, kind="like")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(post=post, member=member, kind="like")


def test_reaction_page_toggles_and_shows_counts(client, member, other_member):
    post = make_update(member)
    client.force_login(other_member)
    client.post(f"/posts/{post.pk}/react/", {"reaction": "like:on"})
    html = client.get("/community/").content.decode()
    assert 'aria-pressed="true">Like <span class="count">1</span>' in html
    client.post(f"/posts/{post.pk}/react/", {"reaction": "like:off"})
    html = client.get("/community/").content.decode()
    assert 'aria-pressed="false">Like <span class="count">0</span>' in html


def test_unknown_reaction_kind_is_not_found(client, member):
    post = make_update(member)
    client.force_login(member)
    response = client.post(f"/posts/{post.pk}/react/", {"reaction": "angry:on"})
    assert response.status_code == 404


def test_reacting_notifies_the_author_but_not_yourself(member, other_member):
    post = make_update(member)
    actions.set_reaction(post, member=member, kind="like", on=True)
    assert not Notification.objects.exists()
    actions.set_reaction(post, member=other_member, kind="hug", on=True)
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (member, "reaction")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a database with real concurrency"
)
def test_concurrent_clicks_leave_one_reaction_and_a_true_count(member, other_member):
    post = make_update(member)
    start = threading.Barrier(8)
    errors = []

    def click():
        try:
            start.wait()
            actions.set_reaction(post, member=other_member, kind="hug", on=True)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=click) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert Reaction.objects.filter(post=post).count() == 1
    assert Post.objects.get(pk=post.pk).hug_count == 1


def test_every_reaction_kind_counts_in_its_own_post_column():
    columns = [kind.counter_field for kind in Reaction.Kind]
    assert columns == ["hug_count", "like_count", "me_too_count"]
    for column in columns:
        assert Post._meta.get_field(column).default == 0


def _pressed(html, post):
    """The reaction kinds shown pressed on `post`'s card."""
    card = html.split(f'<article id="post-{post.pk}"')[1].split("</article>")[0]
    return {
        kind
        for kind in ("hug", "like", "me_too")
        if f'value="{kind}:off" class="reaction reaction-on"' in card
    }


def test_your_reactions_show_on_every_card_that_carries_them(
    client, member, other_member, moderator
):
    """Read with the cards' rows on listings, looked up for a thread's own post."""
    conversation = make_conversation()
    root = actions.post_comment(conversation, author=other_member, body="Day 3").post
    reply = make_reply(root, other_member, body="Still here")
    for post, kinds in ((root, ("hug", "me_too")), (reply, ("like",))):
        for kind in kinds:
            actions.set_reaction(post, member=member, kind=kind, on=True)
    actions.set_reaction(reply, member=moderator, kind="hug", on=True)  # not mine
    client.force_login(member)

    page = client.get(f"/conversations/{conversation.pk}/").content.decode()
    thread = client.get(root.get_absolute_url()).content.decode()

    for html in (page, thread):
        assert _pressed(html, root) == {"hug", "me_too"}
        assert _pressed(html, reply) == {"like"}
