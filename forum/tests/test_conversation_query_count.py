"""Pages cost the same number of queries however big the conversation grows."""

import pytest

from forum import actions
from forum.tests.factories import make_conversation, make_thread, make_update
from forum.tests.query_counting import queries_for

pytestmark = pytest.mark.django_db


def grow(conversation, author, other, *, top_level, replies_each):
    roots = make_thread(conversation, author, top_level=top_level, replies_each=0)
    for root in roots:
        parent = root
        for depth in range(replies_each):
            parent = actions.reply_to_post(
                parent, author=other if depth % 2 else author, body=f"r{depth}"
            ).post
            actions.set_reaction(parent, member=author, kind="hug", on=True)


def test_conversation_page_queries_are_the_same_at_10_and_1000_posts(
    client, member, other_member
):
    conversation = make_conversation()
    grow(conversation, member, other_member, top_level=2, replies_each=4)  # 10 posts
    client.force_login(member)
    url = f"/conversations/{conversation.pk}/"
    small = queries_for(client, url)
    grow(conversation, member, other_member, top_level=66, replies_each=14)  # +990
    assert conversation.posts.count() == 1000
    assert queries_for(client, url) == small


def test_thread_page_queries_do_not_grow_with_replies(client, member, other_member):
    root = make_update(member)
    actions.reply_to_post(root, author=other_member, body="first")
    client.force_login(member)
    small = queries_for(client, root.get_absolute_url())
    parent = root
    for n in range(60):
        parent = actions.reply_to_post(
            parent if n % 3 else root, author=other_member, body=f"reply {n}"
        ).post
    assert queries_for(client, root.get_absolute_url()) == small


def test_feed_queries_do_not_grow_with_updates(client, member, other_member):
    make_update(member)
    client.force_login(member)
    small = queries_for(client, "/community/")
    for n in range(40):
        post = make_update(other_member if n % 2 else member, body=f"update {n}")
        actions.set_reaction(post, member=member, kind="like", on=True)
        actions.reply_to_post(post, author=other_member, body="reply")
    assert queries_for(client, "/community/") == small


def test_conversation_page_has_a_fixed_small_budget(
    client, member, other_member, django_assert_max_num_queries
):
    conversation = make_conversation()
    grow(conversation, member, other_member, top_level=3, replies_each=3)
    client.force_login(member)
    # session, member (and whether a sanction is in force or a permission held),
    # conversation, top-level posts, replies, reactions, the header's unread counts
    with django_assert_max_num_queries(7):
        response = client.get(f"/conversations/{conversation.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    shown = {
        post.pk for post in conversation.posts.all() if f'id="post-{post.pk}"' in page
    }
    assert shown == set(conversation.posts.values_list("pk", flat=True))
    assert conversation.posts.count() == 12
