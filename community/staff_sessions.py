"""Staff sessions: staff powers need a sign-in that used the second factor.

allauth records each way a session authenticated (password, then "mfa" for the
authenticator code, also when the code is asked again later). A session with no
"mfa" record (password only, the admin's old form, a session from before the
authenticator existed) gives staff a member's powers (community.permissions).
A staff session ends STAFF_SESSION_AGE after its first code.
"""

import time

from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from community.permissions import has_two_factor, holds_staff_role

SECOND_FACTOR = "mfa"


def _second_factor_times(request) -> list[float]:
    return [
        record.get("at", 0)
        for record in get_authentication_records(request, request.user)
        if record.get("method") == SECOND_FACTOR
    ]


def passed_second_factor(request) -> bool:
    """Whether this session's sign-in (or a later check) used the second factor."""
    return bool(_second_factor_times(request))


def staff_session_is_over(request) -> bool:
    """A staff session that gave its first code more than STAFF_SESSION_AGE ago."""
    times = _second_factor_times(request)
    if not times:
        return False
    age = time.time() - min(times)
    return age > settings.STAFF_SESSION_AGE.total_seconds() and holds_staff_role(
        request.user
    )


def second_factor_step(request):
    """Where staff go to get staff powers in this session; None if they have them."""
    if not has_two_factor(request.user):
        messages.info(
            request, _("Staff pages need two-factor sign-in. Set it up here first.")
        )
        return redirect("mfa_activate_totp")
    if not passed_second_factor(request):
        messages.info(
            request,
            _(
                "Staff pages need the code from your authenticator app "
                "for this sign-in."
            ),
        )
        url = reverse("mfa_reauthenticate")
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
    return None
