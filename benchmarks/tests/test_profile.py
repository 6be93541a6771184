"""`make profile` splits a warm request into parts that add up to its time.

Structure only: timings are printed, never asserted (machines are noisy).
"""

import pytest

from benchmarks import seed
from benchmarks.breakdown import HEADER, PARTS
from benchmarks.management.commands.bench import Command as Bench
from benchmarks.management.commands.profile import profile
from benchmarks.tests.test_bench_seed import SMALL

pytestmark = pytest.mark.django_db


def _milliseconds(cells):
    return [float(cell.removesuffix("ms")) for cell in cells]


def test_profile_splits_a_conversation_page_into_parts_that_sum_to_its_time(
    tmp_path,
):
    community = seed.seed(SMALL, log=lambda _: None)
    endpoints, _floor = Bench().endpoints(community)
    conversation = next(e for e in endpoints if e.name.startswith("conversation"))

    out = profile(
        community,
        [conversation],
        requests=4,
        profiled=2,
        hotspot_count=3,
        html=tmp_path,
    )

    lines = out.splitlines()
    assert HEADER in lines
    for column in ["median", "total", *PARTS, "(n)"]:
        assert column in HEADER
    row = next(line for line in lines if line.startswith(conversation.name))
    cells = row.removeprefix(conversation.name).split()
    _median, total, middleware, view, queries, count, cards, rendering = cells
    parts = _milliseconds([middleware, view, queries, cards, rendering])
    # Each part is printed to 0.1 ms: the rounding is all that may separate them.
    assert sum(parts) == pytest.approx(_milliseconds([total])[0], abs=0.35)
    assert int(count) > 0
    # Every hook fired: the page ran queries, assembled cards, rendered a template.
    assert all(part >= 0 for part in parts)
    assert _milliseconds([cards])[0] > 0
    assert _milliseconds([rendering])[0] > 0
    assert any(line.startswith("share of all") for line in lines)
    assert f"{conversation.name}:" in lines  # its hot spots
    assert "all endpoints together:" in lines
    assert (tmp_path / "conversation-5-000-posts.html").exists()
