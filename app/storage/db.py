"""Opening the database: versioned migrations, WAL, and honest failure modes.

- A database written by a newer Hearth is refused (we would not understand it).
- A corrupt file is moved aside — kept, never deleted — and Hearth starts clean,
  telling the person where the old file went.
- A full disk or an unwritable directory becomes a ``StorageError`` with plain words.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from app.core.errors import KnownError
from app.core.i18n import translate
from app.storage.damage import (
    OPEN_CHECK_BUDGET_S,
    Recovered,
    count_kept,
    is_damage,
    quick_check,
    recover_into,
)
from app.storage.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)


StorageKind = Literal["disk_full", "read_only", "locked", "damaged", "newer", "folder", "other"]


class StorageError(KnownError):
    """The database cannot be used: full disk, permissions, damage, a newer version.

    ``kind`` lets a caller act without reading the message: on ``"disk_full"`` keep what
    was not saved and try again once ``SerialWriter.writable()`` says writing works.
    """

    def __init__(self, message: str, *, hint: str = "", kind: StorageKind = "other") -> None:
        super().__init__(message, hint=hint)
        self.kind: StorageKind = kind


@dataclass(frozen=True)
class OpenedDatabase:
    connection: sqlite3.Connection
    moved_aside: Path | None = None
    """Where a damaged database was moved, when it had to be."""
    recovered: Recovered | None = None
    """What was saved from it into the new database (set whenever ``moved_aside`` is)."""
    fully_checked: bool = True
    """False when the start-up integrity check ran out of time before the end."""


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
            kind="newer",
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


# SQLite primary result codes (https://sqlite.org/rescode.html).
_FULL, _IOERR, _READONLY, _CANTOPEN, _PERM, _BUSY, _LOCKED = 13, 10, 8, 14, 3, 5, 6
LOW_SPACE_BYTES = 1 << 20


def _kind_of(exc: sqlite3.Error, path: Path) -> StorageKind:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    text = str(exc).lower()
    if is_damage(exc):
        return "damaged"
    if primary == _FULL or "disk is full" in text or "database or disk is full" in text:
        return "disk_full"
    if primary == _IOERR or "disk i/o" in text:
        # A full disk can also surface as an I/O error (a failed WAL or -shm grow).
        return "disk_full" if _free_bytes(path.parent) < LOW_SPACE_BYTES else "other"
    if primary in (_READONLY, _CANTOPEN, _PERM) or any(
        word in text for word in ("readonly", "unable to open", "permission")
    ):
        return "read_only"
    if primary in (_BUSY, _LOCKED) or "locked" in text:
        return "locked"
    return "other"


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return LOW_SPACE_BYTES * 1024


def _as_storage_error(exc: sqlite3.Error, path: Path) -> StorageError:
    kind = _kind_of(exc, path)
    if kind == "disk_full":
        message = translate("Storage", "The disk holding {path} is full.")
        hint = translate(
            "Storage", "Free some space on that disk; everything saved before is safe."
        )
    elif kind == "read_only":
        message = translate("Storage", "Hearth cannot write to {path}.")
        hint = translate("Storage", "Check the folder's permissions, or set HEARTH_DATA_DIR.")
    elif kind == "locked":
        message = translate("Storage", "The database {path} is locked by another program.")
        hint = translate("Storage", "Close other copies of Hearth and try again.")
    elif kind == "damaged":
        message = translate("Storage", "The database {path} is damaged.")
        hint = translate("Storage", "Restart Hearth to recover what can be read from it.")
    else:
        message = translate("Storage", "The database {path} could not be used.")
        hint = str(exc)
    return StorageError(message.format(path=path), hint=hint, kind=kind)


def probe_writable(conn: sqlite3.Connection, path: Path, need_bytes: int = LOW_SPACE_BYTES) -> bool:
    """Cheap test that a save could succeed now: the database is below its page limit and
    the folder takes ``need_bytes`` more (written, synced and removed again)."""
    try:
        pages, limit, size = (
            int(conn.execute(f"PRAGMA {name}").fetchone()[0])
            for name in ("page_count", "max_page_count", "page_size")
        )
    except sqlite3.Error:
        return False
    if (limit - pages) * size < need_bytes:
        return False
    probe = path.with_name(f".{path.name}.space-probe")
    try:
        with probe.open("wb") as handle:
            handle.write(bytes(need_bytes))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        return False
    finally:
        probe.unlink(missing_ok=True)
    return True


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


def _ensure_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            translate("Storage", "Hearth cannot create its data folder {path}.").format(
                path=path.parent
            ),
            hint=exc.strerror or str(exc),
            kind="folder",
        ) from exc


def _with_pragmas(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def replace_damaged(path: Path, conn: sqlite3.Connection | None) -> OpenedDatabase:
    """Move the damaged database aside, recover what can be read into a new one built
    beside it, and put that in its place. ``conn`` (on the damaged file) is closed."""
    return _rebuild_from(move_aside(path, conn), path)


def _building(path: Path) -> Path:
    return path.with_name(path.name + ".recovering")


def _rebuild_from(moved: Path, path: Path) -> OpenedDatabase:
    """Recover ``moved`` into a new database built at ``<path>.recovering``, which only
    becomes ``path`` once complete: a crash part way leaves no half-filled database."""
    building = _building(path)
    for leftover in (building, building.with_name(building.name + "-journal")):
        leftover.unlink(missing_ok=True)
    fresh = connect(building)
    try:
        _migrate(fresh, building)
        method, orphans = recover_into(moved, fresh)
        conversations, messages, usage = count_kept(fresh)
    finally:
        fresh.close()
    building.rename(path)
    recovered = Recovered(moved, conversations, messages, usage, method, orphans)
    log.warning("recovered from %s by %s: %s", moved, method, recovered)
    return OpenedDatabase(_with_pragmas(connect(path)), moved, recovered)


def _interrupted_recovery(path: Path) -> Path | None:
    """The damaged file a recovery was working from when Hearth stopped, if one was: no
    database, a ``.recovering`` leftover, and a ``.corrupt-*`` file beside it."""
    if path.exists() or not _building(path).exists():
        return None
    kept = [
        candidate
        for candidate in path.parent.glob(f"{path.name}.corrupt-*")
        if not candidate.name.endswith(("-wal", "-shm"))
    ]
    return max(kept, key=lambda candidate: candidate.stat().st_mtime_ns, default=None)


def open_database(
    path: Path, *, check_budget_s: float | None = OPEN_CHECK_BUDGET_S
) -> OpenedDatabase:
    """Open (creating or migrating) the database at ``path``.

    An existing file gets ``PRAGMA quick_check`` for at most ``check_budget_s`` seconds
    (``None``: however long it takes); ``OpenedDatabase.fully_checked`` says whether it
    finished. Damage found here is recovered from before the database is used.
    """
    _ensure_folder(path)
    interrupted = _interrupted_recovery(path)
    if interrupted is not None:
        log.warning("finishing the recovery from %s that was interrupted", interrupted)
        try:
            opened = _rebuild_from(interrupted, path)
            _migrate(opened.connection, path)
        except sqlite3.Error as exc:
            raise _as_storage_error(exc, path) from exc
        return opened
    existed = path.exists() and path.stat().st_size > 0
    conn: sqlite3.Connection | None = None
    try:
        conn = connect(path)
        _with_pragmas(conn)
        verdict = quick_check(conn, check_budget_s) if existed else True
        if verdict is not False:
            _migrate(conn, path)
            return OpenedDatabase(conn, fully_checked=verdict is True)
    except sqlite3.DatabaseError as exc:
        if not (is_damage(exc) and existed):
            if conn is not None:
                conn.close()
            raise _as_storage_error(exc, path) from exc
        log.warning("database %s is damaged: %s", path, exc)
    except BaseException:  # e.g. a newer schema: refuse, but do not leak the handle
        if conn is not None:
            conn.close()
        raise
    try:
        opened = replace_damaged(path, conn)
        _migrate(opened.connection, path)
    except sqlite3.Error as exc:
        raise _as_storage_error(exc, path) from exc
    except OSError as exc:  # the folder refused the move or the new file
        raise StorageError(
            translate("Storage", "The database {path} is damaged.").format(path=path),
            hint=translate(
                "Storage", "Hearth could not set it aside ({reason}). Check the folder {folder}."
            ).format(reason=exc.strerror or exc, folder=path.parent),
            kind="damaged",
        ) from exc
    return opened
