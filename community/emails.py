"""How every email names the community and links back to it.

Emails name the site by `SITE_EMAIL_NAME` (the site's name unless an operator sets a
more neutral one: an inbox is not always private) and link to `SITE_URL`, the
address the site is served on. Emails sent while answering a request (allauth's)
link to the address that request came in on, which is the same site.
"""

from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from urllib.parse import urlsplit

from django.conf import settings


@dataclass(frozen=True)
class EmailSite:
    """What allauth's templates call `current_site`, without the sites framework."""

    name: str
    domain: str


def email_site() -> EmailSite:
    return EmailSite(
        name=settings.SITE_EMAIL_NAME or settings.SITE_NAME,
        domain=urlsplit(settings.SITE_URL).netloc,
    )


def email_context() -> dict:
    site = email_site()
    return {"current_site": site, "site_name": site.name}


def absolute_url(path: str) -> str:
    """A link for an email sent outside any request (the task worker's)."""
    return settings.SITE_URL.rstrip("/") + path


def sender_address() -> str:
    """The sender as the site names itself in email, at DEFAULT_FROM_EMAIL's address."""
    _, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((email_site().name, address))
