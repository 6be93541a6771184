"""The hot pages read through indexes, not by scanning the big tables.

The pages' own SQL, captured from real requests, is run again under EXPLAIN on
PostgreSQL (the planner's choice there is what production gets; SQLite plans
differently, so these are skipped on it). The tables are filled and analysed first,
so the planner has a real choice between a scan and an index. The print view must
also take a long conversation's first page in tree order from an index, rather
than sort all of its posts.
"""

import json

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks import seed
from benchmarks.tests import busy_site
from community.models import User
from conftest import SignInClient
from forum import printing

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="EXPLAIN plans are PostgreSQL's"
    ),
]

PLANS_SCALE = seed.Scale(
    members=20_000,  # as many as --scale 10: the planner then joins names by index
    posts=12_000,
    article_posts=3_000,
    print_posts=300,
    other_articles=1,
    other_article_posts=600,
)
# A scan is the planner's right choice for a table of a few pages, and stays cheap
# while the table stays that size; any bigger table is read through an index.
SMALL_TABLE_ROWS = 1_000


def large_tables(cursor):
    cursor.execute(
        "SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > %s",
        [SMALL_TABLE_ROWS],
    )
    return {name for (name,) in cursor.fetchall()}


def scanned_tables(plan):
    """Every table the plan reads with a sequential scan."""
    found = []
    if plan.get("Node Type") == "Seq Scan":
        found.append(plan["Relation Name"])
    for child in plan.get("Plans", []):
        found.extend(scanned_tables(child))
    return found


def page_selects(who, path):
    client = SignInClient()
    if who is not None:
        user = who if isinstance(who, User) else User.objects.get(pk=who)
        client.force_login(user)
    busy_site.fresh_caches()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
    ]


def test_hot_pages_read_the_big_tables_through_indexes():
    site = busy_site.build(PLANS_SCALE)
    scans = []
    with connection.cursor() as cursor:
        # Production's setting for SSD storage (README, "Running in production").
        cursor.execute(f"SET LOCAL random_page_cost = {seed.RANDOM_PAGE_COST}")
        large = large_tables(cursor)
        assert {"forum_post", "forum_notification", "forum_queueitem"} <= large
        assert {"community_user", "forum_reaction", "forum_follow"} <= large
        for name, who, path in busy_site.pages(site):
            for sql in page_selects(who, path):
                scans += large_scans(cursor, large, name, sql)
                if name == busy_site.PRINT_VIEW:
                    scans += posts_sorted(cursor, name, sql)
        # The print view's fingerprint (forum/printing.py) is asked only outside a
        # transaction, so no page above sends it here: its plan is read directly,
        # for a long conversation and a short one.
        community = site.community
        # A short conversation's posts are all read, and sorting them is cheap.
        long, short = community.article.conversation, community.print_conversation
        for conversation in (long, short):
            values = [site.member_id, conversation.pk, settings.FORUM_PRINT_LIMIT + 1]
            sql = connection.ops.compose_sql(printing._FINGERPRINT_SQL, values)
            scans += large_scans(cursor, large, "print view's fingerprint", sql)
            if conversation == long:
                scans += posts_sorted(cursor, "print view's fingerprint", sql)
    assert not scans, "\n".join(scans)


def sorted_tables(plan, *, under_sort=False):
    """Every table whose rows the plan sorts before any LIMIT caps them (sorting a
    page already cut to size, say to join names, reads no more rows)."""
    node = plan.get("Node Type")
    under_sort = (under_sort or node == "Sort") and node != "Limit"
    found = [plan["Relation Name"]] if under_sort and "Relation Name" in plan else []
    for child in plan.get("Plans", []):
        found.extend(sorted_tables(child, under_sort=under_sort))
    return found


def explained(cursor, sql):
    cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
    plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]


def large_scans(cursor, large, name, sql):
    return [
        f"{name}: Seq Scan on {table}\n    {sql[:400]}"
        for table in scanned_tables(explained(cursor, sql))
        if table in large
    ]


def posts_sorted(cursor, name, sql):
    """The print view reads a conversation's first page in tree order from an
    index (post_conversation_path), however long the conversation: a Sort would
    read every one of its posts first."""
    return [
        f"{name}: {table} sorted\n    {sql[:400]}"
        for table in sorted_tables(explained(cursor, sql))
        if table == "forum_post"
    ]
