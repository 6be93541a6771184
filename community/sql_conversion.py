"""psycopg's cache of converted SQL, sized for the queries this site asks.

psycopg turns a query's `%s` placeholders into PostgreSQL's `$1…` (and works out
each parameter's format) once per distinct SQL, in an LRU cache, but only for SQL
under 4,096 bytes with at most 50 parameters; anything longer is parsed afresh on
every execution. A member's card queries pass up to 220 post ids
(forum/card_rows.py), so the reactions query alone was re-parsed on every
conversation and article page: 300 µs, against 21 µs from the cache (measured on
the benchmark database). The cache stays an LRU of 128 entries: the queries every
page asks stay in it; a one-off long query only takes a slot.
"""

from psycopg import _queries

LONGEST_CACHED_SQL = 16_384  # bytes
MOST_CACHED_PARAMETERS = 1_024


def cache_long_statements() -> None:
    """Let psycopg cache the conversion of long queries too (once per process).

    The limits are module globals of psycopg's private `_queries`, read on each
    execution; if a psycopg release renames them this fails at start-up rather
    than silently doing nothing (tests: test_long_queries_are_converted_once.py).
    """
    for name, value in (
        ("MAX_CACHED_STATEMENT_LENGTH", LONGEST_CACHED_SQL),
        ("MAX_CACHED_STATEMENT_PARAMS", MOST_CACHED_PARAMETERS),
    ):
        if not hasattr(_queries, name):
            raise RuntimeError(f"psycopg._queries.{name} is gone: see {__name__}")
        setattr(_queries, name, max(getattr(_queries, name), value))
