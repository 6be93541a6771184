"""A process freezes what it holds after its 1st, 10th and 100th request, so the
cycle collector stops walking Django's and the apps' objects on every full
collection (community/long_lived_objects.py)."""

import gc
import weakref

import pytest
from django.core.signals import request_finished

from community.long_lived_objects import PROCESS_HEAP, FreezeAfterWarmUp


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_the_heap_is_frozen_only_at_the_marks(unfrozen):
    heap = FreezeAfterWarmUp(marks=(1, 3))
    frozen = []
    for _ in range(4):
        heap.request_finished()
        frozen.append(gc.get_freeze_count())
    assert frozen[0] > 0  # after the first request
    assert frozen[1] == frozen[0]  # nothing between the marks
    assert frozen[2] >= frozen[1]  # the second mark freezes what came since
    assert frozen[3] == frozen[2]


def test_garbage_is_collected_before_freezing(unfrozen):
    class Node:
        pass

    cycle = Node()
    cycle.itself = cycle
    watched = weakref.ref(cycle)
    gc.disable()  # only the freeze may collect it
    try:
        del cycle
        assert watched() is not None  # a cycle outlives its last name
        FreezeAfterWarmUp(marks=(1,)).request_finished()
    finally:
        gc.enable()
    assert watched() is None  # collected, not frozen for good


def test_every_finished_request_is_counted(client, db):
    counted = PROCESS_HEAP.finished
    client.get("/healthz/")
    assert PROCESS_HEAP.finished == counted + 1
    assert request_finished.has_listeners()
