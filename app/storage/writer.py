"""The one thread that owns the SQLite connection.

Every database operation is a function ``fn(conn) -> T`` queued to this thread and
answered through a ``concurrent.futures.Future``. One writer means no lock contention
and no "database is locked"; the GUI never waits, it gets a callback.

Damage found while the database is in use (SQLITE_CORRUPT/NOTADB from any operation, or
the background integrity check that finishes what start-up had no time for) is handled
here too: the file is moved aside, what can be read is recovered into a new database,
listeners are told, and the operation that ran into it is run once more on the new
database (it had been rolled back, so running it again stores it exactly once).
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

from app.storage.damage import OPEN_CHECK_BUDGET_S, Recovered, is_damage, quick_check
from app.storage.db import (
    OpenedDatabase,
    StorageError,
    _as_storage_error,
    open_database,
    probe_writable,
    replace_damaged,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
_Job = tuple[Callable[[sqlite3.Connection], Any], "Future[Any]"]
DamageListener = Callable[[Recovered], None]


class _Replaced(Exception):  # noqa: N818 - a signal between the writer's own parts
    """Raised inside a job to make the writer replace a database found damaged."""


class SerialWriter:
    def __init__(
        self,
        path: Path,
        *,
        background_check: bool = True,
        check_budget_s: float | None = OPEN_CHECK_BUDGET_S,
    ) -> None:
        """``check_budget_s``: time for the integrity check at open (``None``: all it
        takes, as the CLI wants before it prints anything)."""
        self._path = path
        self._check_budget_s = check_budget_s
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._opened: Future[OpenedDatabase] = Future()
        self._listeners: list[DamageListener] = []
        self._damage: list[Recovered] = []
        self._background_check = background_check
        self._checker: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self._thread = threading.Thread(target=self._run, name="hearth-db", daemon=True)
        self._thread.start()

    def add_damage_listener(self, listener: DamageListener) -> None:
        """``listener(recovered)`` runs on the writer thread after damage found in use was
        recovered from (start-up damage is in ``opened().result().recovered``)."""
        self._listeners.append(listener)

    def damage_found(self) -> list[Recovered]:
        """Every recovery so far, including the one at start-up."""
        return list(self._damage)

    def writable(self) -> Future[bool]:
        """Whether a save could succeed now (after a full disk: is there space again?)."""
        return self.submit(lambda conn: probe_writable(conn, self._path))

    def verify(self) -> Future[Recovered | None]:
        """Run the full integrity check now (e.g. after a reader saw an odd error) and
        recover if it finds damage; resolves to what was recovered, or None."""

        def check(conn: sqlite3.Connection) -> Recovered | None:
            if quick_check(conn, None) is False:
                raise _Replaced
            return None

        return self.submit(check)

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
            opened = open_database(self._path, check_budget_s=self._check_budget_s)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on it
            self._opened.set_exception(exc)
            self._fail_all(exc)
            return
        if opened.recovered is not None:
            self._damage.append(opened.recovered)
        self._conn = opened.connection
        self._opened.set_result(opened)
        if not opened.fully_checked and self._background_check:
            self._checker = threading.Thread(
                target=self._check_in_background, name="hearth-db-check", daemon=True
            )
            self._checker.start()
        try:
            while (job := self._jobs.get()) is not None:
                fn, future = job
                if future.set_running_or_notify_cancel():
                    self._run_job(fn, future)
        finally:
            if self._conn is not None:
                self._conn.close()

    def _run_job(self, fn: Callable[[sqlite3.Connection], Any], future: Future[Any]) -> None:
        for attempt in range(2):
            conn = self._conn
            if conn is None:
                future.set_exception(
                    _as_storage_error(
                        sqlite3.DatabaseError("database disk image is malformed"), self._path
                    )
                )
                return
            changes = conn.total_changes
            try:
                result = fn(conn)
            except (sqlite3.Error, _Replaced) as exc:
                # Nothing changed yet: running it again cannot store anything twice. (A
                # job that committed a write before meeting the damage has that write in
                # the recovered database already; it gets the error, kind "damaged".)
                untouched = conn.total_changes == changes
                _roll_back(conn)
                damaged = isinstance(exc, _Replaced) or is_damage(exc)
                if damaged and attempt == 0:
                    recovered = self._replace(conn, exc)
                    if isinstance(exc, _Replaced):
                        future.set_result(recovered)
                        return
                    if recovered is not None and untouched:
                        continue  # the same operation once more, on the recovered database
                log.warning("database operation failed: %s", exc)
                error = exc if isinstance(exc, sqlite3.Error) else sqlite3.DatabaseError(exc)
                future.set_exception(_as_storage_error(error, self._path))
            except BaseException as exc:  # noqa: BLE001 - delivered to the caller
                _roll_back(conn)
                future.set_exception(exc)
            else:
                future.set_result(result)
            return

    def _replace(self, conn: sqlite3.Connection, cause: BaseException) -> Recovered | None:
        log.warning("database damaged while in use (%s): recovering", cause)
        try:
            opened = replace_damaged(self._path, conn)
        except (sqlite3.Error, OSError) as exc:
            log.error("could not recover the damaged database: %s", exc)
            self._conn = None
            try:
                self._conn = open_database(self._path).connection  # a clean start at least
            except (StorageError, sqlite3.Error) as again:
                log.error("no usable database: %s", again)
            return None
        self._conn = opened.connection
        recovered = opened.recovered
        assert recovered is not None
        self._damage.append(recovered)
        for listener in self._listeners:
            try:
                listener(recovered)
            except Exception:  # a listener's bug must not stop the writer
                log.exception("damage listener failed")
        return recovered

    def _check_in_background(self) -> None:
        """Finish the integrity check that start-up stopped for time, on a read-only
        connection of its own (WAL lets it read beside the writer)."""
        try:
            reader = sqlite3.connect(f"{self._path.as_uri()}?mode=ro", uri=True)
        except sqlite3.Error:
            return
        try:
            intact = quick_check(reader, None)
        except sqlite3.Error as exc:
            intact = not is_damage(exc)
        finally:
            reader.close()
        if intact is False:
            self.verify()  # confirmed and recovered from on the writer thread

    def _fail_all(self, exc: BaseException) -> None:
        error = exc if isinstance(exc, StorageError) else StorageError(str(exc))
        while (job := self._jobs.get()) is not None:
            job[1].set_exception(error)


def _roll_back(conn: sqlite3.Connection) -> None:
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error as exc:  # a damaged or full database may refuse even this
        log.warning("rollback failed: %s", exc)
