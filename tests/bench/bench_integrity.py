"""Benchmark: what the start-up integrity check and a recovery cost on a big database.

Run: ``python tests/bench/bench_integrity.py [MESSAGES]`` (default 100,000; not
collected by pytest). Builds a database of MESSAGES messages (20–300 words each, mixed
English/Chinese) in MESSAGES/50 conversations with a usage row per reply, then prints,
side by side in one run:

- opening without any check (connect, WAL, schema read, migrations),
- ``PRAGMA quick_check`` to the end, warm and, with HEARTH_BENCH_COLD=1 (root on Linux:
  drops the page cache), cold,
- ``PRAGMA integrity_check`` to the end, warm,
- ``open_database`` as the window runs it (quick_check within OPEN_CHECK_BUDGET_S),
- recovering after one page in the middle is overwritten (move aside + row-by-row
  salvage + copy into a fresh migrated database, the ledger triggers included),

each as a ratio to the plain open.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.storage.damage import OPEN_CHECK_BUDGET_S, quick_check
from app.storage.db import _migrate, _with_pragmas, connect, open_database
from app.storage.records import to_db_time
from tests.faults.fs import corrupt_page

WORDS = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "a",
    "lazy",
    "dog",
    "你好",
    "世界",
    "模型",
    "回答",
    "本地",
]


def build(path: Path, messages: int) -> None:
    conn = open_database(path).connection
    rnd = random.Random(1)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    conversations = max(1, messages // 50)
    conn.execute("BEGIN")
    for c in range(conversations):
        ts = to_db_time(start + timedelta(minutes=c))
        conn.execute(
            "INSERT INTO conversations (title, created_at, updated_at) VALUES (?, ?, ?)",
            (f"conversation {c}", ts, ts),
        )
    for i in range(messages):
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(20, 300)))
        ts = to_db_time(start + timedelta(seconds=30 * i))
        conn.execute(
            "INSERT INTO messages (conversation_id, role, content, created_at) VALUES (?, ?, ?, ?)",
            (i % conversations + 1, "user" if i % 2 == 0 else "assistant", text, ts),
        )
        if i % 2:
            conn.execute(
                "INSERT INTO usage (ts, conversation_id, message_id, engine, model, is_local,"
                " outcome, context_tokens, output_tokens_estimate, wall_ms, input_tokens,"
                " output_tokens) VALUES (?, ?, ?, 'ollama', 'qwen3:8b', 1, 'ok', ?, 200,"
                " 1234.5, 900, 200)",
                (ts, i % conversations + 1, i + 1, 1000 + i % 5000),
            )
    conn.execute("COMMIT")
    conn.close()


def drop_caches() -> bool:
    """Only when asked (HEARTH_BENCH_COLD=1): it empties the whole machine's page cache."""
    if os.environ.get("HEARTH_BENCH_COLD") != "1":
        return False
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def plain_open(path: Path) -> None:
    conn = connect(path)
    _with_pragmas(conn)
    _migrate(conn, path)
    conn.close()


def full_check(path: Path, pragma: str) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute(f"PRAGMA {pragma}(1)").fetchone()[0] == "ok"
    conn.close()


def budget_open(path: Path) -> None:
    opened = open_database(path)
    print(f"  (open_database: fully checked within the budget: {opened.fully_checked})")
    opened.connection.close()


def main() -> None:
    messages = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hearth.sqlite3"
        began = time.perf_counter()
        build(path, messages)
        size = path.stat().st_size / 1e6
        print(f"{messages:,} messages, {size:.0f} MB, built in {time.perf_counter() - began:.1f} s")
        plain_open(path)  # warm the page cache for the warm figures
        base = min(timed(lambda: plain_open(path)) for _ in range(3))
        rows = [("open, no check", base)]
        rows.append(
            (
                "quick_check, warm",
                min(timed(lambda: full_check(path, "quick_check")) for _ in range(2)),
            )
        )
        if drop_caches():
            rows.append(("quick_check, cold cache", timed(lambda: full_check(path, "quick_check"))))
        rows.append(("integrity_check, warm", timed(lambda: full_check(path, "integrity_check"))))
        conn = sqlite3.connect(path)
        rows.append(
            (
                f"quick_check with a {OPEN_CHECK_BUDGET_S:g} s budget",
                timed(lambda: quick_check(conn, OPEN_CHECK_BUDGET_S)),
            )
        )
        conn.close()
        rows.append(("open_database (window start-up)", timed(lambda: budget_open(path))))
        damaged = Path(tmp) / "damaged" / "hearth.sqlite3"
        damaged.parent.mkdir()
        shutil.copyfile(path, damaged)
        corrupt_page(damaged)
        recovered: list[object] = []
        rows.append(
            (
                "damaged mid-file: detect + recover",
                timed(
                    lambda: recovered.append(open_database(damaged, check_budget_s=None).recovered)
                ),
            )
        )
        for label, seconds in rows:
            print(f"{label:<40} {seconds * 1000:9.1f} ms  {seconds / base:8.1f}x")
        print(f"recovered: {recovered[0]}")


if __name__ == "__main__":
    main()
