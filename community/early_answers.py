"""Visitors' kept pages answered before the session, language and auth middleware.

A signed-out visitor's article page is kept in the process (articles/caching.py)
and costs no query or round trip, yet every request for it still passed
thirteen middleware and URL resolution to reach the view that hands it out:
in-process ~330 µs a page against ~200 µs for a bare view, so the page most
visits land on answered at 0.68 to 0.79 times the bare view's rate (the bench's
cached visitor page); answered here, ~150 µs and 1.12 to 1.21 times.

A view that serves kept markup marks its response `answer_early(response,
EarlyAnswer(...))`. This middleware, inside the cache policy and outside
everything that reads a session, keeps such a response's headers (what the
middleware inside added: language, Vary, framing) and URL match by path and
language. The next request for that path in that language, from a visitor the
inner middleware would treat the same, is answered from them: the view's own
source is asked for the markup as it is kept now, so what invalidates the kept
page (a version heard changed, expiry, a lost subscription) ends the early
answer too, and nothing is invalidated here. Anything else goes the whole way.

"Treated the same" is a GET with no query string, a host the site serves, and
none of the cookies that make a page someone's own: a session (a member, or a
visitor whose session holds anything), flash messages, or a cookie the view
names (a poll voter's). The middleware outside (security headers, the content
security policy, gzip, the cache policy, the access log) runs as for any page.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import translation

from community.deflate_once import KeptMarkup
from community.http_caching import mark_public_for_visitors

MESSAGES_COOKIE = CookieStorage.cookie_name  # flash messages waiting to be shown


@dataclass(frozen=True)
class EarlyAnswer:
    """How a view's kept response can be given again without the view."""

    markup: Callable[[], KeptMarkup | None]  # as kept now; None: no longer kept
    own_cookies: tuple[str, ...] = ()  # cookies that make the page someone's own


def answer_early(response, early: EarlyAnswer):
    """Let this visitor's response be answered again before the middleware."""
    response.early_answer = early
    return response


@dataclass(frozen=True)
class _Kept:
    early: EarlyAnswer
    markup: KeptMarkup  # the one the response was made from
    headers: tuple  # (name, value) as the middleware inside left them
    resolver_match: object  # for the access log and the metrics' route

    def serves(self, request):
        return not any(name in request.COOKIES for name in self.early.own_cookies)

    def is_current(self):
        return self.early.markup() is self.markup

    def response(self, request, language):
        translation.activate(language)
        request.LANGUAGE_CODE = language
        request.resolver_match = self.resolver_match
        return mark_public_for_visitors(
            HttpResponse(self.markup.filled(), headers=dict(self.headers))
        )


# path -> {language: _Kept}, only for responses a view marked.
_kept = {}


def visitors_kept_pages_are_answered_early(get_response):
    def middleware(request):
        if not _alike_for_every_visitor(request):
            return get_response(request)
        languages = _kept.get(request.path)
        if languages:  # only then is the language worth choosing here
            language = translation.get_language_from_request(request)
            kept = languages.get(language)
            if kept is not None and kept.serves(request) and _served_here(request):
                if kept.is_current():
                    return kept.response(request, language)
                del languages[language]  # no longer kept there: forget it here
        response = get_response(request)
        _keep(request, response)
        return response

    return middleware


def _alike_for_every_visitor(request):
    """Whether the middleware inside treats this request as any visitor's."""
    if request.method != "GET" or request.META.get("QUERY_STRING"):
        return False
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies
    )


def _served_here(request):
    try:
        request.get_host()  # an unknown host goes the whole way, to its 400
    except DisallowedHost:
        return False
    return True


def _keep(request, response):
    early = getattr(response, "early_answer", None)
    if early is None:
        return
    markup = early.markup()
    user = getattr(request, "user", None)
    if (
        markup is None
        or (user is not None and user.is_authenticated)
        or response.status_code != 200
        or response.cookies
        or response.streaming
    ):
        return
    kept = _Kept(early, markup, tuple(response.items()), request.resolver_match)
    _kept.setdefault(request.path, {})[request.LANGUAGE_CODE] = kept
