"""Template tags for post cards; the markup itself lives in forum/cards.py."""

from django import template

from forum.cards import CardRenderer

register = template.Library()


def _renderer(context):
    """One renderer per page render: it reverses the card URLs once."""
    renderer = context.render_context.get(CardRenderer)
    if renderer is None:
        renderer = context.render_context[CardRenderer] = CardRenderer(
            csrf_token=str(context.get("csrf_token", "")),
            next_url=context["request"].get_full_path(),
        )
    return renderer


@register.simple_tag(takes_context=True)
def post_card(context, post, show_replies_link=False):
    """One post, decorated by forum/threads.py, with the viewer's actions."""
    return _renderer(context).card(post, show_replies_link=show_replies_link)


@register.simple_tag(takes_context=True)
def conversation_thread(context, page):
    """A page of a conversation: top-level posts with their first replies."""
    return _renderer(context).thread(page)


@register.simple_tag
def conversation_tree(page):
    """A whole conversation in tree order, read-only (the print view)."""
    return CardRenderer().whole_tree(page.posts)
