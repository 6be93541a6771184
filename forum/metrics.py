"""Moderation gauges for /metrics: what waits for a moderator, and for how long.

Registered with community's scrape-time collectors from ForumConfig.ready(); two
queries per scrape, however long the queue.
"""

from django.db.models import Count, Exists, Min, OuterRef
from prometheus_client.core import GaugeMetricFamily

from community.metrics import PREFIX, age_seconds
from forum.models import CrisisMatch, QueueItem


def moderation_gauges():
    by_priority = {
        row["priority"]: row
        for row in QueueItem.objects.open()
        .order_by()
        .values("priority")
        .annotate(count=Count("id"), oldest=Min("created_at"))
    }
    items = GaugeMetricFamily(
        f"{PREFIX}_moderation_open_items",
        "Open moderation queue items, by priority.",
        labels=["priority"],
    )
    oldest = GaugeMetricFamily(
        f"{PREFIX}_moderation_oldest_open_age_seconds",
        "How long the oldest open item of each priority has waited (0 when none).",
        labels=["priority"],
    )
    for priority in QueueItem.Priority:
        row = by_priority.get(priority.value, {"count": 0, "oldest": None})
        label = priority.name.lower()
        items.add_metric([label], row["count"])
        oldest.add_metric([label], age_seconds(row["oldest"]))
    return [items, oldest, *crisis_gauges()]


def crisis_gauges():
    """Open items raised by crisis or overdose language: a person may be at risk."""
    waiting = (
        QueueItem.objects.open()
        .filter(Exists(CrisisMatch.objects.filter(queue_item=OuterRef("pk"))))
        .aggregate(count=Count("id"), oldest=Min("created_at"))
    )
    items = GaugeMetricFamily(
        f"{PREFIX}_crisis_items_waiting",
        "Open moderation items raised by crisis or overdose language.",
    )
    items.add_metric([], waiting["count"])
    oldest = GaugeMetricFamily(
        f"{PREFIX}_crisis_oldest_waiting_age_seconds",
        "How long the oldest waiting crisis item has waited (0 when none).",
    )
    oldest.add_metric([], age_seconds(waiting["oldest"]))
    return [items, oldest]
