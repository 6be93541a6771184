"""Who may keep a copy of a response: the one home of the Cache-Control rule.

Every response the site makes is `private, no-store` unless its view opts in with
`@public_for_visitors`, and even then it is shared-cacheable (by a CDN or proxy in
front of us) only when it is the same for every signed-out visitor:

- a GET or HEAD answered 200, to someone not signed in;
- no cookie set on the way out: a page that starts a session, hands out a CSRF
  token (a form) or shows a flash message is somebody's own page, and a shared
  cache would hand that token or message to the next visitor.

Public pages vary on Cookie (the language choice and a signed-in session live in
cookies), Accept-Language (a first visit's language) and Accept-Encoding (gzip).
A view that has set its own private Cache-Control (members' pictures, the health
check) keeps it.

The middleware sits outside the session, CSRF and messages middleware so it sees
every cookie they set; static files never reach it (WhiteNoise answers first).
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_vary_headers

PUBLIC_METHODS = frozenset({"GET", "HEAD"})
PUBLIC_VARY = ("Cookie", "Accept-Language", "Accept-Encoding")


def mark_public_for_visitors(response):
    """Let a shared cache keep this page for signed-out visitors (see module)."""
    response.public_for_visitors = True
    return response


def public_for_visitors(view):
    """A view whose every page may be shared-cached for visitors (see module)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return mark_public_for_visitors(view(request, *args, **kwargs))

    return wrapper


def is_shared_cacheable(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        getattr(response, "public_for_visitors", False)
        and request.method in PUBLIC_METHODS
        and response.status_code == 200
        and (user is None or not user.is_authenticated)
        and not response.cookies
    )


def _keeps_its_own_private_rule(response) -> bool:
    """A view's own no-store, or its own private max-age (members' pictures)."""
    current = response.get("Cache-Control", "").lower()
    return "no-store" in current or ("private" in current and "max-age" in current)


def public_cache_control() -> str:
    """What patch_cache_control would write on an empty header, without parsing."""
    return (
        f"public, max-age={settings.PUBLIC_PAGE_MAX_AGE}, "
        f"stale-while-revalidate={settings.PUBLIC_PAGE_STALE_WHILE_REVALIDATE}"
    )


def cache_policy(get_response):
    def middleware(request):
        response = get_response(request)
        if is_shared_cacheable(request, response):
            response["Cache-Control"] = public_cache_control()
            patch_vary_headers(response, PUBLIC_VARY)
        elif not _keeps_its_own_private_rule(response):
            response["Cache-Control"] = "private, no-store"
        return response

    return middleware
