from django import template

from community.sanitize import as_stored_html

register = template.Library()


@register.filter
def member_html(stored):
    """Member text as rendered at write time by community.sanitize. Never |safe."""
    return as_stored_html(stored or "")
