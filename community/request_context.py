"""Which request (or task) a log line belongs to, and one JSON line per request.

The request id comes from a sane incoming `X-Request-ID` (a proxy's) or is made
here; it goes back in the response header, on every log line written while the
request runs, and on the error pages ("Reference: ..."), so a member's report can
be matched to the logs. Tasks log their own id, and the request that enqueued them
logs both ids, so a task's lines lead back to the request.
"""

import contextvars
import logging
import re
import time
import uuid

from django.core.cache import cache
from django.tasks.backends.immediate import ImmediateBackend
from django.tasks.signals import task_enqueued, task_finished, task_started

from community import metrics

request_id = contextvars.ContextVar("request_id", default="")
task_id = contextvars.ContextVar("task_id", default="")

access_log = logging.getLogger("community.access")
task_log = logging.getLogger("community.tasks")

# Letters, digits and . _ - only: an id never carries text into our logs.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def request_id_for(request) -> str:
    # META directly: request.headers would build a dict of every header.
    offered = request.META.get("HTTP_X_REQUEST_ID", "")
    if SANE_REQUEST_ID.fullmatch(offered):
        return offered
    return uuid.uuid4().hex


def route_name(request) -> str:
    """The URL pattern's name: never the path, which may hold ids or tokens."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"
    return match.view_name or "unnamed"


def user_kind(request) -> str:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "visitor"
    return "staff" if user.is_staff else "member"


def requests_are_logged_and_measured(get_response):
    """Outermost middleware: the request id, one access line, and the metrics."""

    def middleware(request):
        request.request_id = request_id_for(request)
        id_token = request_id.set(request.request_id)
        queries = metrics.count_queries()
        started = time.perf_counter()
        try:
            response = get_response(request)
        finally:
            seconds = time.perf_counter() - started
            request_id.reset(id_token)
        response["X-Request-ID"] = request.request_id
        route = route_name(request)
        method = request.method if request.method in KNOWN_METHODS else "OTHER"
        metrics.observe_request(
            route, method, response.status_code, seconds, queries.finish()
        )
        access_log.info(
            "request",
            extra={
                "request_id": request.request_id,
                "fields": {
                    "method": method,
                    "route": route,
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 1),
                    "user_kind": user_kind(request),
                    "queries": queries.count,
                },
            },
        )
        return response

    return middleware


# The worker finds the enqueuing request's id here (the shared cache) by task id.
ENQUEUED_BY = "task-request-id:{}"
ENQUEUED_BY_SECONDS = 7 * 86_400


def _log_enqueued(sender, task_result, **kwargs):
    if request_id.get() and sender is not ImmediateBackend:
        try:
            key = ENQUEUED_BY.format(task_result.id)
            cache.set(key, request_id.get(), ENQUEUED_BY_SECONDS)
        except Exception:  # a lost reference never fails enqueueing
            task_log.warning("task enqueued without its request id: cache failed")
    task_log.info(
        "task enqueued",
        extra={"fields": {"task_id": str(task_result.id), "task": _name(task_result)}},
    )


def _task_begins(sender, task_result, **kwargs):
    task_id.set(str(task_result.id))
    if not request_id.get():  # in the worker, not inside the request
        request_id.set(cache.get(ENQUEUED_BY.format(task_result.id), ""))


def _task_ends(sender, task_result, **kwargs):
    task_id.set("")
    if sender is not ImmediateBackend:  # the worker's next task is another's
        request_id.set("")


def _name(task_result) -> str:
    return getattr(task_result.task, "name", "") or "task"


def connect_task_signals():
    task_enqueued.connect(_log_enqueued, dispatch_uid="community.request_context")
    task_started.connect(_task_begins, dispatch_uid="community.request_context")
    task_finished.connect(_task_ends, dispatch_uid="community.request_context")
