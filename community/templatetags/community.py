from django import template

from community import fragments
from community.sanitize import as_stored_html, json_ld_script
from community.timestamps import machine_readable

register = template.Library()


@register.filter
def member_html(stored):
    """Member text as rendered at write time by community.sanitize. Never |safe."""
    return as_stored_html(stored or "")


@register.filter
def editorial_html(stored):
    """Article HTML as rendered at write time by community.sanitize. Never |safe."""
    return as_stored_html(stored or "")


@register.filter
def datetime_attribute(moment):
    """`<time datetime="{{ moment|datetime_attribute }}">`: see community.timestamps."""
    return machine_readable(moment) if moment else ""


@register.simple_tag
def json_ld(data):
    """<script type="application/ld+json"> for `data`. A data block never runs, so
    it needs no CSP nonce, which keeps the page cacheable."""
    return json_ld_script(data)


register.tag("once_per_language", fragments.once_per_language)
register.tag("form_fields", fragments.form_fields)
