"""The one way Hearth runs work off the GUI thread.

``TaskRunner.run(fn, on_done, on_error)`` runs ``fn`` on a worker thread and calls the
callbacks back on the GUI thread. ``TaskRunner.watch(future, ...)`` does the same for a
``concurrent.futures.Future`` (the database writer answers with those). Widgets are only
ever touched from the callbacks. Callbacks whose owner has been destroyed are dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot
from shiboken6 import Shiboken

log = logging.getLogger(__name__)
T = TypeVar("T")

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class TaskRunner(QObject):
    _finished = Signal(object)  # (callback, value) delivered on the GUI thread

    def __init__(self, max_workers: int = 8, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="hearth")
        self._closed = False
        self._finished.connect(self._deliver)

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        if self._closed:
            # Quitting: late callbacks may still ask for work; there is no one to answer.
            future: Future[T] = Future()
            future.cancel()
            return future
        return self._pool.submit(fn)

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        owner: QObject | None = None,
    ) -> Future[T]:
        future = self.submit(fn)
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
            self._finished.emit((done, on_done, on_error, owner))

        future.add_done_callback(settled)

    @Slot(object)
    def _deliver(self, payload: tuple[Future[Any], OnDone | None, OnError | None, Any]) -> None:
        future, on_done, on_error, owner = payload
        if self._closed:
            return
        if owner is not None and not Shiboken.isValid(owner):
            return
        if future.cancelled():
            return
        exc = future.exception()
        if exc is not None:
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background task failed", exc_info=exc)
            return
        if on_done is not None:
            on_done(future.result())

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)
