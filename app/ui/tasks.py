"""The one way Hearth runs work off the GUI thread.

``TaskRunner.run(fn, on_done, on_error, owner, lane=...)`` runs ``fn`` on a worker thread
and calls the callbacks back on the GUI thread. ``TaskRunner.watch(future, ...)`` does the
same for a ``concurrent.futures.Future`` (the database writer answers with those). Widgets
are only ever touched from the callbacks. Callbacks whose owner has been destroyed are
dropped. ``TaskRunner.post(fn)`` calls ``fn`` on the GUI thread from any thread (progress
reports). Every callback arrives on a later turn of the event loop, never inside the call
that started the work, and none after ``shutdown()``.

Work runs in lanes, each its own pool, so one kind of work never waits behind another:
``replies`` (a thread for each reply in flight), ``downloads`` (model pulls that run for
minutes or hours) and ``quick`` (everything short: a status check, a file, a key). Eight
downloads no longer take the threads a reply needs.

A failure nobody handles is not dropped: without an ``on_error`` it goes to the error
reporter the window installs, which tells the person (``report_failures``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Literal, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from shiboken6 import Shiboken

log = logging.getLogger(__name__)
T = TypeVar("T")

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]
Lane = Literal["quick", "replies", "downloads"]

LANE_WORKERS: dict[Lane, int] = {"quick": 4, "replies": 16, "downloads": 6}


def ignore_failure(_exc: BaseException) -> None:
    """An ``on_error`` for work whose failure the person need not hear about (say why
    at the call)."""


class TaskRunner(QObject):
    _finished = Signal(object)  # (future, callbacks, owner) delivered on the GUI thread
    _posted = Signal(object)  # (function, owner) to call on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {
            lane: ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"hearth-{lane}")
            for lane, workers in LANE_WORKERS.items()
        }
        self._closed = False
        self._report: OnError | None = None
        # Held while emitting from worker threads and while closing, so no thread emits
        # on a runner whose C++ side is being torn down (that crashed the interpreter).
        self._emit_lock = threading.Lock()
        # Always queued, even from the GUI thread: a callback never runs before run()
        # returns (a fast task once finished before its caller had connected signals).
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._posted.connect(self._call, Qt.ConnectionType.QueuedConnection)

    def report_failures(self, report: OnError) -> None:
        """Where failures go that no ``on_error`` handles (the window shows them)."""
        self._report = report

    def lane(self, lane: Lane) -> Callable[[Callable[[], T]], Future[T]]:
        """The ``submit`` of one lane, for code that only needs an executor."""
        return lambda fn: self.submit(fn, lane)

    def submit(self, fn: Callable[[], T], lane: Lane = "quick") -> Future[T]:
        if self._closed:
            # Quitting: late callbacks may still ask for work; there is no one to answer.
            future: Future[T] = Future()
            future.cancel()
            return future
        return self._pools[lane].submit(fn)

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        owner: QObject | None = None,
        lane: Lane = "quick",
    ) -> Future[T]:
        future = self.submit(fn, lane)
        self.watch(future, on_done, on_error, owner)
        return future

    def watch(
        self,
        future: Future[T],
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        owner: QObject | None = None,
    ) -> None:
        def settled(done: Future[T]) -> None:
            # Runs on whichever thread finished the future; hop to the GUI thread.
            self._emit(self._finished, (done, on_done, on_error, owner))

        future.add_done_callback(settled)

    def post(self, fn: Callable[[], None], owner: QObject | None = None) -> None:
        """Call ``fn`` on the GUI thread soon (from any thread), e.g. to report progress."""
        self._emit(self._posted, (fn, owner))

    def _emit(self, signal: Any, payload: object) -> None:
        with self._emit_lock:  # queued: emitting only posts an event, so held briefly
            if not self._closed:
                signal.emit(payload)

    @Slot(object)
    def _call(self, payload: tuple[Callable[[], None], QObject | None]) -> None:
        fn, owner = payload
        if self._closed or (owner is not None and not Shiboken.isValid(owner)):
            return
        fn()

    @Slot(object)
    def _deliver(self, payload: tuple[Future[Any], OnDone | None, OnError | None, Any]) -> None:
        future, on_done, on_error, owner = payload
        if self._closed or future.cancelled():
            return
        exc = future.exception()
        if exc is not None:
            self._failed(exc, on_error, owner)
            return
        if owner is not None and not Shiboken.isValid(owner):
            return
        if on_done is not None:
            on_done(future.result())

    def _failed(self, exc: BaseException, on_error: OnError | None, owner: Any) -> None:
        if on_error is not None and (owner is None or Shiboken.isValid(owner)):
            on_error(exc)
        elif self._report is not None:
            # Nobody asked (or the widget that asked is gone): the person still hears.
            self._report(exc)
        else:
            log.error("background task failed", exc_info=exc)

    def shutdown(self) -> None:
        with self._emit_lock:
            self._closed = True
        for pool in self._pools.values():
            pool.shutdown(wait=False, cancel_futures=True)
