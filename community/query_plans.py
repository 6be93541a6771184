"""Queries PostgreSQL must plan for their values on every run.

A connection prepares a statement asked a fifth time (settings.pooler_settings),
and PostgreSQL may then plan it once for any values: a generic plan. That suits
lookups by id, whose best plan is the same for every id. A full-text search's best
plan depends on its words: for a common one ("cravings", in 3,839 of 100,000
posts) walking the newest posts backwards finds the 500 newest matches at once; for
a rare one the index is better. The generic plan took the index for every word and
read every match: 2 -> 8-14 ms at 100,000 posts, growing with the matches.
"""

import contextlib

from django.db import connections


@contextlib.contextmanager
def planned_for_their_values(alias):
    """Inside this, queries on database `alias` are not prepared."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    driver = connection.connection  # psycopg's Connection
    threshold = driver.prepare_threshold
    driver.prepare_threshold = None  # psycopg: None prepares nothing
    try:
        yield
    finally:
        driver.prepare_threshold = threshold
