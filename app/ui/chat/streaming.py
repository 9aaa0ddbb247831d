"""Replies in flight, painted once per frame.

The conversation layer (``app.chat.conversation``) runs each reply on the reply lane and
collects its text; this controller only shows it. A 16 ms timer on the GUI thread drains
every live reply and hands the text to whichever view shows that conversation, so the
view is repainted at most once per frame however fast tokens arrive. When a reply ends
(stored, or kept in memory because the disk refused it) ``finished`` says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.chat.conversation import ChatCore, FinishedReply, LiveReply
from app.ui.tasks import TaskRunner

FRAME_MS = 16
MAX_FRAME_MS = 100

Sink = Callable[[str], None]
ThinkingSink = Callable[[str, int | None], None]
"""Issue 16: a frame's new thinking, and how long it thought once it has ended."""


class StreamController(QObject):
    started = Signal(int)  # conversation id
    finished = Signal(object)  # FinishedReply
    store_failed = Signal(str)

    def __init__(self, core: ChatCore, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self._tasks = tasks
        self._sinks: dict[int, Sink] = {}  # conversation id -> the view showing it
        self._thinking_sinks: dict[int, ThinkingSink] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._paint)
        # From the reply's thread: hop to this one before telling anyone.
        core.on_store_problem = lambda _live, exc: tasks.post(
            lambda: self.store_failed.emit(str(exc)), owner=self
        )

    def run_for(self, conversation_id: int) -> LiveReply | None:
        return self.core.live(conversation_id)

    def active(self) -> list[LiveReply]:
        return self.core.active()

    def follow(
        self, live: LiveReply, sink: Sink | None, thinking: ThinkingSink | None = None
    ) -> None:
        """Paint this reply, from now on, into ``sink`` and its thinking into
        ``thinking`` (None: nobody shows it now)."""
        if sink is None:
            self._sinks.pop(live.conversation_id, None)
        else:
            self._sinks[live.conversation_id] = sink
        if thinking is None:
            self._thinking_sinks.pop(live.conversation_id, None)
        else:
            self._thinking_sinks[live.conversation_id] = thinking
        if not self._timer.isActive():
            self._timer.start()

    def detach_all(self) -> None:
        """The views are about to go: replies keep streaming, unpainted, until reattached."""
        self._sinks.clear()
        self._thinking_sinks.clear()

    def started_reply(
        self, live: LiveReply, sink: Sink | None, thinking: ThinkingSink | None = None
    ) -> None:
        self.follow(live, sink, thinking)
        self._tasks.watch(live.done, self._done, owner=self)
        self.started.emit(live.conversation_id)

    def stop(self, conversation_id: int) -> None:
        self.core.stop(conversation_id)

    def stop_all(self) -> None:
        self.core.stop_all()

    def _paint(self) -> None:
        started = time.perf_counter()
        live = self.core.active()
        for reply in live:
            self._paint_thinking(reply, self._thinking_sinks.get(reply.conversation_id))
            chunk = reply.drain()
            sink = self._sinks.get(reply.conversation_id)
            if chunk and sink is not None:
                sink(chunk)
        if not live:
            self._timer.stop()
        # Keep painting to ~10% of the time: when tokens pour in faster than anyone can
        # read, frames get bigger rather than the GUI thread taking the CPU (and, through
        # the GIL, the stream's own reader) away.
        cost_ms = (time.perf_counter() - started) * 1000
        self._timer.setInterval(int(min(MAX_FRAME_MS, max(FRAME_MS, cost_ms * 10))))

    @staticmethod
    def _paint_thinking(live: LiveReply, sink: ThinkingSink | None) -> None:
        """Before the text: the block folds in the frame the answer begins."""
        if not live.thought.started:
            return  # most replies: one attribute read a frame
        thought, ms = live.thought.drain()
        if (thought or ms is not None) and sink is not None:
            sink(thought, ms)

    def _done(self, finished: FinishedReply) -> None:
        live = finished.live
        self._paint_thinking(live, self._thinking_sinks.pop(live.conversation_id, None))
        chunk = live.drain()  # the last text that arrived
        sink = self._sinks.pop(live.conversation_id, None)
        if chunk and sink is not None:
            sink(chunk)
        # A turn later, behind the text just queued to the view: the view then renders
        # the finished reply whole, not a step behind it.
        self._tasks.post(lambda: self.finished.emit(finished), owner=self)
