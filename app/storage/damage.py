"""Finding a damaged database and saving what can be read from it.

Detection: ``PRAGMA quick_check`` walks every page and checks the b-tree structure
(O(pages), no index cross-check). On 100k messages (117 MB) it costs ~0.55 s with a
warm page cache and ~4 s cold (tests/bench/bench_integrity.py), too much to always wait
for at start-up, so it runs with a time budget enforced by a progress handler; what the
budget leaves unchecked is checked in the background on a read-only connection
(``SerialWriter``), and SQLITE_CORRUPT during any operation is caught as well.

Recovery: SQLite's own recovery extension, through the ``sqlite3`` command-line shell's
``.recover`` when a shell built with it is installed; it reads every page it can, also
past damaged ones. (Debian 12's sqlite3 3.40.1 lacks the ``sqlite_dbpage`` table it
needs and fails with "SQL logic error".) Without a working shell each table is read row
by row and unreadable stretches are skipped (bisecting the rowid range), which gets
everything outside the damaged pages. The salvaged rows are then copied into a freshly
migrated database; the ledger's rollups are rebuilt by the usage triggers as the usage
rows go in.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.i18n import translate
from app.storage.records import to_db_time, utc_now

log = logging.getLogger(__name__)

DAMAGE_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB
OPEN_CHECK_BUDGET_S = 1.0
RECOVER_TIMEOUT_S = 600
# Tables that hold what the person made, parents first. Everything else (rollups, the
# ledger's daily sums) is derived from these by triggers and rebuilt on the way in.
# Parents before children (foreign keys). The outbound tables keep what was sent redacted
# and the "don't ask again" choices; without them the gate would only ask again.
KEPT_TABLES = (
    "conversations",
    "messages",
    "attachments",
    "usage",
    "pending_pulls",
    "outbound_sent",
    "outbound_allowances",
    "message_usage_imported",
)


@dataclass(frozen=True)
class Recovered:
    """What a damaged database gave back, for telling the person."""

    damaged_path: Path
    """Where the damaged file (and its -wal/-shm) now is."""
    conversations: int
    messages: int
    usage: int
    method: str
    """``"sqlite3 .recover"``, ``"row by row"`` or ``"none"`` (nothing readable)."""
    orphans: int = 0
    """Messages whose conversation was lost, kept in a "Recovered messages" conversation."""


def is_damage(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in DAMAGE_CODES:
        return True
    text = str(exc).lower()
    return any(
        marker in text
        for marker in ("file is not a database", "malformed", "file is encrypted", "corrupt")
    )


def quick_check(conn: sqlite3.Connection, budget_s: float | None) -> bool | None:
    """True when intact, False when damaged, None when the budget ran out first (a budget
    of 0 skips the check)."""
    if budget_s == 0:
        return None
    deadline = None if budget_s is None else time.monotonic() + budget_s
    if deadline is not None:
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        if "interrupt" in str(exc).lower():
            return None
        if is_damage(exc):  # a page too broken to even walk
            log.warning("quick_check stopped on damage: %s", exc)
            return False
        raise
    finally:
        conn.set_progress_handler(None, 0)
    if [tuple(row) for row in rows] == [("ok",)]:
        return True
    log.warning("quick_check found damage: %s", [tuple(row) for row in rows])
    return False


# --- salvage --------------------------------------------------------------------------------


def _copy_for_reading(damaged: Path, folder: Path) -> Path:
    """Read from a copy: opening the original would let SQLite replay and delete its WAL,
    changing the very file the person is told we kept."""
    copy = folder / "damaged.sqlite3"
    shutil.copyfile(damaged, copy)
    for suffix in ("-wal",):
        side = damaged.with_name(damaged.name + suffix)
        if side.exists():
            shutil.copyfile(side, copy.with_name(copy.name + suffix))
    return copy


def _recover_with_shell(source: Path, scratch: Path) -> bool:
    shell = shutil.which("sqlite3")
    if shell is None:
        return False
    try:
        dump = subprocess.run(
            [shell, str(source), ".recover"],
            capture_output=True,
            timeout=RECOVER_TIMEOUT_S,
            check=False,
        )
        if dump.returncode != 0 or not dump.stdout:
            # e.g. Debian 12's sqlite3 3.40 is built without the sqlite_dbpage table
            # .recover needs ("SQL logic error"): fall back to reading row by row.
            log.warning("sqlite3 .recover failed: %s", dump.stderr[-500:])
            return False
        load = subprocess.run(
            [shell, str(scratch)],
            input=dump.stdout,
            capture_output=True,
            timeout=RECOVER_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("sqlite3 .recover failed: %s", exc)
        return False
    if load.returncode != 0:
        log.warning("loading the recovered SQL reported: %s", load.stderr[-500:])
    return scratch.exists()


def _readable_rows(
    src: sqlite3.Connection, table: str, columns: list[str]
) -> tuple[list[tuple[object, ...]], int]:
    """Every row of ``table`` that can be read, and how many rowid ranges could not."""
    names = ", ".join(f'"{c}"' for c in columns)
    select = f'SELECT rowid, {names} FROM "{table}" WHERE rowid BETWEEN ? AND ? ORDER BY rowid'  # noqa: S608 - names come from the database's own schema

    def bounds() -> tuple[int, int] | None:
        try:
            row = src.execute(f'SELECT min(rowid), max(rowid) FROM "{table}"').fetchone()  # noqa: S608
        except sqlite3.DatabaseError:
            return None
        return None if row is None or row[0] is None else (int(row[0]), int(row[1]))

    span = bounds() or (1, 1 << 20)
    rows: list[tuple[object, ...]] = []
    skipped = 0
    pending = [span]
    while pending:
        lo, hi = pending.pop()
        try:
            rows.extend(tuple(r) for r in src.execute(select, (lo, hi)))
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            if lo == hi:
                skipped += 1
                continue
            mid = (lo + hi) // 2
            pending.extend([(mid + 1, hi), (lo, mid)])
    rows.sort(key=lambda r: r[0])  # type: ignore[arg-type, return-value]
    return [r[1:] for r in rows], skipped


def _recover_row_by_row(source: Path, scratch: Path) -> bool:
    try:
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    src.text_factory = lambda b: b.decode("utf-8", "replace")
    dst = sqlite3.connect(scratch, isolation_level=None)
    dst.execute("PRAGMA journal_mode = OFF")  # a scratch file: no journal, no syncs
    dst.execute("PRAGMA synchronous = OFF")
    found = False
    try:
        for table in KEPT_TABLES:
            try:
                info = src.execute(f'PRAGMA table_info("{table}")').fetchall()
            except sqlite3.DatabaseError:
                continue
            columns = [row[1] for row in info]
            if not columns:
                continue
            rows, skipped = _readable_rows(src, table, columns)
            if skipped:
                log.warning("%s: %d unreadable row ranges skipped", table, skipped)
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            dst.execute("BEGIN")
            dst.execute(f'CREATE TABLE "{table}" ({names})')
            dst.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)  # noqa: S608
            dst.execute("COMMIT")
            found = True
    finally:
        src.close()
        dst.close()
    return found


def _copy_kept_rows(scratch: Path, fresh: sqlite3.Connection) -> int:
    """Copy what the scratch database holds into the fresh one; returns orphaned messages."""
    fresh.execute("ATTACH DATABASE ? AS salvage", (str(scratch),))
    orphans = 0
    try:
        salvaged = {
            row[0]
            for row in fresh.execute("SELECT name FROM salvage.sqlite_master WHERE type='table'")
        }
        fresh.execute("BEGIN IMMEDIATE")
        for table in KEPT_TABLES:
            if table not in salvaged:
                continue
            ours = [r[1] for r in fresh.execute(f'PRAGMA main.table_info("{table}")')]
            theirs = {r[1] for r in fresh.execute(f'PRAGMA salvage.table_info("{table}")')}
            common = ", ".join(f'"{c}"' for c in ours if c in theirs)
            where = ""
            if table == "messages":
                orphans = _adopt_orphans(fresh)
                where = " WHERE conversation_id IN (SELECT id FROM main.conversations)"
            elif table == "attachments":
                where = " WHERE message_id IN (SELECT id FROM main.messages)"
            # OR IGNORE skips rows whose salvaged values break a NOT NULL/CHECK/UNIQUE rule.
            fresh.execute(
                f'INSERT OR IGNORE INTO main."{table}" ({common})'  # noqa: S608 - schema names
                f' SELECT {common} FROM salvage."{table}"{where}'
            )
        fresh.execute("COMMIT")
    except BaseException:
        if fresh.in_transaction:
            fresh.execute("ROLLBACK")
        raise
    finally:
        fresh.execute("DETACH DATABASE salvage")
    return orphans


def _adopt_orphans(fresh: sqlite3.Connection) -> int:
    """Messages whose conversation row was lost go into one new conversation, not away."""
    lost = fresh.execute(
        "SELECT count(*) FROM salvage.messages WHERE conversation_id IS NULL"
        " OR conversation_id NOT IN (SELECT id FROM main.conversations)"
    ).fetchone()[0]
    if not lost:
        return 0
    now = to_db_time(utc_now())
    home = fresh.execute(
        "INSERT INTO main.conversations (title, created_at, updated_at) VALUES (?, ?, ?)",
        (translate("Storage", "Recovered messages"), now, now),
    ).lastrowid
    fresh.execute(
        "UPDATE salvage.messages SET conversation_id = ? WHERE conversation_id IS NULL"
        " OR conversation_id NOT IN (SELECT id FROM main.conversations WHERE id != ?)",
        (home, home),
    )
    return int(lost)


def recover_into(
    damaged: Path, fresh: sqlite3.Connection, *, shell: bool = True
) -> tuple[str, int]:
    """Salvage ``damaged`` into the migrated, empty ``fresh``: (method, orphan messages)."""
    with tempfile.TemporaryDirectory(prefix="hearth-recover-", dir=damaged.parent) as tmp:
        folder = Path(tmp)
        try:
            source = _copy_for_reading(damaged, folder)
        except OSError as exc:
            log.warning("could not copy the damaged database to read it: %s", exc)
            return "none", 0
        methods: list[tuple[str, Callable[[Path, Path], bool]]] = [
            ("row by row", _recover_row_by_row)
        ]
        if shell:
            methods.insert(0, ("sqlite3 .recover", _recover_with_shell))
        for name, method in methods:
            scratch = folder / f"scratch-{len(name)}.sqlite3"
            try:
                if not method(source, scratch):
                    continue
                orphans = _copy_kept_rows(scratch, fresh)
            except sqlite3.Error as exc:
                log.warning("recovery by %s failed: %s", name, exc)
                continue
            return name, orphans
    return "none", 0


def count_kept(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(conversations, messages, usage rows) in a database."""
    return tuple(  # type: ignore[return-value]
        int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
        for table in ("conversations", "messages", "usage")
    )


def describe(recovered: Recovered, database: Path) -> str:
    """For the person: what happened, where the old file is, what the new one holds."""
    text = translate(
        "Storage",
        "Hearth's database {database} was damaged. The damaged file is kept, unchanged, "
        "at:\n{kept}\n\nWhat could be read was recovered into a new database: "
        "{conversations} conversations, {messages} messages and {usage} usage records.",
    ).format(
        database=database,
        kept=recovered.damaged_path,
        conversations=recovered.conversations,
        messages=recovered.messages,
        usage=recovered.usage,
    )
    if recovered.orphans:
        text += " " + translate(
            "Storage",
            "{count} messages whose conversation was lost are in a conversation named "
            "“Recovered messages”.",
        ).format(count=recovered.orphans)
    if recovered.method == "none":
        text += " " + translate("Storage", "Nothing in the damaged file could be read.")
    return text
