"""Cards' `<time>` stamps: "Nov 27, 2026, 8:34 a.m." in the viewer's zone and
language, written for hundreds of cards a page (forum/cards.py)."""

from datetime import time

from django.utils import dateformat, timezone
from django.utils.dateformat import time_format
from django.utils.dates import MONTHS_3
from django.utils.formats import get_format
from django.utils.translation import get_language

from community.timestamps import machine_readable_as_is

_DATE_WORDS = {}


def _date_words(language):
    """Month abbreviations and a.m./p.m. in the active language, from Django's own
    catalogue (what its date filter shows), looked up once per language."""
    words = _DATE_WORDS.get(language)
    if words is None:
        months = tuple(str(MONTHS_3[month]).title() for month in range(1, 13))
        am, pm = (time_format(time(hour), "a") for hour in (0, 12))
        words = _DATE_WORDS[language] = (months, am, pm)
    return words


class Stamps:
    """`<time>` in one time zone and the active language: "Nov 27, 2026, 8:34
    a.m." (Django's style). The language, its words and formats and the zone are
    looked up once a page, not once a card.

    English is written by hand because Django's date filter costs ~45 µs a call.
    """

    def __init__(self, zone=None):
        self.zone = timezone.get_current_timezone() if zone is None else zone
        language = get_language()
        self.english = language == "en"
        self.months, self.am, self.pm = _date_words(language)
        # Other languages take Django's formats (community/formats): slower, right.
        # What date_format() would look up on every call.
        self.formats = {
            True: get_format("SHORT_DATETIME_FORMAT"),
            False: get_format("SHORT_DATE_FORMAT"),
        }

    def __call__(self, moment, *, with_time=True):
        # timezone.localtime(), less its call overhead, naive moments refused alike.
        if moment.tzinfo is None:
            raise ValueError("a card's moment must be aware (USE_TZ)")
        local = moment.astimezone(self.zone)
        when = machine_readable_as_is(local)
        if not self.english:
            shown = dateformat.format(local, self.formats[with_time])
            return f'<time datetime="{when}">{shown}</time>'
        shown = f"{self.months[local.month - 1]} {local.day}, {local.year}"
        if with_time:
            hour = local.hour % 12 or 12
            noon = self.am if local.hour < 12 else self.pm
            shown += f", {hour}:{local.minute:02d} {noon}"
        return f'<time datetime="{when}">{shown}</time>'
