"""The one way we write a moment into HTML's `<time datetime>`."""

from datetime import datetime

from django.utils import timezone


def machine_readable(moment, zone=None):
    """`moment` as a `datetime` attribute value, to the whole second.

    HTML allows at most three digits of a fraction of a second, and Python's
    isoformat() writes six whenever there are microseconds. Aware datetimes are
    written in the current time zone, like the dates shown beside them (or in
    `zone`, when the caller has already looked it up: card lists do, per page).
    """
    if isinstance(moment, datetime):
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment, zone)
        return machine_readable_as_is(moment)
    return moment.isoformat()


def machine_readable_as_is(moment: datetime) -> str:
    """`moment` written in the zone it is already in, for callers that converted
    it themselves to show it too (card lists: once a card, not twice)."""
    return moment.isoformat(timespec="seconds")
