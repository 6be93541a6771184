"""Read-only maintenance mode: reading continues, every write waits.

On with `READ_ONLY=true` (a restart), or without one while the file named by
`READ_ONLY_FLAG_FILE` exists (each process looks at most once a second). Then:

- every request with a method that writes (POST, PUT, PATCH, DELETE) gets the "back
  soon" page (503, Retry-After), except signing out and switching language, which
  work without writing (see WRITES_THAT_STILL_WORK);
- signing in and signing up are refused the same way (they write last_login and a
  session); members already signed in keep reading;
- sessions are not saved (community/sessions), and the few writes that happen
  while reading (a download counter, a saved language) are skipped where they
  live, asking `is_on()`;
- the database refuses any INSERT, UPDATE or DELETE made while a request is
  served, so a write path missed above fails instead of writing: the person gets
  the same page and the log names the view.

The task worker is separate and keeps running (see the README's runbook).
"""

import functools
import logging
import os
import re
import time
from contextlib import ExitStack

from django.conf import settings
from django.db import DatabaseError, connections
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
# Writes that people need even during maintenance, and that write nothing then:
# signing out only drops the session cookie (the stored session is left to
# expire), and switching language only sets the language cookie.
WRITES_THAT_STILL_WORK = {"account_logout", "set_language"}
_FLAG_CHECK_SECONDS = 1.0
_flag = {"path": None, "checked_at": float("-inf"), "exists": False}


def waits_during_maintenance(view):
    """For a page that may only be read if its reading is recorded (a moderator
    opening private messages is logged every time): while read-only, it answers
    with the back-soon page instead of being read unrecorded."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_on():
            return back_soon_page(request)
        return view(request, *args, **kwargs)

    wrapper.waits_during_maintenance = True
    return wrapper


def is_on() -> bool:
    """Whether the site is read-only right now."""
    if getattr(settings, "READ_ONLY", False):
        return True
    path = getattr(settings, "READ_ONLY_FLAG_FILE", "")
    return bool(path) and _flag_file_exists(str(path))


def _flag_file_exists(path: str) -> bool:
    # One stat a second per process: cheap enough for every request, and an
    # operator's `touch` reaches every worker within a second.
    now = time.monotonic()
    if _flag["path"] != path or now - _flag["checked_at"] >= _FLAG_CHECK_SECONDS:
        _flag.update(path=path, checked_at=now, exists=os.path.exists(path))
    return _flag["exists"]


class WriteRefused(DatabaseError):
    """A write reached the database while the site is read-only."""


_WRITE_SQL = re.compile(
    r"^\s*(?:WITH\b.*?\b)?(INSERT|UPDATE|DELETE|REPLACE|MERGE|TRUNCATE|"
    r"CREATE|DROP|ALTER)\b",
    re.IGNORECASE | re.DOTALL,
)


def is_write(sql: str) -> bool:
    return _WRITE_SQL.match(sql) is not None


def refuse_writes(execute, sql, params, many, context):
    """A database execute_wrapper: reading passes, writing raises WriteRefused."""
    if is_write(sql):
        raise WriteRefused(f"Read-only mode refused: {sql[:80]}")
    return execute(sql, params, many, context)


def _url_name(request):
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


def back_soon_page(request, status=503):
    """The maintenance page: the site's shell and banner, and what they typed."""
    response = render(
        request,
        "community/back_soon.html",
        {"typed": _what_they_typed(request)},
        status=status,
    )
    response["Retry-After"] = str(settings.READ_ONLY_RETRY_AFTER)
    add_never_cache_headers(response)
    return response


_PRIVATE_FIELD = re.compile(r"password|csrf|token|code|secret|key", re.IGNORECASE)


def _what_they_typed(request):
    """Sentences from the form they sent, to copy and send later (nothing secret)."""
    if request.method in SAFE_METHODS:
        return []
    return [
        value.strip()
        for name, values in request.POST.lists()
        if not _PRIVATE_FIELD.search(name)
        for value in values
        if " " in value.strip()
    ]


class ReadOnlyMiddleware:
    """After authentication and language (the page needs both), before the rest."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_on():
            return self.get_response(request)
        if (
            request.method not in SAFE_METHODS
            and _url_name(request) not in WRITES_THAT_STILL_WORK
        ):
            return back_soon_page(request)
        with ExitStack() as guards:
            for connection in connections.all():
                guards.enter_context(connection.execute_wrapper(refuse_writes))
            return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, WriteRefused):
            logger.error(
                "A write was refused in read-only mode: %s to view %s",
                request.method,
                _url_name(request),
            )
            return back_soon_page(request)
        return None
