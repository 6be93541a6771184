"""Rate limits: the one place that says how often someone may do something.

Every app's actions count here (posting, reacting, searching, writing to the
moderators, visitors' poll votes). Counters live in the cache (Redis in
production), so every app server shares them. Visitors are counted by a keyed hash
of their network address, kept only in the cache, never stored in clear.

When the cache can't count (Redis is down), each limit says what happens
(WHEN_UNCOUNTED): writing is refused, so a flood can't slip through while nothing
counts; reading goes on, and so do the two ways members bring harm or distress to
the moderators (reports and messages to them), which only members can use.
"""

import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from community.cache import CacheUnavailable, count_up_many, outages_raised
from community.permissions import can_moderate

logger = logging.getLogger(__name__)


class RateLimited(Exception):
    """Refused for now; the person's draft must be kept."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


MESSAGES = {
    "post_gap": _(
        "You're posting very quickly. Please wait a few seconds and try again."
    ),
    "visitor_question": _(
        "Thanks for your questions! You've reached today's limit for "
        "visitors. Please try again tomorrow, or join to keep the conversation going."
    ),
    "moderator_message": _(
        "You've sent the moderators several messages today, and "
        "they will read every one. You can write again tomorrow; your text is still "
        "here. If you need help now, the crisis lines at the top of the page are open "
        "any time."
    ),
    "visitor_vote": _(
        "Thanks for taking part! Several votes in this poll have already "
        "come from your network today, so we can't count another one from it until "
        "tomorrow. Members can always vote: sign in to add yours."
    ),
}
DEFAULT_MESSAGE = _(
    "You've reached today's limit for this. It resets within a day; your text is "
    "still here."
)


REFUSE, ALLOW = "refuse", "allow"
WHEN_UNCOUNTED = {
    "post_gap": REFUSE,
    "update": REFUSE,
    "reply": REFUSE,
    "question": REFUSE,
    "visitor_question": REFUSE,
    "edit": REFUSE,
    "reaction": REFUSE,
    "visitor_vote": REFUSE,
    "report": ALLOW,
    "moderator_message": ALLOW,
    "search": ALLOW,
    "visitor_search": ALLOW,
    # Keeping someone away is a safety act, like a report: never stopped by an outage.
    "member_relation": ALLOW,
    "new_private_conversation": REFUSE,
}
LOG_UNCOUNTED_EVERY_SECONDS = 60
_last_logged_uncounted: dict[str, float] = {}


def uncounted_message() -> str:
    """Why a write was refused while the limits can't count, in the request's
    language (two sentences the error page already has translated)."""
    return " ".join(
        [
            gettext("Something went wrong on our side") + ".",
            gettext(
                "Please try again in a moment. If you need help right now, the "
                "lines at the top of this page are open any time."
            ),
        ]
    )


def client_address(request) -> str:
    """The visitor's network address.

    REMOTE_ADDR, unless settings.TRUSTED_PROXY_COUNT says that many proxies of ours
    stand in front and append to X-Forwarded-For: then the address the nearest of
    them saw. Anything further left in the header is the client's own claim.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def visitor_key(request) -> str:
    """A keyed hash (HMAC with SECRET_KEY) of the visitor's network address."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        client_address(request).encode(),
        hashlib.sha256,
    )
    return digest.hexdigest()[:32]


def check_rate_limit(who, action: str, *, scope="") -> None:
    """Count one `action` by `who` (a member, or a visitor key); raise if over.

    `scope` counts separately per object (a poll, say). Moderators are never
    limited.
    """
    check_rate_limits((who, action, scope))


def check_rate_limits(*uses) -> None:
    """`check_rate_limit` for each (who, action, scope), counted together (one
    round trip to Redis: a post counts against its kind's limit and the gap
    between posts); the first over its limit is refused."""
    counted = [
        (who, action, scope)
        for who, action, scope in uses
        if isinstance(who, str) or not can_moderate(who)  # moderators: unlimited
    ]
    if not counted:
        return
    keys = [
        (_counter_key(who, action, scope), settings.FORUM_RATE_LIMITS[action][1])
        for who, action, scope in counted
    ]
    try:
        with outages_raised():
            used = count_up_many(keys)
    except CacheUnavailable:
        for _who, action, _scope in counted:
            _uncounted(action)
        return
    for (_who, action, _scope), count in zip(counted, used, strict=True):
        if count > settings.FORUM_RATE_LIMITS[action][0]:
            # In the language of the request that was refused.
            raise RateLimited(str(MESSAGES.get(action, DEFAULT_MESSAGE)))


def _uncounted(action) -> None:
    """Apply `action`'s policy for when nothing can count; log it now and then."""
    policy = WHEN_UNCOUNTED.get(action, REFUSE)
    now = time.monotonic()
    if now - _last_logged_uncounted.get(action, -LOG_UNCOUNTED_EVERY_SECONDS) >= (
        LOG_UNCOUNTED_EVERY_SECONDS
    ):
        _last_logged_uncounted[action] = now
        logger.warning(
            "Rate limit %r can't count (the cache is unavailable): %s.",
            action,
            "refusing" if policy == REFUSE else "allowing",
        )
    if policy == REFUSE:
        raise RateLimited(uncounted_message())


def reset_rate_limits(member_ids, actions) -> None:
    """Forget members' current counts for `actions` (used by the benchmark, whose
    synthetic members would otherwise carry one run's posts into the next)."""
    cache.delete_many(
        [
            _counter_key(_member_subject(pk), action)
            for pk in member_ids
            for action in actions
        ]
    )


def _member_subject(member_id) -> str:
    return f"member:{member_id}"


def _counter_key(who, action: str, scope="") -> str:
    """`who` is a member, or a visitor key (a string)."""
    subject = who if isinstance(who, str) else _member_subject(who.pk)
    key = f"ratelimit:{action}:{subject}"
    return f"{key}:{scope}" if scope != "" else key
