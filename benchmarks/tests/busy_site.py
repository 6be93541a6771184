"""A bench community with every hot table filled, and the pages that read it.

Shared by the query-plan and query-count tests: the bench seeder's posts, plus
notifications and moderation queue items in bulk, and a moderator to see them.
"""

import datetime
import random
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from benchmarks import bulk, seed
from community.permissions import Role
from conftest import make_member, set_up_authenticator
from forum.models import Conversation, Notification, Post, QueueItem

SEARCH_WORD = seed.text.SEARCH_WORD
OPEN_EVERY = 20  # one queue item in 20 still open: posts of the feed and articles
PRINT_VIEW = "print view, a long conversation"


@dataclass
class BusySite:
    community: seed.Community
    moderator: object
    member_id: int
    rng: random.Random


def build(scale: seed.Scale) -> BusySite:
    community = seed.seed(scale, log=lambda _: None)
    moderator = set_up_authenticator(
        make_member("plans-moderator@example.com", "Plans Keel", role=Role.MODERATOR)
    )
    site = BusySite(community, moderator, community.member_ids[0], random.Random(7))  # noqa: S311
    _notifications_and_queue(site, per_member=6)
    analyze()
    return site


def grow(site: BusySite, factor: int) -> None:
    """Add (factor - 1) times the posts, notifications and queue items there are."""
    writer = seed._PostWriter(site.community.member_ids, site.rng)
    writer.authored = 2 * len(site.community.member_ids)  # everyone has posted
    extra = (factor - 1) * Post.objects.count()
    conversations = [
        Conversation.objects.feed(),
        site.community.article.conversation,
        site.community.print_conversation,
    ]
    for conversation in conversations:
        writer.conversation(conversation, extra // 3, 0.2, Post.Kind.UPDATE)
    writer.flush()
    seed.search.index_posts(Post.objects.filter(search_vector__isnull=True))
    _notifications_and_queue(site, per_member=6 * (factor - 1))
    analyze()


def analyze():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _notifications_and_queue(site, *, per_member):
    """Mostly read notifications and closed queue items, as on a site in use: the
    pages read the few unread and open ones through partial indexes."""
    rng = site.rng
    now = timezone.now()
    post_ids = list(Post.objects.values_list("pk", flat=True))
    notifications = [
        Notification(
            recipient_id=member_id,
            actor_id=rng.choice(site.community.member_ids),
            kind=Notification.Kind.REPLY,
            post_id=rng.choice(post_ids),
            created_at=now - datetime.timedelta(minutes=rng.randint(1, 50_000)),
            read_at=None if rng.random() < 0.05 else now,
        )
        for member_id in site.community.member_ids
        for _ in range(per_member)
    ]
    bulk.insert(Notification, notifications, with_ids=False)
    queued = set(QueueItem.objects.values_list("post_id", flat=True))
    fresh = [pk for pk in post_ids if pk not in queued]
    items = [
        QueueItem(
            post_id=post_id,
            priority=QueueItem.Priority.REPORTED,
            reasons=["spam"],
            created_at=now - datetime.timedelta(minutes=rng.randint(1, 50_000)),
            closed_at=None if number % OPEN_EVERY == 0 else now,
            closed_by=None if number % OPEN_EVERY == 0 else site.moderator,
        )
        for number, post_id in enumerate(rng.sample(fresh, len(fresh) // 4))
    ]
    bulk.insert(QueueItem, items, with_ids=False)


def biggest_thread(conversation) -> Post:
    return (
        Post.objects.filter(conversation=conversation, depth=0)
        .order_by("-descendant_count", "pk")
        .first()
    )


def pages(site: BusySite):
    """(name, who, path): the hot pages, for a member unless said otherwise."""
    community = site.community
    article = community.article.get_absolute_url()
    thread = biggest_thread(community.article.conversation)
    member = site.member_id
    conversation = f"/conversations/{thread.conversation_id}/"
    long_conversation = community.article.conversation_id
    return [
        ("article (visitor)", None, article),
        ("article (member)", member, article),
        ("conversation, first page", member, conversation),
        ("a thread's replies", member, thread.get_absolute_url()),
        (PRINT_VIEW, member, f"/conversations/{long_conversation}/print/"),
        ("feed", member, "/community/"),
        ("notifications, unread count", member, "/notifications/"),
        ("search", member, f"/search/?q={SEARCH_WORD}"),
        ("moderation queue", site.moderator, "/moderation/"),
        ("a member's posts", site.moderator, f"/moderation/members/{member}/"),
    ]


def fresh_caches():
    cache.clear()
