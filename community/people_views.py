"""Keeping people away: muting and blocking from a profile, managed on the Account
page. What each does is community/relations.py's to say."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from community import relations
from community.decorators import members_only
from community.limits import RateLimited
from community.models import MemberRelation, User
from community.redirects import safe_next

Kind = MemberRelation.Kind


def _other(request, pk):
    return get_object_or_404(User.objects.filter(is_active=True), pk=pk)


def _back(request, other):
    return redirect(safe_next(request, other.get_absolute_url()))


@members_only
@require_GET
def people(request):
    """The Account page's list of the members you mute or block."""
    return render(
        request,
        "community/people.html",
        {"kept_away": relations.kept_away(request.user)},
    )


@members_only
@require_POST
def keep_away(request, pk, kind):
    other = _other(request, pk)
    try:
        relations.keep_away(request.user, other, kind)
    except (ValidationError, RateLimited) as refused:
        text = getattr(refused, "message", None) or " ".join(refused.messages)
        messages.error(request, text)
        return _back(request, other)
    if kind == Kind.BLOCK:
        done = _(
            "You blocked %(name)s. They won't be told. You can unblock them on "
            "your Account page."
        )
    else:
        done = _(
            "You muted %(name)s. They won't be told. You can unmute them on your "
            "Account page."
        )
    messages.success(request, done % {"name": other.display_name})
    return _back(request, other)


@members_only
@require_POST
def let_back(request, pk):
    other = _other(request, pk)
    try:
        relations.let_back(request.user, other)
    except RateLimited as refused:
        messages.error(request, refused.message)
        return _back(request, other)
    messages.success(
        request,
        _("%(name)s is no longer muted or blocked.") % {"name": other.display_name},
    )
    return _back(request, other)
