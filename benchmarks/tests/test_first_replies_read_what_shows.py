"""A conversation page reads each thread's first replies, not the whole thread.

Run under EXPLAIN ANALYZE on PostgreSQL, where production's plans are made: the
query for the replies shown under each top-level post reads about as many rows
as it shows, however long the thread (forum/card_rows.py, first_replies).
"""

import json

import pytest
from django.conf import settings
from django.db import connection

from benchmarks.seed import RANDOM_PAGE_COST
from forum import card_rows, threads
from forum.models import Post, Status
from forum.tests.factories import make_conversation, make_reply, make_thread

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="EXPLAIN ANALYZE is PostgreSQL's"
    ),
]

LONG_THREAD = 80


def posts_read(plan):
    """How many rows of forum_post the plan's scans read, filtered out included."""
    read = 0
    if plan.get("Relation Name") == "forum_post":
        per_loop = plan["Actual Rows"] + plan.get("Rows Removed by Filter", 0)
        read += per_loop * plan["Actual Loops"]
    for child in plan.get("Plans", []):
        read += posts_read(child)
    return read


def test_a_long_threads_first_replies_are_read_without_the_rest(member, other_member):
    conversation = make_conversation()
    (root,) = make_thread(conversation, other_member, top_level=1)
    replies = [
        make_reply(root, other_member, body=f"Reply {number} in a long thread")
        for number in range(LONG_THREAD)
    ]
    limit = settings.FORUM_INLINE_REPLIES

    (shown,) = threads.conversation_page(conversation, member).posts
    assert [reply.pk for reply in shown.inline_replies] == [
        reply.pk for reply in replies[:limit]
    ]
    query = card_rows.first_replies(member, [root.pk], limit)
    with connection.cursor() as cursor:
        # Planned as production's: fresh statistics, the planner setting the README
        # asks for, and a table too big to read whole (this one has 81 rows).
        cursor.execute("ANALYZE forum_post")
        cursor.execute(f"SET LOCAL random_page_cost = {RANDOM_PAGE_COST}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = json.loads(query.explain(format="json", analyze=True))
    # What it shows, looked up twice (picked, then read whole), and the root.
    assert posts_read(plan[0]["Plan"]) <= 3 * (limit + 1) < LONG_THREAD, plan


def test_both_ways_of_picking_first_replies_pick_the_same_posts(member, other_member):
    """PostgreSQL's per-thread scan and the window SQLite uses agree, for a viewer
    whose own held reply counts and others' held and rejected ones don't."""
    conversation = make_conversation()
    roots = make_thread(conversation, other_member, top_level=3)
    states = [Status.PUBLISHED, Status.HELD, Status.HIDDEN, Status.REJECTED]
    for root in roots:
        for number in range(8):
            author = member if number % 3 == 0 else other_member
            reply = make_reply(root, author, body=f"Reply {number}")
            Post.objects.filter(pk=reply.pk).update(status=states[number % 4])
    replies = Post.objects.visible_to(member).filter(depth__gt=0)
    root_ids = [root.pk for root in roots]
    visible = {root.pk: replies.filter(root_id=root.pk).count() for root in roots}
    assert set(visible.values()) == {5}  # published, hidden and their own rejected
    for limit in (1, 3, 10):
        by_scan = card_rows._each_roots_first(replies, root_ids, limit)
        by_window = card_rows._numbered_in_each_root(replies, root_ids, limit)
        picked = set(by_scan.values_list("reply_id", flat=True))
        assert picked == set(by_window.values_list("pk", flat=True))
        assert len(picked) == sum(min(limit, seen) for seen in visible.values())
