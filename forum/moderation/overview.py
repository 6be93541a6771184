"""The moderation overview: open items by priority and age, and how long items
waited for a moderator, laid out for the page's bar chart."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models import QueueItem

WAIT_WINDOW_DAYS = 30
# (label, from hours, to hours); None: open-ended.
AGE_COLUMNS = [
    (_("under 1 hour"), 0, 1),
    (_("1 to 24 hours"), 1, 24),
    (_("over a day"), 24, None),
]
WAIT_BUCKETS = [
    ("< 1 h", 0, 1),
    ("1-4 h", 1, 4),
    ("4-24 h", 4, 24),
    ("> 24 h", 24, None),
]
# The chart's geometry, in the SVG's viewBox units.
BAR_MAX_HEIGHT, BAR_BASELINE, BAR_LEFT, BAR_STEP = 100, 110, 10, 60


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    height: int
    x: int
    y: int


@dataclass(frozen=True)
class Overview:
    ages: list  # column labels
    counts: list  # [{"label": priority label, "cells": [count per age column]}]
    chart: list  # [Bar], one per wait bucket
    waited: int  # items acted on in the window


def _in_hours(value, low, high):
    return value >= low and (high is None or value < high)


def open_items_by_age(now) -> list:
    """One query: open items per priority and age column."""
    cells = {}
    for index, (_label, low, high) in enumerate(AGE_COLUMNS):
        window = Q(created_at__lt=now - timedelta(hours=low))
        if high is not None:
            window &= Q(created_at__gte=now - timedelta(hours=high))
        cells[f"age_{index}"] = Count("id", filter=window)
    rows = {
        row["priority"]: row
        for row in QueueItem.objects.open()
        .order_by()
        .values("priority")
        .annotate(**cells)
    }
    return [
        {
            "label": priority.label,
            "cells": [
                rows.get(priority, {}).get(f"age_{index}", 0)
                for index in range(len(AGE_COLUMNS))
            ],
        }
        for priority in QueueItem.Priority
    ]


def wait_chart(now) -> tuple[list, int]:
    """One query: closed items of the window bucketed by hours waited, as bars."""
    waits = [
        (closed_at - created_at).total_seconds() / 3600
        for created_at, closed_at in QueueItem.objects.filter(
            created_at__gte=now - timedelta(days=WAIT_WINDOW_DAYS),
            closed_at__isnull=False,
        ).values_list("created_at", "closed_at")
    ]
    counts = [
        sum(1 for wait in waits if _in_hours(wait, low, high))
        for _label, low, high in WAIT_BUCKETS
    ]
    tallest = max([*counts, 1])
    bars = []
    for index, ((label, _low, _high), count) in enumerate(
        zip(WAIT_BUCKETS, counts, strict=True)
    ):
        height = round(BAR_MAX_HEIGHT * count / tallest)
        x = BAR_LEFT + index * BAR_STEP
        bars.append(Bar(label, count, height, x, BAR_BASELINE - height))
    return bars, len(waits)


def moderation_overview() -> Overview:
    """Everything the overview page shows. Two queries."""
    now = timezone.now()
    chart, waited = wait_chart(now)
    return Overview(
        ages=[label for label, _low, _high in AGE_COLUMNS],
        counts=open_items_by_age(now),
        chart=chart,
        waited=waited,
    )
