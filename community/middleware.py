from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.middleware.csp import ContentSecurityPolicyMiddleware, get_nonce
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.csp import CSP, build_policy
from django.utils.translation import ngettext

from community import staff_sessions
from community.models import standing_of
from community.permissions import member_powers_only


def suspended_members_are_signed_out(get_response):
    """A suspended or banned member can't stay signed in; they see why instead.

    The notice page is public and carries the crisis resources like every page.
    """

    def middleware(request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            sanction = standing_of(user).blocking
            if sanction is not None and standing_of(user).is_suspended:
                logout(request)
                request.session["suspension_notice"] = sanction.pk
                return redirect(reverse("community:suspended"))
        return get_response(request)

    return middleware


def method_not_allowed_is_a_page(get_response):
    """Django answers a wrong method with an empty 405; people get the site's page.

    A member lands here by reloading or bookmarking the address a form posted to.
    """

    def middleware(request):
        response = get_response(request)
        if response.status_code == 405 and not response.content:
            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response

    return middleware


def staff_powers_need_the_second_factor(get_response):
    """Staff powers only for a session whose sign-in used the second factor.

    Any other session gets a member's powers for the whole request, in every
    predicate (community.permissions). A staff session ends STAFF_SESSION_AGE after
    its first code: the person signs in again.
    """

    def middleware(request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return get_response(request)
        # Most sessions never gave a code: then it can't be over either, and the
        # session's records are read once.
        if not staff_sessions.passed_second_factor(request):
            with member_powers_only(user):
                return get_response(request)
        if staff_sessions.staff_session_is_over(request):
            logout(request)
            hours = round(settings.STAFF_SESSION_AGE.total_seconds() / 3600)
            messages.info(
                request,
                ngettext(
                    "Staff sign-ins last %(hours)d hour. Please sign in again.",
                    "Staff sign-ins last %(hours)d hours. Please sign in again.",
                    hours,
                )
                % {"hours": hours},
            )
            return redirect_to_login(request.get_full_path())
        return get_response(request)

    return middleware


class ContentSecurityPolicyBuiltOnce(ContentSecurityPolicyMiddleware):
    """Django's CSP middleware, with the header of a page that used no nonce built
    once per policy instead of on every response (the cached article page, the
    health check). Pages with a nonce, and everything else, go to Django's."""

    _built = (None, "")  # (the policy dict, its header); settings aren't mutated

    def process_response(self, request, response):
        config = getattr(response, "_csp_config", settings.SECURE_CSP)
        if config and not get_nonce(request) and CSP.HEADER_ENFORCE not in response:
            if self._built[0] is not config:
                self._built = (config, build_policy(config))
            # A plain str, as Django's own sets it: WSGI servers may refuse a
            # str subclass (wsgiref does) as a header name.
            response.headers[str(CSP.HEADER_ENFORCE)] = self._built[1]
        return super().process_response(request, response)
