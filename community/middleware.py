from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from community.models import standing_of


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
