"""Where Markdown is turned into HTML: one worker thread shared by every message view.

Rendering is pure Python (markdown-it, Pygments) and CPU-bound. Done on the GUI thread
it stalled the window (a 200 KB reply: 3.2 s of judder); done here, the GUI thread only
inserts the finished HTML, a slice per frame. One thread, not a pool: more threads would
only take turns at the GIL with the GUI thread, and one keeps a reply's blocks in order.
It is a ``TaskRunner`` of one worker — the app's one way to run work off the GUI thread —
so results arrive on the GUI thread and are dropped when their view has gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject

from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
T = TypeVar("T")


class RenderLane:
    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner

    def render(self, work: Callable[[], T], done: Callable[[T], None], owner: QObject) -> None:
        """Run ``work`` on the render thread; ``done(result)`` on the GUI thread, unless
        ``owner`` has been deleted by then. ``work`` must not raise (see the caller)."""
        self._runner.run(work, done, self._failed, owner)

    @staticmethod
    def _failed(exc: BaseException) -> None:
        log.error("rendering failed", exc_info=exc)


_shared: RenderLane | None = None


def shared_lane() -> RenderLane:
    """The process's render lane, made on first use and closed when the app quits."""
    global _shared  # noqa: PLW0603 - one render thread per process, like the GUI thread
    if _shared is None:
        app = QCoreApplication.instance()
        runner = TaskRunner(max_workers=1, parent=app)
        if app is not None:
            app.aboutToQuit.connect(runner.shutdown)
        _shared = RenderLane(runner)
    return _shared
