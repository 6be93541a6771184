"""A slice of the site through PgBouncer in transaction mode, run by
test_behind_pgbouncer.py in its own process (DATABASE_URL points at PgBouncer):
`python -m articles.tests.pgbouncer_walk [walk|iterate]`. Exits non-zero on the
first failure.

PgBouncer is made to hold several server connections and to hand them out in turn
(server_round_robin), so state one transaction leaves on its server connection is
missing from the next: what transaction mode breaks, breaks here every time.
"""

import os
import sys
from concurrent.futures import ThreadPoolExecutor

import django
import psycopg

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "community.settings")
django.setup()

from django.db import connections, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from community.demo import DEMO_PASSWORD, person  # noqa: E402
from community.models import User  # noqa: E402
from conftest import SignInClient, set_up_authenticator  # noqa: E402
from forum.models import Conversation, Post, Status  # noqa: E402

UPDATE = "Posted through PgBouncer: a quiet, steady week."


def ok(response, status=200):
    assert response.status_code == status, (response.status_code, response)
    return response.content.decode()


def read_as_visitor(url):
    try:
        return ok(Client().get(url))
    finally:
        connections.close_all()


def readers_in_parallel(urls):
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(read_as_visitor, urls * 3))


def member_posts_and_reads():
    member = Client()
    ok(
        member.post(
            "/accounts/login/",
            {"login": "river@example.com", "password": DEMO_PASSWORD},
        ),
        302,
    )
    ok(member.post("/community/post/", {"body": UPDATE, "picture_alt": ""}), 302)
    assert UPDATE in ok(member.get("/community/"))
    conversation = (
        Conversation.objects.exclude(kind=Conversation.Kind.FEED).order_by("pk").first()
    )
    ok(member.get(f"/conversations/{conversation.pk}/"))
    ok(member.get(f"/conversations/{conversation.pk}/print/"))
    ok(member.get("/search/?q=naloxone"))


def moderator_approves_the_held_question():
    """The approval locks the post (select_for_update) inside one transaction."""
    moderator = SignInClient()
    moderator.force_login(set_up_authenticator(person("mod@example.com")))
    held = Post.objects.filter(status=Status.HELD).order_by("pk").first()
    assert held is not None, "seed_demo holds a question"
    assert held.body[:40] in ok(moderator.get("/moderation/"))
    ok(
        moderator.post(
            f"/moderation/posts/{held.pk}/approve/", {"reason": "Reads fine."}
        ),
        302,
    )
    held.refresh_from_db()
    assert held.status == Status.PUBLISHED, held.status


def open_server_connections(count=3):
    """Make PgBouncer open `count` server connections: each held transaction
    forces the next query onto another one."""
    database = connections["default"].settings_dict
    held = []
    for _ in range(count - 1):
        holder = psycopg.connect(
            host=database["HOST"],
            port=database["PORT"],
            user=database["USER"],
            dbname=database["NAME"],
        )
        holder.execute("SELECT 1")  # a transaction stays open on one connection
        held.append(holder)
    User.objects.exists()
    for holder in held:
        holder.rollback()  # back to the pool idle (closing mid-transaction drops it)
        holder.close()


def iterating_outside_a_transaction():
    """iterator() in autocommit: a server-side cursor would span transactions
    (DECLARE ... WITH HOLD on one server connection, FETCH on the next)."""
    open_server_connections()
    assert transaction.get_autocommit()
    emails = [user.email for user in User.objects.order_by("pk").iterator(1)]
    assert len(emails) >= 2, emails


def walk():
    open_server_connections()
    readers_in_parallel(["/", "/articles/", "/search/?q=sleep", "/help/"])
    member_posts_and_reads()
    moderator_approves_the_held_question()
    readers_in_parallel(["/", "/articles/"])
    iterating_outside_a_transaction()


if __name__ == "__main__":
    {"walk": walk, "iterate": iterating_outside_a_transaction}[sys.argv[1]]()
    sys.stdout.write("done through PgBouncer\n")
