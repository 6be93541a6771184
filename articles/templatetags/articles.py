from django import template

register = template.Library()


@register.filter
def poll_percent(option, total):
    """An option's share of the votes, as a whole percentage."""
    return option.percent_of(total)
