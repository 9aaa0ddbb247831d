"""The one thread that owns the SQLite connection.

Every database operation is a function ``fn(conn) -> T`` queued to this thread and
answered through a ``concurrent.futures.Future``. One writer means no lock contention
and no "database is locked"; the GUI never waits, it gets a callback.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from app.storage.db import OpenedDatabase, StorageError, _as_storage_error, open_database

log = logging.getLogger(__name__)
T = TypeVar("T")
_Job = tuple[Callable[[sqlite3.Connection], Any], "Future[Any]"]


class SerialWriter:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._opened: Future[OpenedDatabase] = Future()
        self._thread = threading.Thread(target=self._run, name="hearth-db", daemon=True)
        self._thread.start()

    @property
    def path(self) -> Path:
        return self._path

    def opened(self) -> Future[OpenedDatabase]:
        """Resolves once the database is open (or fails with ``StorageError``)."""
        return self._opened

    def submit(self, fn: Callable[[sqlite3.Connection], T]) -> Future[T]:
        future: Future[T] = Future()
        self._jobs.put((fn, future))
        return future

    def call(self, fn: Callable[[sqlite3.Connection], T], timeout: float | None = 30) -> T:
        """Run and wait: for the CLI and tests, never for the GUI thread."""
        return self.submit(fn).result(timeout)

    def close(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join(timeout=10)

    def _run(self) -> None:
        try:
            opened = open_database(self._path)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on it
            self._opened.set_exception(exc)
            self._fail_all(exc)
            return
        self._opened.set_result(opened)
        conn = opened.connection
        try:
            while (job := self._jobs.get()) is not None:
                fn, future = job
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    result = fn(conn)
                except sqlite3.Error as exc:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    log.warning("database operation failed: %s", exc)
                    future.set_exception(_as_storage_error(exc, self._path))
                except BaseException as exc:  # noqa: BLE001 - delivered to the caller
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    future.set_exception(exc)
                else:
                    future.set_result(result)
        finally:
            conn.close()

    def _fail_all(self, exc: BaseException) -> None:
        error = exc if isinstance(exc, StorageError) else StorageError(str(exc))
        while (job := self._jobs.get()) is not None:
            job[1].set_exception(error)
