"""Python's full garbage collections, moved to moments when the window is quiet.

A full collection walks every object Python tracks that start-up did not freeze (see
``bootstrap.settle_memory``): the conversation list's records, the price tables, every
message's wrappers. With 10,000 conversations that is ~100,000 objects and 40–100 ms,
and Python starts one whenever enough objects have survived, which is most often in the
middle of a reply, when the most objects are made. That was the longest stall left
while a reply rendered (tests/bench/bench_view.py: 64 ms against a 16 ms frame).

So Python keeps its young collections (each a fraction of a millisecond) and this runs
the full ones: on the GUI thread, when Python would have started one (as many middle
collections passed, the old generation grown by a quarter), but only while the window
is not busy (``MainWindow.working``: no reply streams or renders, nobody is typing); or
after LONGEST_WAIT_S in any case, so memory stays bounded in a day of replies back to
back.
(The pattern is pyqtgraph's and Anki's GarbageCollector, which also keep collection on
the GUI thread; theirs run every collection, ours only the full ones.)

Python 3.14's collector is incremental, with short pauses of its own, and ignores the
third threshold: there Python goes on scheduling its collections itself.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 2_000
LONGEST_WAIT_S = 120.0
NO_AUTOMATIC_FULL = 1 << 30  # middle collections before Python would start a full one

log = logging.getLogger(__name__)


class IdleCollector(QObject):
    def __init__(
        self,
        parent: QObject,
        busy: Callable[[], bool],
        check_ms: int = CHECK_MS,
        longest_wait_s: float = LONGEST_WAIT_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._busy = busy
        self._longest_wait_s = longest_wait_s
        self._clock = clock
        self._saved = gc.get_threshold()
        young, middle, full = self._saved
        self._due_after = max(full, 1)  # Python's own count for a full collection
        gc.set_threshold(young, middle, NO_AUTOMATIC_FULL)
        self._due_since: float | None = None
        self._survivors = len(gc.get_objects(generation=2))  # after the last full pass
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        if gc.get_count()[2] < self._due_after:
            return
        now = self._clock()
        if self._due_since is None:
            self._due_since = now
        overdue = now - self._due_since >= self._longest_wait_s
        if not overdue and self._busy():
            return
        # Python's own second condition: the old generation has grown by a quarter since
        # the last full pass (else the pass would mostly walk the same survivors again).
        if len(gc.get_objects(generation=2)) - self._survivors < self._survivors // 4:
            return
        started = time.perf_counter()
        found = gc.collect()
        self._survivors = len(gc.get_objects(generation=2))
        self._due_since = None
        self.collections += 1
        log.debug(
            "full collection: %d unreachable, %.1f ms", found, (time.perf_counter() - started) * 1e3
        )

    def stop(self) -> None:
        """Python collects on its own again."""
        self._timer.stop()
        gc.set_threshold(*self._saved)
