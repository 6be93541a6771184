from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from community.permissions import has_two_factor, holds_staff_role
from community.staff_sessions import second_factor_step


def members_only(view):
    """Member content needs sign-in and stays out of search engines; shared caches
    never keep it (community/http_caching.py makes every response private unless
    its view opts in)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapper


def staff_only(*may_enter):
    """A staff page, for whoever any of the `may_enter` predicates lets in.

    The predicates already need a session that passed the second factor; staff in
    any other session are sent to give their code, or to set up an authenticator
    first. Everyone else gets 403.
    """

    def decorate(view):
        @members_only
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if any(allowed(user) for allowed in may_enter) and has_two_factor(user):
                return view(request, *args, **kwargs)
            if holds_staff_role(user):
                step = second_factor_step(request)
                if step is not None:
                    return step
            raise PermissionDenied

        return wrapper

    return decorate
