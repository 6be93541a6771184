"""Seed a large conversation and measure its first page: queries and render time.

    manage.py bench_conversation --posts 5000 --requests 50

Timings are printed, never asserted: machines are noisy. Query counts are pinned by
tests (forum/tests/test_conversation_query_count.py).
"""

import random
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from community.actions import start_membership
from community.models import User
from forum import actions
from forum.models import Conversation

TITLE = "Benchmark conversation"


class Command(BaseCommand):
    help = "Seed a conversation of N posts and time its first page."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=5000)
        parser.add_argument("--requests", type=int, default=50)

    def handle(self, *args, posts, requests, **options):
        unlimited = dict.fromkeys(settings.FORUM_RATE_LIMITS, (10**9, 1))
        with override_settings(
            FORUM_RATE_LIMITS=unlimited, FORUM_HOLD_FIRST_POSTS=0, ALLOWED_HOSTS=["*"]
        ):
            conversation, reader = self.seed(posts)
            self.measure(conversation, reader, requests)

    def seed(self, total):
        conversation = Conversation.objects.filter(title=TITLE).first()
        if conversation and conversation.posts.count() >= total:
            return conversation, User.objects.get(email="bench-reader@example.com")
        started = time.perf_counter()
        rng = random.Random(5000)  # noqa: S311 - the same tree every run, not secrets
        with transaction.atomic():
            people = [
                self.person(f"bench-{n}@example.com", f"Bench member {n}")
                for n in range(20)
            ]
            reader = self.person("bench-reader@example.com", "Bench reader")
            conversation = Conversation.objects.create(title=TITLE)
            created, open_posts = 0, []
            while created < total:
                if not open_posts or rng.random() < 0.05:
                    post = actions.post_comment(
                        conversation, author=rng.choice(people), body=self.text(rng)
                    )
                    open_posts = [post]
                else:
                    # Favour recent posts so about a fifth end up 3+ levels deep.
                    parent = rng.choice(open_posts[-6:])
                    post = actions.reply_to_post(
                        parent, author=rng.choice(people), body=self.text(rng)
                    )
                    open_posts.append(post)
                    if rng.random() < 0.3:
                        actions.set_reaction(
                            post, member=rng.choice(people), kind="hug", on=True
                        )
                created += 1
        self.stdout.write(
            f"Seeded {total} posts in {time.perf_counter() - started:.1f} s."
        )
        return conversation, reader

    def person(self, email, name):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, None, display_name=name)
            start_membership(user)
        return user

    def text(self, rng):
        words = ["steady", "walk", "sleep", "morning", "call", "sponsor", "week"]
        return " ".join(
            rng.choice(words) for _ in range(rng.randint(8, 40))
        ).capitalize()

    def measure(self, conversation, reader, requests):
        client = Client()
        client.force_login(reader)
        url = f"/conversations/{conversation.pk}/"
        client.get(url)  # warm caches and templates
        timings = []
        reset_queries()  # DEBUG's query log is a bounded deque: start it empty
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
        timings.sort()
        p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
        self.stdout.write(
            f"{conversation.posts.count()} posts · first page: "
            f"{len(captured)} queries, "
            f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms "
            f"({requests} requests, {connection.vendor}, in-process test client)"
        )
