"""Which language a person reads: on pages, and in the email they get.

Visitors: Django's LocaleMiddleware picks the language cookie (set by the footer's
switch), else the browser's Accept-Language. Members: the language saved on their
profile wins. It is copied into the session when they sign in (or switch), so a page
costs no extra query; `member_language_is_used` activates it.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

from community.models import Profile

SESSION_KEY = "member_language"


def is_offered(code) -> bool:
    return code in dict(settings.LANGUAGES)


def recipient_language(user, *, default: str | None = None) -> str:
    """The language an email to `user` is written in.

    Their saved choice; else `default` (the language of the request that sends it,
    for a visitor signing up); else the site's language.
    """
    profile = getattr(user, "profile", None) if user is not None else None
    saved = getattr(profile, "language", "")
    if is_offered(saved):
        return saved
    if default and is_offered(default):
        return default
    return settings.LANGUAGE_CODE


def written_for(user, *, default: str | None = None):
    """`with written_for(member):` renders an email in the member's language."""
    return translation.override(recipient_language(user, default=default))


def remember_signup_language(user, code: str) -> None:
    """A new member keeps the language they signed up in, for pages and email."""
    if is_offered(code):
        Profile.objects.filter(user=user).update(language=code)


def save_member_language(request, code: str) -> None:
    """A signed-in member switched language: keep it on the profile and use it now."""
    Profile.objects.update_or_create(user=request.user, defaults={"language": code})
    request.session[SESSION_KEY] = code


@receiver(user_logged_in, dispatch_uid="community.languages.use_saved_language")
def use_saved_language(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    saved = getattr(getattr(user, "profile", None), "language", "")
    if is_offered(saved):
        request.session[SESSION_KEY] = saved


def member_language_is_used(get_response):
    """After authentication: a signed-in member's saved language beats cookie and
    browser (LocaleMiddleware has already chosen from those)."""

    def middleware(request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = request.session.get(SESSION_KEY)
            if language and is_offered(language):
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return get_response(request)

    return middleware
