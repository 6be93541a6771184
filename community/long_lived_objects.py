"""What a process keeps for good, kept out of the cycle collector's way.

Python's cycle collector now and then walks every container object it tracks. A
worker that has served a few pages tracks ~140,000 (Django, the apps, URL patterns,
compiled templates and queries), and that walk took 70-90 ms on the benchmark
machine, once in about a hundred member pages: their slowest percent. Those objects
live as long as the process, so after its 1st, 10th and 100th request (by then
what loads lazily has loaded) the process collects and freezes what it holds
(`gc.freeze()`): later walks skip it (1-12 ms). Each freeze runs after a response
has been sent. What one of those three requests still held is frozen with the
rest and never collected: a few thousand objects, once.
"""

import gc

FREEZE_AFTER_REQUESTS = (1, 10, 100)


class FreezeAfterWarmUp:
    """Counts a process's finished requests and freezes its heap at the marks."""

    def __init__(self, marks=FREEZE_AFTER_REQUESTS):
        self.marks = frozenset(marks)
        self.finished = 0

    def request_finished(self, **kwargs):
        self.finished += 1
        if self.finished in self.marks:
            gc.collect()
            gc.freeze()


PROCESS_HEAP = FreezeAfterWarmUp()
