"""Opening the database: versioned migrations, WAL, and honest failure modes.

- A database written by a newer Hearth is refused (we would not understand it).
- A corrupt file is moved aside — kept, never deleted — and Hearth starts clean,
  telling the person where the old file went.
- A full disk or an unwritable directory becomes a ``StorageError`` with plain words.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.core.errors import KnownError
from app.core.i18n import translate
from app.storage.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)


class StorageError(KnownError):
    """The database cannot be used: full disk, permissions, a newer version."""


@dataclass(frozen=True)
class OpenedDatabase:
    connection: sqlite3.Connection
    moved_aside: Path | None = None
    """Where a corrupt database was moved, when it had to be."""


def connect(path: Path) -> sqlite3.Connection:
    """A connection with Hearth's pragmas; no schema work."""
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StorageError(
            translate(
                "Storage",
                "The database at {path} was written by a newer version of Hearth "
                "(schema {found}, this version understands {known}).",
            ).format(path=path, found=version, known=SCHEMA_VERSION),
            hint=translate(
                "Storage", "Update Hearth, or set HEARTH_DATA_DIR to use another folder."
            ),
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            # SQLite may already have rolled back (a full disk does): ROLLBACK would then
            # fail and hide the real error.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        log.info("database migrated to schema %d", number)


def _statements(script: str) -> list[str]:
    """Split a migration into statements so it runs inside our own transaction.

    ``executescript`` would commit first. ``sqlite3.complete_statement`` decides where a
    statement ends, so trigger bodies (``BEGIN ...; END``) stay whole.
    """
    statements: list[str] = []
    pending = ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip())
    return statements


def _looks_corrupt(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return any(
        marker in text
        for marker in ("file is not a database", "malformed", "file is encrypted", "corrupt")
    )


def _as_storage_error(exc: sqlite3.Error, path: Path) -> StorageError:
    text = str(exc).lower()
    if "disk is full" in text or "disk i/o" in text:
        message = translate("Storage", "The disk holding {path} is full or failing.")
        hint = translate("Storage", "Free some space; nothing you wrote has been lost.")
    elif "readonly" in text or "unable to open" in text or "permission" in text:
        message = translate("Storage", "Hearth cannot write to {path}.")
        hint = translate("Storage", "Check the folder's permissions, or set HEARTH_DATA_DIR.")
    elif "locked" in text:
        message = translate("Storage", "The database {path} is locked by another program.")
        hint = translate("Storage", "Close other copies of Hearth and try again.")
    else:
        message = translate("Storage", "The database {path} could not be used.")
        hint = str(exc)
    return StorageError(message.format(path=path), hint=hint)


def move_aside(path: Path, conn: sqlite3.Connection | None = None) -> Path:
    """Rename a corrupt database (and its -wal/-shm) out of the way, keeping every byte.

    SQLite deletes a WAL it could not use when its last connection closes, and that WAL
    may hold the latest writes. So the side files are copied while ``conn`` (the
    connection that found the damage) is still open, and only then is it closed.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    for side in sides:
        if side.exists():
            shutil.copy2(side, target.with_name(target.name + side.name[len(path.name) :]))
    if conn is not None:
        conn.close()
    path.rename(target)
    for side in sides:  # never leave a stale WAL next to the fresh database
        side.unlink(missing_ok=True)
    log.warning("corrupt database moved from %s to %s", path, target)
    return target


def open_database(path: Path) -> OpenedDatabase:
    """Open (creating or migrating) the database at ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            translate("Storage", "Hearth cannot create its data folder {path}.").format(
                path=path.parent
            ),
            hint=exc.strerror or str(exc),
        ) from exc
    moved: Path | None = None
    for attempt in range(2):
        conn: sqlite3.Connection | None = None
        try:
            conn = connect(path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            _migrate(conn, path)
            return OpenedDatabase(conn, moved)
        except sqlite3.DatabaseError as exc:
            if attempt == 0 and _looks_corrupt(exc) and path.exists():
                moved = move_aside(path, conn)
                continue
            if conn is not None:
                conn.close()
            raise _as_storage_error(exc, path) from exc
        except BaseException:  # e.g. a newer schema: refuse, but do not leak the handle
            if conn is not None:
                conn.close()
            raise
    raise AssertionError("unreachable")  # pragma: no cover
