"""The one way we write a moment into HTML's `<time datetime>`."""

from datetime import datetime

from django.utils import timezone


def machine_readable(moment):
    """`moment` as a `datetime` attribute value, to the whole second.

    HTML allows at most three digits of a fraction of a second, and Python's
    isoformat() writes six whenever there are microseconds. Aware datetimes are
    written in the current time zone, like the dates shown beside them.
    """
    if isinstance(moment, datetime):
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.isoformat(timespec="seconds")
    return moment.isoformat()
