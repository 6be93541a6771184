"""/metrics/ answers operators (bearer token or an allowed address) with the
request, database, cache, task-queue and moderation series; anyone else gets the
site's 404. The gauges cost the same queries however long the queues are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.models import QueueItem
from forum.moderation.queue import queue_post
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db

TOKEN = "a-long-random-scrape-token"
SERIES = [
    "steadyground_http_requests_total",
    "steadyground_http_request_duration_seconds_bucket",
    "steadyground_db_queries_per_request_bucket",
    "steadyground_db_query_duration_seconds_bucket",
    "steadyground_cache_operation_duration_seconds_bucket",
    "steadyground_task_queue_depth",
    "steadyground_task_oldest_ready_age_seconds",
    'steadyground_moderation_open_items{priority="urgent"}',
    'steadyground_moderation_oldest_open_age_seconds{priority="held"}',
    "steadyground_crisis_items_waiting",
    "steadyground_crisis_oldest_waiting_age_seconds",
]


@pytest.fixture(autouse=True)
def _operator_token(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_IPS = []


def scrape(client, **headers):
    return client.get("/metrics/", **headers)


def test_a_visitor_gets_the_sites_404(client):
    response = scrape(client)
    assert response.status_code == 404
    assert b"steadyground_" not in response.content
    assert b"We couldn" in response.content  # the site's page, not a bare refusal


def test_a_signed_in_member_and_a_wrong_token_get_404(client, member):
    client.force_login(member)
    assert scrape(client).status_code == 404
    assert scrape(client, HTTP_AUTHORIZATION="Bearer not-the-token").status_code == 404


def test_the_operators_token_shows_every_series(client, member):
    client.get("/")  # a request, a query and a cache call to count
    response = scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    for series in SERIES:
        assert series in text, series
    assert 'view="community:home"' in text


def test_an_allowed_address_needs_no_token_unless_the_request_was_forwarded(
    client, settings
):
    settings.METRICS_ALLOWED_IPS = ["127.0.0.0/8"]
    assert scrape(client).status_code == 200
    assert scrape(client, HTTP_X_FORWARDED_FOR="127.0.0.1").status_code == 404
    settings.METRICS_ALLOWED_IPS = ["10.0.0.5"]
    assert scrape(client).status_code == 404


def test_labels_name_the_route_not_the_path_with_its_ids(client, member):
    post = make_update(member)
    client.force_login(member)
    client.get(f"/members/{member.pk}/")
    text = scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}").content.decode()
    assert 'view="community:profile_detail"' in text
    assert f"/members/{member.pk}/" not in text
    assert f"post-{post.pk}" not in text


def test_moderation_gauges_count_open_items_and_crisis_items(client, member):
    make_update(member, body="thinking about suicide tonight")
    queue_post(make_update(member), QueueItem.Priority.HELD, ["held"])
    text = scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}").content.decode()
    assert 'steadyground_moderation_open_items{priority="urgent"} 1.0' in text
    assert 'steadyground_moderation_open_items{priority="held"} 1.0' in text
    assert 'steadyground_moderation_open_items{priority="reported"} 0.0' in text
    assert "steadyground_crisis_items_waiting 1.0" in text


def gauge_queries(client):
    with CaptureQueriesContext(connection) as queries:
        scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    return len(queries)


def test_the_gauges_query_count_does_not_grow_with_the_queues(client, member):
    empty = gauge_queries(client)
    for number in range(4):
        make_update(member, body=f"I want to die, day {number}")
        queue_post(make_update(member), QueueItem.Priority.HELD, ["held"])
        queue_post(make_update(member), QueueItem.Priority.REPORTED, ["reported"])
    assert QueueItem.objects.open().count() >= 9
    assert gauge_queries(client) == empty
