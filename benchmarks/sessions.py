"""Signed-in sessions for the load generator, made server-side in bulk.

Each session holds what django.contrib.auth.login stores (user id, backend and
the password-derived hash). The hash and the session's signature both depend on
SECRET_KEY, so they are made with the benchmark server's key. CSRF uses one
unmasked 32-character secret as both the cookie and the form field.
"""

import datetime
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.utils import timezone
from django.utils.crypto import get_random_string

from community.models import User


def csrf_secret() -> str:
    return get_random_string(32)  # letters and digits: what Django's secret looks like


def make_sessions(member_ids, *, secret_key, path: Path) -> int:
    """Store one session per member and write their keys to `path`, one a line.

    Sessions from the previous run (listed in `path`) are deleted first.
    """
    if path.exists():
        Session.objects.filter(session_key__in=path.read_text().split()).delete()
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    backend = settings.AUTHENTICATION_BACKENDS[0]
    expires = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    rows = []
    users = User.objects.filter(pk__in=member_ids).order_by("pk")
    with override_settings(SECRET_KEY=secret_key):
        for user in users:
            data = {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: backend,
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
            rows.append(
                Session(
                    session_key=get_random_string(32, VALID_KEY_CHARS),
                    session_data=store_class().encode(data),
                    expire_date=expires,
                )
            )
    Session.objects.bulk_create(rows, batch_size=1_000)
    path.write_text("".join(f"{row.session_key}\n" for row in rows))
    return len(rows)
