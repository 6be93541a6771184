import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from community import (
    account_deletion,
    actions,
    data_export,
    email_unsubscribe,
    languages,
    read_only,
    relations,
)
from community.decorators import members_only
from community.forms import AccountDeletionForm, ModeratorMessageForm, ProfileForm
from community.http_caching import public_for_visitors
from community.limits import RateLimited
from community.models import ModeratorMessage, Sanction, User, standing_of


@require_GET
def healthz(request):
    """For load balancers: the app answers through the full middleware stack.

    No database or cache access, so it also serves as the benchmark's floor.
    """
    response = HttpResponse("ok", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response


@public_for_visitors
def home(request):
    return render(request, "community/home.html")


@members_only
def welcome(request):
    """Where a new member lands once their address is confirmed."""
    return render(
        request,
        "community/welcome.html",
        {"first_posts_held": settings.FORUM_HOLD_FIRST_POSTS},
    )


@public_for_visitors
def help_page(request):
    return render(request, "community/help.html")


@public_for_visitors
def guidelines(request):
    rules = {
        "auto_hide_reporters": settings.FORUM_AUTO_HIDE_REPORTERS,
        "first_posts_held": settings.FORUM_HOLD_FIRST_POSTS,
    }
    return render(request, "community/guidelines.html", rules)


@public_for_visitors
def privacy(request):
    periods = {
        "visitor_link_days": settings.FORUM_VISITOR_LINK_DAYS,
        # The periods come from the rules that apply them, so the page can't drift.
        "deletion_grace_days": account_deletion.GRACE_PERIOD.days,
        "export_link_days": data_export.EXPORT_LIFETIME.days,
    }
    return render(request, "community/privacy.html", periods)


@public_for_visitors
def about(request):
    return render(request, "community/about.html")


@members_only
def profile_detail(request, pk):
    member = get_object_or_404(
        User.objects.filter(is_active=True).select_related("profile"), pk=pk
    )
    context = {
        "member": member,
        "relation": relations.relation_with(request.user, member),
        "may_block": relations.may_block(member),
    }
    return render(request, "community/profile_detail.html", context)


@members_only
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    user = request.user
    initial = {
        "display_name": user.display_name,
        "bio": user.profile.bio,
        "email_digest": user.profile.email_digest,
        "digest_includes_post_text": user.profile.digest_includes_post_text,
        "who_may_message": user.profile.who_may_message,
    }
    form = ProfileForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.update_profile(user, **form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect(user)
    status = 400 if form.errors else 200
    return render(request, "community/profile_edit.html", {"form": form}, status=status)


@members_only
@require_http_methods(["GET", "POST"])
def account_delete(request):
    """Ask to leave: password (and code), and the member's choice for their posts."""
    form = AccountDeletionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        account_deletion.request_deletion(
            User.objects.get(pk=request.user.pk),  # the model, not the lazy proxy
            mode=form.cleaned_data["mode"],
            keep_pictures=form.cleaned_data["keep_pictures"],
        )
        logout(request)
        return redirect("community:account_delete_requested")
    status = 400 if form.errors else 200
    context = {"form": form, "grace_days": account_deletion.GRACE_PERIOD.days}
    return render(request, "community/account_delete.html", context, status=status)


@require_GET
def account_delete_requested(request):
    context = {"grace_days": account_deletion.GRACE_PERIOD.days}
    return render(request, "community/account_delete_requested.html", context)


@require_http_methods(["GET", "POST"])
def account_delete_cancel(request, token):
    """The email's link: one button, because mail scanners open links by themselves."""
    deletion = account_deletion.deletion_for_token(token)
    if deletion is None:
        return render(
            request,
            "community/account_delete_cancel.html",
            {"expired": True},
            status=404,
        )
    if request.method == "POST":
        account_deletion.cancel_deletion(deletion)
        messages.success(
            request, _("Your account will not be deleted. Welcome back any time.")
        )
        return redirect("account_login")
    return render(
        request, "community/account_delete_cancel.html", {"deletion": deletion}
    )


# The signed token authenticates; mail clients unsubscribe by a bare POST (RFC 8058).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_from_email(request, token):
    """GET asks (link scanners fetch every link); POST stops the summary."""
    member = email_unsubscribe.member_for(token)
    stopped = request.method == "POST"
    if stopped:
        email_unsubscribe.stop_email_digest(member)
    response = render(request, "community/email_unsubscribe.html", {"stopped": stopped})
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt
@require_POST
def set_language(request):
    """Django's switch (cookie, safe `next`), and a member's profile remembers it.

    Visitors' pages are cached whole, so their form carries no CSRF token: switching
    a visitor's language is harmless. A member's form has one and it is checked.
    """
    if request.user.is_authenticated:
        return csrf_protect(_set_language)(request)
    return _set_language(request)


def _set_language(request):
    response = i18n.set_language(request)
    chosen = request.POST.get(i18n.LANGUAGE_QUERY_PARAMETER)
    if (
        request.method == "POST"
        and request.user.is_authenticated
        and languages.is_offered(chosen)
        and not read_only.is_on()  # the cookie switches; the profile waits
    ):
        languages.save_member_language(request, chosen)
    return response


def server_error(request):
    """500 page that still has the site name and the crisis banner."""
    template = loader.get_template("500.html")
    # No context processors here (they might be what failed): name the language too.
    context = {
        "SITE_NAME": settings.SITE_NAME,
        "LANGUAGE_CODE": get_language(),
        "request_id": getattr(request, "request_id", ""),
    }
    return HttpResponseServerError(template.render(context))


# Never offered back: secrets, and the stale token itself.
UNKEPT_FIELDS = ("csrfmiddlewaretoken", "password", "otp", "code", "token")
TOKEN_LIKE = re.compile(r"[\w:/?#=&.%+-]{0,200}")


def csrf_failure(request, reason=""):
    """A form came back without a valid security token: the page sat open for a
    long time, or the member signed in or out in another tab. Nothing was done.

    The site's page (with the crisis banner) says so and, unless the form came from
    another site, offers what was typed back in a form with a fresh token that
    posts to the same address. Pictures can't be carried over.
    """
    from_elsewhere = request.headers.get("Sec-Fetch-Site", "same-origin") not in {
        "same-origin",
        "none",
    } or request.headers.get("Origin", "null") not in {
        "null",
        f"{request.scheme}://{request.get_host()}",
    }
    fields = [] if from_elsewhere else _typed_fields(request.POST)
    context = {
        "from_elsewhere": from_elsewhere,
        "action": request.path,
        "fields": fields,
        "typed": [field for field in fields if not field["hidden"]],
        "had_files": bool(request.FILES),
    }
    return render(request, "community/csrf_failure.html", context, status=403)


def _typed_fields(data):
    fields = []
    for name, values in data.lists():
        if any(part in name.lower() for part in UNKEPT_FIELDS):
            continue
        for value in values:
            fields.append(
                {
                    "name": name,
                    "label": name.replace("_", " ").capitalize(),
                    "value": value,
                    # Choices, ids and addresses travel unseen; words are shown.
                    "hidden": bool(TOKEN_LIKE.fullmatch(value)),
                }
            )
    return fields


def suspended(request):
    """Why a member was signed out, how to appeal, and the crisis resources."""
    sanction = Sanction.objects.filter(
        pk=request.session.get("suspension_notice")
    ).first()
    form = ModeratorMessageForm(request.POST or None)
    status = 200
    if sanction is not None and request.method == "POST":
        status = _write_to_moderators(form, sanction.member)
        if status is None:
            messages.success(request, _("Your message is with the moderators."))
            return redirect("community:suspended")
    return render(
        request,
        "community/suspended.html",
        {"sanction": sanction, "form": form},
        status=status,
    )


def _write_to_moderators(form, member):
    """None once sent; else 400 or 429, with the form keeping what was typed."""
    if not form.is_valid():
        return 400
    try:
        actions.write_to_moderators(member, body=form.cleaned_data["body"])
    except RateLimited as limited:
        form.add_error(None, limited.message)
        return 429
    return None


@members_only
@require_http_methods(["GET", "POST"])
def contact_moderators(request):
    """Open to every member, silenced ones included."""
    form = ModeratorMessageForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = _write_to_moderators(form, request.user)
        if status is None:
            messages.success(request, _("Your message is with the moderators."))
            return redirect("community:contact_moderators")
    return render(
        request,
        "community/contact_moderators.html",
        {
            "form": form,
            "standing": standing_of(request.user),
            "sent": ModeratorMessage.objects.filter(member=request.user)[:10],
        },
        status=status,
    )
