"""Where a warm request's time goes: middleware, view, queries, cards, rendering.

Each request is cut into exclusive phases by Django's own hooks, so the parts add
up to the request's time: entering a phase pauses the one it interrupts.

- middleware: from the first middleware in to the last one out (two timing
  middlewares, inserted first and last only while measuring), minus the rest;
  URL resolving and other middlewares' `process_view` count here.
- view: the view's own Python, from the last `process_view` on.
- queries: `connection.execute_wrapper`, wherever they run (middleware, view,
  template), plus commits (not counted in `n`). Turning fetched rows into
  objects happens outside it, in the phase that iterates.
- cards: `forum.cards.CardRenderer` (post cards, threads, the whole tree).
- rendering: Django templates (the backend's `Template.render`: context
  processors, includes, forms), minus the cards and queries inside them.

A row is the middle half of N warm requests, ranked by total time, averaged part
by part: a median that stays additive (the parts still sum to the total).
"""

import functools
import statistics
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from time import perf_counter

from django.db import connection
from django.template.backends.django import Template

from forum.cards import CardRenderer

PARTS = ("middleware", "view", "queries", "cards", "rendering")
CARD_METHODS = ("card", "thread", "whole_tree")


class PhaseClock:
    """Exclusive seconds per phase for the request being measured."""

    def __init__(self):
        self.start_request()

    def start_request(self):
        self.spent = dict.fromkeys(PARTS, 0.0)
        self.queries = 0
        self._stack = []
        self._mark = perf_counter()

    def enter(self, phase):
        now = perf_counter()
        if self._stack:
            self.spent[self._stack[-1]] += now - self._mark
        self._stack.append(phase)
        self._mark = now

    def leave(self):
        now = perf_counter()
        self.spent[self._stack.pop()] += now - self._mark
        self._mark = now

    def timed(self, phase, func):
        """`func` counted as `phase`; calls nested in the same phase pass through."""

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if self._stack and self._stack[-1] == phase:
                return func(*args, **kwargs)
            self.enter(phase)
            try:
                return func(*args, **kwargs)
            finally:
                self.leave()

        return wrapper

    def query(self, execute, sql, params, many, context):
        self.queries += 1
        self.enter("queries")
        try:
            return execute(sql, params, many, context)
        finally:
            self.leave()


CLOCK = PhaseClock()
FIRST_MIDDLEWARE = "benchmarks.breakdown.RequestTimer"
LAST_MIDDLEWARE = "benchmarks.breakdown.ViewTimer"


@dataclass
class Sample:
    total: float
    parts: dict
    queries: int


class RequestTimer:
    """First middleware while measuring: the request's whole time in Django."""

    samples = []

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        CLOCK.start_request()
        started = perf_counter()
        CLOCK.enter("middleware")
        try:
            return self.get_response(request)
        finally:
            CLOCK.leave()
            total = perf_counter() - started
            RequestTimer.samples.append(Sample(total, dict(CLOCK.spent), CLOCK.queries))


class ViewTimer:
    """Last middleware while measuring: its `process_view` runs right before the
    view (after everyone else's), and the response comes back here first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_profiling_in_view", False):
            request._profiling_in_view = False
            CLOCK.leave()
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request._profiling_in_view = True
        CLOCK.enter("view")


@contextmanager
def measuring(middleware):
    """Hooks in place for the block; yields the middleware list to run with."""
    originals = {name: getattr(CardRenderer, name) for name in CARD_METHODS}
    original_render = Template.render
    with ExitStack() as stack:
        stack.enter_context(connection.execute_wrapper(CLOCK.query))
        # A commit is a round trip too (and a flush to disk), not the view's Python.
        connection._commit = CLOCK.timed("queries", connection._commit)
        stack.callback(delattr, connection, "_commit")
        Template.render = CLOCK.timed("rendering", original_render)
        for name, method in originals.items():
            setattr(CardRenderer, name, CLOCK.timed("cards", method))
        try:
            RequestTimer.samples = []
            yield [FIRST_MIDDLEWARE, *middleware, LAST_MIDDLEWARE]
        finally:
            Template.render = original_render
            for name, method in originals.items():
                setattr(CardRenderer, name, method)


@dataclass
class Row:
    """One endpoint's breakdown, in milliseconds."""

    name: str
    median: float
    total: float
    parts: dict
    queries: int
    requests: int

    @classmethod
    def from_samples(cls, name, samples):
        ranked = sorted(samples, key=lambda sample: sample.total)
        quarter = len(ranked) // 4
        middle = ranked[quarter : len(ranked) - quarter] or ranked
        return cls(
            name=name,
            median=statistics.median(s.total for s in ranked) * 1000,
            total=statistics.fmean(s.total for s in middle) * 1000,
            parts={
                part: statistics.fmean(s.parts[part] for s in middle) * 1000
                for part in PARTS
            },
            queries=round(statistics.median(s.queries for s in ranked)),
            requests=len(ranked),
        )


HEADER = (
    f"{'endpoint':<32}{'median':>9}{'total':>9}{'middleware':>12}{'view':>9}"
    f"{'queries':>9}{'(n)':>5}{'cards':>9}{'rendering':>11}"
)


def table(rows):
    lines = [HEADER, "-" * len(HEADER)]
    for row in rows:
        parts = row.parts
        lines.append(
            f"{row.name:<32}{row.median:>7.1f}ms{row.total:>7.1f}ms"
            f"{parts['middleware']:>10.1f}ms{parts['view']:>7.1f}ms"
            f"{parts['queries']:>7.1f}ms{row.queries:>5}{parts['cards']:>7.1f}ms"
            f"{parts['rendering']:>9.1f}ms"
        )
    lines.append(shares_line(rows))
    return "\n".join(lines)


def shares_line(rows):
    """Each part's share of all the rows' time together."""
    total = sum(row.total for row in rows) or 1.0
    shares = ", ".join(
        f"{part} {sum(row.parts[part] for row in rows) / total:.0%}" for part in PARTS
    )
    return f"{'share of all':<32}{shares}"
