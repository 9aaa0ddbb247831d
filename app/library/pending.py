"""Downloads that have not finished, kept in SQLite so a restart can resume them.

A row is written when a download starts and removed when it succeeds; a cancel or a
failure leaves it with the bytes reached and the reason. Functions take a connection:
the GUI runs them through the serial writer, the CLI and tests through ``writer.call``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class PendingPull:
    name: str
    started_at: str
    updated_at: str
    completed_bytes: int
    total_bytes: int
    last_error: str

    @property
    def fraction(self) -> float:
        return self.completed_bytes / self.total_bytes if self.total_bytes else 0.0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def remember(
    conn: sqlite3.Connection,
    name: str,
    completed_bytes: int = 0,
    total_bytes: int = 0,
    last_error: str = "",
) -> None:
    now = _now()
    conn.execute(
        """
        INSERT INTO pending_pulls (name, started_at, updated_at, completed_bytes, total_bytes,
                                   last_error)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET
            updated_at = excluded.updated_at,
            completed_bytes = max(pending_pulls.completed_bytes, excluded.completed_bytes),
            total_bytes = max(pending_pulls.total_bytes, excluded.total_bytes),
            last_error = excluded.last_error
        """,
        (name, now, now, completed_bytes, total_bytes, last_error),
    )


def forget(conn: sqlite3.Connection, name: str) -> None:
    conn.execute("DELETE FROM pending_pulls WHERE name = ?", (name,))


def list_pending(conn: sqlite3.Connection) -> list[PendingPull]:
    rows = conn.execute(
        "SELECT name, started_at, updated_at, completed_bytes, total_bytes, last_error "
        "FROM pending_pulls ORDER BY updated_at DESC, name"
    ).fetchall()
    return [PendingPull(*tuple(row)) for row in rows]
