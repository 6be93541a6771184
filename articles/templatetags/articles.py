from django import template
from django.utils.formats import date_format
from django.utils.translation import pgettext

register = template.Library()


@register.filter
def poll_percent(option, total):
    """An option's share of the votes, as a whole percentage."""
    return option.percent_of(total)


@register.filter(expects_localtime=True)
def long_date(value):
    """A date written out in the interface language ("November 30, 2026")."""
    if not value:
        return ""
    # Translators: a date format (Django's `date` filter), e.g. "j \d\e F \d\e Y".
    return date_format(value, pgettext("long date format", "F j, Y"))
