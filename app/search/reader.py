"""A read-only connection for searching, apart from the serial writer.

Search reads; it should not queue behind a reply being saved or an import, nor hold the
writer while it scans. SQLite in WAL mode lets a reader see every committed write
without blocking the writer, so each worker thread keeps its own read-only connection.
A connection is opened again when the file at the path is no longer the one it opened
(the writer replaced a damaged database), so a search never reads a file set aside.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class ReadConnections:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def _identity(self) -> tuple[int, int]:
        stat = self._path.stat()
        return stat.st_dev, stat.st_ino

    def connection(self) -> sqlite3.Connection:
        identity = self._identity()
        held: tuple[tuple[int, int], sqlite3.Connection] | None = getattr(self._local, "held", None)
        if held is not None and held[0] == identity:
            return held[1]
        if held is not None:
            held[1].close()
        # As the ledger's reports read (app/ledger/store.py open_reader).
        conn = sqlite3.connect(f"{self._path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        self._local.held = (identity, conn)
        with self._lock:
            self._all.append(conn)
        return conn

    def read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` on this thread's connection (call it on a worker thread)."""
        return fn(self.connection())

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
