from django import template

from community.sanitize import as_stored_html, json_ld_script

register = template.Library()


@register.filter
def member_html(stored):
    """Member text as rendered at write time by community.sanitize. Never |safe."""
    return as_stored_html(stored or "")


@register.filter
def editorial_html(stored):
    """Article HTML as rendered at write time by community.sanitize. Never |safe."""
    return as_stored_html(stored or "")


@register.simple_tag
def json_ld(data):
    """<script type="application/ld+json"> for `data`. A data block never runs, so
    it needs no CSP nonce, which keeps the page cacheable."""
    return json_ld_script(data)
