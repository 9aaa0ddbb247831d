"""kill -9 in the middle of a write-heavy session on the real writer, again and again:
the database always passes ``PRAGMA integrity_check`` and holds every write the writer
had confirmed (a confirmed checkpoint is never lost or shortened)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.faults.kill_worker import reply_text

RUNS = 20
ROOT = Path(__file__).resolve().parents[2]


def run_and_kill(path: Path, delay: float) -> list[str]:
    """Start the workload, let it write for ``delay`` seconds, SIGKILL it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.kill_worker", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    lines: list[str] = []
    first = proc.stdout.readline()  # the writer has written at least once
    assert first, "the workload never wrote"
    lines.append(first)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    lines.extend(proc.stdout.read().splitlines(keepends=True))
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    return [line.strip() for line in lines if line.endswith("\n")]  # a torn last line: ignored


def check(path: Path, confirmed: list[str]) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {
            row[0]: (row[1], row[2], row[3])
            for row in conn.execute(
                "SELECT m.id, m.content, m.status, c.title FROM messages m"
                " JOIN conversations c ON c.id = m.conversation_id"
            )
        }
        usage_ids = {row[0] for row in conn.execute("SELECT id FROM usage")}
        ledger = conn.execute("SELECT coalesce(sum(replies), 0) FROM ledger_daily").fetchone()[0]
    finally:
        conn.close()
    assert ledger == len(usage_ids)  # the rollup trigger committed with each usage row
    longest: dict[int, tuple[int, str]] = {}
    for line in confirmed:
        kind, *rest = line.split()
        if kind == "usage":
            assert int(rest[0]) in usage_ids
            continue
        message_id, length, status = int(rest[0]), int(rest[1]), rest[2]
        longest[message_id] = (length, status)
    for message_id, (length, status) in longest.items():
        assert message_id in stored, f"confirmed message {message_id} lost"
        content, stored_status, title = stored[message_id]
        assert len(content) >= length
        if content.startswith("question"):
            continue
        turn = int(title.split()[1])
        assert reply_text(turn).startswith(content)
        if status == "ok":
            assert (content, stored_status) == (reply_text(turn), "ok")


def test_kill_9_during_writes_never_damages_or_loses_confirmed_writes(tmp_path: Path) -> None:
    rng = random.Random(13)
    path = tmp_path / "hearth.sqlite3"
    total = 0
    for _ in range(RUNS):
        confirmed = run_and_kill(path, rng.uniform(0.0, 0.4))
        total += len(confirmed)
        check(path, confirmed)
    assert total > RUNS * 5  # the workload really ran between the kills
