"""One-click unsubscribe from the email summary (RFC 8058), without signing in.

Each summary carries a link holding a signed token: the token is the authority, so
a mail client can POST to it with no cookie and no CSRF token. Opening the link
(GET) only shows a button, because link scanners and previews fetch every link in
an email. The token never expires: an old summary's link must still work.
"""

from django.core import signing
from django.http import Http404
from django.urls import reverse

from community.emails import absolute_url
from community.models import Profile, User

SALT = "community.email_unsubscribe"


def token_for(member: User) -> str:
    return signing.Signer(salt=SALT).sign(str(member.pk))


def member_for(token: str) -> User:
    """The member the token was made for; 404 for a forged or mangled one."""
    try:
        pk = int(signing.Signer(salt=SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        raise Http404 from None
    member = User.objects.filter(pk=pk).select_related("profile").first()
    if member is None:
        raise Http404
    return member


def unsubscribe_url(member: User) -> str:
    return absolute_url(
        reverse("community:email_unsubscribe", args=[token_for(member)])
    )


def unsubscribe_headers(member: User) -> dict[str, str]:
    """The headers that let a mail client offer its own Unsubscribe button."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(member)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def stop_email_digest(member: User) -> None:
    Profile.objects.filter(user=member).update(email_digest=Profile.EmailDigest.NEVER)
