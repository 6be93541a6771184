"""The admin site, minus its password-only sign-in page.

Signing in happens on the site's own form (allauth: rate limits, the second
factor); the admin's login URL only sends people there, and the admin opens only
to a staff session that passed the second factor.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from community.permissions import can_use_admin, has_two_factor
from community.staff_sessions import second_factor_step


class StaffAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return can_use_admin(request.user) and has_two_factor(request.user)

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            next_url = reverse("admin:index", current_app=self.name)
        if not request.user.is_authenticated:
            return redirect_to_login(next_url, resolve_url(settings.LOGIN_URL))
        if self.has_permission(request):
            return redirect(next_url)
        if request.user.is_staff and request.user.is_active:
            step = second_factor_step(request)
            if step is not None:
                return step
        raise PermissionDenied
