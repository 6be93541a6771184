from django.contrib.auth import logout
from django.shortcuts import redirect, render
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
