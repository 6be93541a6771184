"""Counting the queries a page costs (for the query-budget tests)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    """How many queries one successful GET of `url` sends."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)
