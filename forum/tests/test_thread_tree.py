import pytest

from forum import actions
from forum.models import Post, ids_in_path, path_segment
from forum.tests.factories import make_conversation, make_reply, make_update

pytestmark = pytest.mark.django_db


def test_path_segments_sort_like_ids_and_decode_back():
    ids = [1, 35, 36, 1295, 1296, 10**9]
    segments = [path_segment(i) for i in ids]
    assert sorted(segments) == segments
    assert {len(s) for s in segments} == {8}
    assert ids_in_path("".join(segments)) == ids


def test_replies_record_their_place_in_the_tree(member, other_member):
    root = make_update(member)
    first = make_reply(root, other_member)
    second = make_reply(first, member)
    root.refresh_from_db()
    first.refresh_from_db()
    assert (root.depth, first.depth, second.depth) == (0, 1, 2)
    assert root.root_id == first.root_id == second.root_id == root.pk
    assert second.path == root.path + path_segment(first.pk) + path_segment(second.pk)
    assert (root.reply_count, root.descendant_count) == (1, 2)
    assert (first.reply_count, first.descendant_count) == (1, 1)


def test_a_reply_updates_every_ancestor_in_one_statement(
    member, django_assert_max_num_queries
):
    parent = make_update(member)
    for _ in range(6):
        parent = make_reply(parent, member)
    # Deeper trees cost no more queries per reply.
    with django_assert_max_num_queries(20) as captured:
        make_reply(parent, member)
    updates = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith("UPDATE") and "descendant_count" in q["sql"]
    ]
    assert len(updates) == 1
    ancestors = ", ".join(str(i) for i in ids_in_path(parent.path))
    assert f"IN ({ancestors})" in updates[0]


def test_thread_page_shows_replies_in_tree_order(client, member, other_member):
    root = make_update(member, body="root")
    a = make_reply(root, other_member, body="first reply")
    make_reply(root, other_member, body="second reply")
    make_reply(a, member, body="reply to first")
    client.force_login(member)
    html = client.get(root.get_absolute_url()).content.decode()
    assert html.index("first reply") < html.index("reply to first")
    assert html.index("reply to first") < html.index("second reply")


def test_deep_replies_render_flat_with_replying_to(client, member, other_member):
    parent = make_update(member)
    authors = [other_member, member]
    for depth in range(5):
        parent = make_reply(parent, authors[depth % 2], body=f"level {depth + 1}")
    client.force_login(member)
    html = client.get(f"/posts/{parent.root_id}/").content.decode()
    assert html.count("depth-3") == 3  # levels 3, 4 and 5 share the deepest indent
    assert "depth-4" not in html
    assert html.count("replying to ") == 2  # levels 4 and 5 name who they answer


def test_a_reply_permalink_opens_the_thread_page_holding_it(client, member, settings):
    settings.FORUM_REPLY_PAGE_SIZE = 3
    root = make_update(member)
    replies = [make_reply(root, member, body=f"reply {n}") for n in range(5)]
    client.force_login(member)
    near = client.get(replies[1].get_absolute_url())
    assert near["Location"] == f"/posts/{root.pk}/#post-{replies[1].pk}"
    far = client.get(replies[4].get_absolute_url())
    assert far["Location"] == (
        f"/posts/{root.pk}/?from={replies[4].path}#post-{replies[4].pk}"
    )
    page = client.get(far["Location"].split("#")[0]).content.decode()
    assert f'id="post-{replies[4].pk}"' in page


def test_thread_pages_of_replies_use_real_links(client, member, settings):
    settings.FORUM_REPLY_PAGE_SIZE = 2
    root = make_update(member)
    replies = [make_reply(root, member, body=f"reply number {n}") for n in range(5)]
    client.force_login(member)
    first = client.get(root.get_absolute_url()).content.decode()
    assert "reply number 1" in first
    assert "reply number 2" not in first
    assert f"?from={replies[2].path}" in first
    second = client.get(f"{root.get_absolute_url()}?from={replies[2].path}")
    assert "reply number 2" in second.content.decode()


def test_conversation_pages_by_top_level_posts_with_keyset_links(
    client, member, settings
):
    settings.FORUM_PAGE_SIZE = 2
    conversation = make_conversation()
    posts = [
        actions.post_comment(conversation, author=member, body=f"topic {n}").post
        for n in range(5)
    ]
    for post in posts:
        make_reply(post, member, body=f"answer to {post.body}")
    client.force_login(member)
    first = client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert "topic 4" in first
    assert "topic 3" in first
    assert "answer to topic 4" in first  # replies travel with their post
    assert "topic 2" not in first
    assert "?before=" in first
    cursor = first.split("?before=")[1].split("#")[0].split('"')[0]
    second = client.get(f"/conversations/{conversation.pk}/?before={cursor}")
    html = second.content.decode()
    assert "topic 2" in html
    assert "topic 1" in html
    assert "topic 4" not in html


def test_a_garbled_cursor_shows_the_first_page(client, member):
    make_update(member, body="still here")
    client.force_login(member)
    response = client.get("/community/?before=%%%not-a-cursor")
    assert response.status_code == 200
    assert "still here" in response.content.decode()


def test_long_branches_offer_show_more_replies(client, member, settings):
    settings.FORUM_INLINE_REPLIES = 3
    conversation = make_conversation()
    root = actions.post_comment(conversation, author=member, body="big topic").post
    for n in range(7):
        make_reply(root, member, body=f"inline {n}")
    client.force_login(member)
    html = client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert "Show 4 more replies" in html
    assert "inline 2" in html
    assert "inline 3" not in html
    assert Post.objects.get(pk=root.pk).descendant_count == 7


def test_show_more_replies_counts_only_replies_the_viewer_can_see(
    client, member, other_member, settings
):
    settings.FORUM_INLINE_REPLIES = 2
    conversation = make_conversation()
    root = actions.post_comment(conversation, author=member, body="big topic").post
    for n in range(5):
        make_reply(root, member, body=f"seen {n}")
    held = [make_reply(root, other_member, body=f"held {n}") for n in range(3)]
    Post.objects.filter(pk__in=[p.pk for p in held]).update(status="held")
    client.force_login(member)
    html = client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert "Show 3 more replies" in html  # 5 visible, 2 inline; the held 3 aren't
    client.force_login(other_member)  # the author of the held replies sees them
    html = client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert "Show 6 more replies" in html


def test_the_feed_counts_every_reply_in_a_thread_the_viewer_can_see(
    client, member, other_member
):
    root = make_update(member, body="a thread")
    first = make_reply(root, other_member)
    make_reply(first, member)  # nested replies count too
    held = make_reply(root, other_member, body="waiting")
    Post.objects.filter(pk=held.pk).update(status="held")
    client.force_login(member)
    assert "2 replies" in client.get("/community/").content.decode()
    client.force_login(other_member)  # the held reply's author sees it counted
    assert "3 replies" in client.get("/community/").content.decode()
