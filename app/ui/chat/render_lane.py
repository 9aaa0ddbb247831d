"""Where Markdown is turned into HTML: one worker thread shared by every message view.

Rendering is pure Python (markdown-it, Pygments) and CPU-bound. Done on the GUI thread
it stalled the window (a 200 KB reply: 3.2 s of judder); done here, the GUI thread only
inserts the finished HTML, a slice per frame. One thread, not a pool: more threads would
only take turns at the GIL with the GUI thread, and one keeps a reply's blocks in order.
Like the database writer, it is one serial thread that answers with futures, and those
are watched by a ``TaskRunner`` — the app's one way back to the GUI thread — so results
arrive there and are dropped when their view has gone. (The runner's own lanes are pools
of several threads: blocks would render out of order and compete for the GIL.)

While the GUI thread inserts rendered HTML (``gui_turn``), the render thread waits at its
next block (``wait_for_gui``): otherwise the two took turns at the GIL every half
millisecond inside the GUI's frame, and an insert of 4 ms of work took 5.6 ms (a 200 KB
reply in tests/bench/bench_view.py; 3.3 ms for 3.1 of work with the wait).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject

from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
T = TypeVar("T")

# The longest the render thread waits for the GUI's turn to end: a turn is one insert of
# a few milliseconds, and rendering must go on even if one ever ran long.
MAX_PAUSE_S = 0.05


class RenderLane:
    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hearth-render")
        self._gui_free = threading.Event()
        self._gui_free.set()

    def render(self, work: Callable[[], T], done: Callable[[T], None], owner: QObject) -> None:
        """Run ``work`` on the render thread; ``done(result)`` on the GUI thread, unless
        ``owner`` has been deleted by then. ``work`` must not raise (see the caller)."""
        self._runner.watch(self._thread.submit(work), done, self._failed, owner)

    @contextmanager
    def gui_turn(self) -> Iterator[None]:
        """On the GUI thread, around work that needs the GIL for a few milliseconds:
        the render thread holds back meanwhile (at its next ``wait_for_gui``)."""
        self._gui_free.clear()
        try:
            yield
        finally:
            self._gui_free.set()

    def wait_for_gui(self) -> None:
        """On the render thread, between blocks: wait while the GUI has its turn."""
        self._gui_free.wait(MAX_PAUSE_S)

    def shutdown(self) -> None:
        self._thread.shutdown(wait=False, cancel_futures=True)
        self._runner.shutdown()

    @staticmethod
    def _failed(exc: BaseException) -> None:
        log.error("rendering failed", exc_info=exc)


_shared: RenderLane | None = None


def shared_lane() -> RenderLane:
    """The process's render lane, made on first use and closed when the app quits."""
    global _shared  # noqa: PLW0603 - one render thread per process, like the GUI thread
    if _shared is None:
        app = QCoreApplication.instance()
        _shared = RenderLane(TaskRunner(parent=app))
        if app is not None:
            app.aboutToQuit.connect(_shared.shutdown)
    return _shared
