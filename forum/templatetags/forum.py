"""Template tags for post cards; the markup itself lives in forum/cards.py."""

from django import template
from django.utils.translation import pgettext_lazy

from community import crisis
from forum.cards import CardRenderer
from forum.moderation.crisis_items import CRISIS_REASONS
from forum.moderation.reports import AT_RISK_REASON, HIDDEN_BY_REPORTS_REASON
from forum.moderation.screening import HoldReason

register = template.Library()

# Queue items store their reasons as fixed English keys; moderators read them in
# their own language. A reason without a label here is shown as stored.
QUEUE_REASON_LABELS = {
    HoldReason.VISITOR_QUESTION: pgettext_lazy("queue reason", "visitor question"),
    HoldReason.FIRST_POSTS: pgettext_lazy("queue reason", "first posts"),
    HoldReason.WATCHED_WORD: pgettext_lazy("queue reason", "watched word"),
    HoldReason.CONTACT_DETAILS: pgettext_lazy("queue reason", "contact details"),
    AT_RISK_REASON: pgettext_lazy("queue reason", "someone may be at risk"),
    HIDDEN_BY_REPORTS_REASON: pgettext_lazy("queue reason", "hidden by reports"),
    CRISIS_REASONS[crisis.Kind.CRISIS]: pgettext_lazy(
        "queue reason", "crisis language"
    ),
    CRISIS_REASONS[crisis.Kind.OVERDOSE]: pgettext_lazy(
        "queue reason", "overdose language"
    ),
}


@register.filter
def queue_reasons(reasons):
    """A queue item's stored reasons, readable in the active language."""
    return ", ".join(str(QUEUE_REASON_LABELS.get(r, r)) for r in reasons)


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
