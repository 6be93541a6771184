"""Every request gets an id (a sane incoming X-Request-ID, or a new one) that comes
back in the response header, on its JSON log line, on the error pages and on the
lines of tasks it enqueues; log lines never carry emails, addresses or tokens."""

import io
import json
import logging

import pytest
from django.core.management import call_command
from django.tasks import task
from django.urls import path

from community.log_format import (
    AddRequestAndTaskIds,
    JsonFormatter,
    RedactPersonalData,
    redact,
)
from community.request_context import request_id
from community.urls import urlpatterns as site_patterns
from community.views import server_error

pytestmark = pytest.mark.django_db


def fails(request):
    raise RuntimeError("broken on purpose")


urlpatterns = [path("fails/", fails), *site_patterns]
handler500 = server_error


@task
def task_that_logs():
    logging.getLogger("community.tests").warning("inside the task")


@pytest.fixture
def json_lines():
    """The JSON lines the production handler writes, as dicts."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(AddRequestAndTaskIds())
    handler.addFilter(RedactPersonalData())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)

    def lines():
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield lines
    root.removeHandler(handler)


def access_lines(lines):
    return [line for line in lines() if line["logger"] == "community.access"]


def test_an_incoming_request_id_comes_back_in_the_header_and_the_log_line(
    client, json_lines
):
    response = client.get("/", HTTP_X_REQUEST_ID="proxy-id-12345")
    assert response["X-Request-ID"] == "proxy-id-12345"
    [line] = access_lines(json_lines)
    assert line["request_id"] == "proxy-id-12345"


def test_an_unsafe_incoming_id_is_replaced_by_a_new_one(client, json_lines):
    response = client.get("/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    new_id = response["X-Request-ID"]
    assert len(new_id) == 32
    assert new_id.isalnum()
    assert access_lines(json_lines)[0]["request_id"] == new_id


def test_the_access_line_has_route_status_time_and_kind_but_no_person(
    client, member, json_lines
):
    client.force_login(member)
    client.get(f"/members/{member.pk}/?token=secret-value")
    [line] = access_lines(json_lines)
    assert line["message"] == "request"
    assert line["method"] == "GET"
    assert line["route"] == "community:profile_detail"
    assert line["status"] == 200
    assert line["duration_ms"] >= 0
    assert line["user_kind"] == "member"
    assert line["queries"] > 0
    text = json.dumps(line)
    assert member.email not in text
    assert "secret-value" not in text
    assert f"/members/{member.pk}/" not in text


def test_a_page_that_does_not_exist_shows_its_reference(client, json_lines):
    response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="ref-404-abcdef")
    assert response.status_code == 404
    assert b"Reference: ref-404-abcdef" in response.content
    assert access_lines(json_lines)[0]["route"] == "unmatched"


def test_the_500_page_shows_the_reference_found_in_the_logs(
    client, settings, json_lines
):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    response = client.get("/fails/", HTTP_X_REQUEST_ID="ref-500-abcdef")
    assert response.status_code == 500
    assert b"Reference: ref-500-abcdef" in response.content
    assert response["X-Request-ID"] == "ref-500-abcdef"
    error = next(line for line in json_lines() if line["logger"] == "django.request")
    assert error["request_id"] == "ref-500-abcdef"
    assert "broken on purpose" in error["exception"]


def test_task_lines_carry_the_task_id_and_the_enqueuing_request_id(json_lines):
    token = request_id.set("request-abc-123")
    try:
        result = task_that_logs.enqueue()
    finally:
        request_id.reset(token)
    enqueued = next(line for line in json_lines() if line["message"] == "task enqueued")
    assert enqueued["request_id"] == "request-abc-123"
    assert enqueued["task_id"] == str(result.id)
    inside = next(line for line in json_lines() if line["message"] == "inside the task")
    assert inside["task_id"] == str(result.id)


def test_emails_addresses_query_strings_and_tokens_are_redacted(json_lines):
    logging.getLogger("django.request").warning(
        "Not Found: %s from %s and %s by %s",
        "/account/delete/cancel/AbCdEfGhIjKlMnOpQrStUv123/?key=xyz",
        "203.0.113.9",
        "2001:db8::1",
        "wren.person@example.org",
    )
    [line] = json_lines()
    assert line["message"] == (
        "Not Found: /account/delete/cancel/[token]/?[query] from [ip] and [ip] "
        "by [email]"
    )


def test_times_and_plain_words_are_left_alone():
    assert redact("took 20:53:12 at step 3.5") == "took 20:53:12 at step 3.5"


# The worker closes "old" connections as it wakes, as in production: a test inside
# the usual rolled-back transaction would lose its connection (on PostgreSQL).
@pytest.mark.django_db(transaction=True)
def test_the_worker_logs_a_queued_task_with_the_enqueuing_request_id(
    settings, json_lines
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    token = request_id.set("request-queued-456")
    try:
        result = task_that_logs.enqueue()
    finally:
        request_id.reset(token)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    inside = next(line for line in json_lines() if line["message"] == "inside the task")
    assert inside["task_id"] == str(result.id)
    assert inside["request_id"] == "request-queued-456"
    assert request_id.get() == ""
