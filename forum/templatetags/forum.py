"""Template tags for post cards; the markup itself lives in forum/cards.py."""

from django import template
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from community import crisis
from forum.actions import reaction_notice_detail
from forum.cards import CardRenderer
from forum.models import Notification, Reaction, Report, Status
from forum.moderation.crisis_items import CRISIS_REASONS
from forum.moderation.reports import (
    AT_RISK_REASON,
    HIDDEN_BY_REPORTS_REASON,
    report_queue_reason,
)
from forum.moderation.screening import HoldReason
from forum.moderation.wording import in_reader_language

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
QUEUE_REASON_LABELS |= {
    report_queue_reason(reason): format_lazy(
        pgettext_lazy("queue reason", "report: {reason}"), reason=reason.label
    )
    for reason in Report.Reason
}


@register.filter
def queue_reasons(reasons):
    """A queue item's stored reasons, readable in the active language."""
    return ", ".join(str(QUEUE_REASON_LABELS.get(r, r)) for r in reasons)


# Reaction notifications store the reaction's English name (forum/actions.py).
REACTION_NAMES = {reaction_notice_detail(kind): kind.label for kind in Reaction.Kind}


@register.filter
def notification_detail(notification):
    """A notification's detail (a reaction's name, a moderation notice) in the
    active language."""
    if notification.kind == Notification.Kind.REACTION:
        return REACTION_NAMES.get(notification.detail, notification.detail)
    return in_reader_language(notification.detail)


@register.filter
def moderation_words(text):
    """A stored moderation notice or status reason, in the active language."""
    return in_reader_language(text)


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


@register.filter
def status_label(value):
    """A post status as stored (e.g. in the moderation log), in words."""
    try:
        return Status(value).label
    except ValueError:
        return value
