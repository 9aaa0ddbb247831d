"""Start-up through the real ``main()`` on a data dir a person has after months of use,
as a ratio to a bare Qt window measured in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.bench_startup

The data dir holds 1,000 conversations, the last one open with 5,000 messages, and a
ledger of 20,000 replies. Each child process is timed from just before it is spawned:
"shown" is when the main window is first shown, "filled" when the last conversation's
messages are on screen. Rounds alternate bare / Hearth so machine noise hits both.
Budget: shown ≤ 3× a bare window.
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
ROUNDS = 5
CONVERSATIONS = 1000
LONG = 5000
USAGE = 20_000

CHILD = r"""
import json, sys, time
t0 = float(sys.argv[2])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
mode = sys.argv[1]
marks = {}
if mode == "bare":
    app = QApplication(sys.argv[:1]); w = QMainWindow(); w.resize(1000, 680); w.show()
    marks["shown_s"] = time.time() - t0
    QTimer.singleShot(0, app.quit)
    app.exec()
    marks["filled_s"] = time.time() - t0
else:
    import app.ui.main_window as mw
    original_show = mw.MainWindow.show
    def show(window):
        original_show(window)
        marks["shown_s"] = time.time() - t0
        def poll():
            if window.chat.messages.widgets():
                marks["filled_s"] = time.time() - t0
                window.close()
            else:
                QTimer.singleShot(5, poll)
        QTimer.singleShot(0, poll)
    mw.MainWindow.show = show
    from app.ui.bootstrap import main
    main([])
print(json.dumps(marks))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def populate(folder: Path) -> None:
    from app.core.settings import LAST_CONVERSATION, Settings
    from app.storage import repo
    from app.storage.db import open_database
    from app.storage.records import UsageRecord

    conn = open_database(folder / "hearth.sqlite3").connection
    conn.execute("BEGIN")
    last = 0
    for i in range(CONVERSATIONS):
        last = repo.create_conversation(conn, f"对话 {i}: a conversation", "llama3.2").id
        conn.execute(
            "INSERT INTO messages (conversation_id, role, content, created_at, engine, model,"
            " status, error) VALUES (?, 'user', 'hello', '2026-11-01T00:00:00.000000Z',"
            " '', '', 'ok', '')",
            (last,),
        )
    rows = [
        (
            last,
            "user" if i % 2 == 0 else "assistant",
            f"## 第 {i} 条\n\n一些 **Markdown** 文本，`code`，以及更多的字。" * 2,
        )
        for i in range(LONG)
    ]
    conn.executemany(
        "INSERT INTO messages (conversation_id, role, content, created_at, engine, model,"
        " status, error) VALUES (?, ?, ?, '2026-11-02T00:00:00.000000Z', 'ollama',"
        " 'llama3.2', 'ok', '')",
        rows,
    )
    conn.execute("COMMIT")
    start = datetime(2026, 6, 1, tzinfo=UTC)
    repo.record_usage_many(
        conn,
        (
            UsageRecord(
                ts=start + timedelta(minutes=10 * i),
                engine="ollama",
                model="llama3.2",
                is_local=True,
                outcome="ok",
                context_tokens=2000,
                output_tokens_estimate=300,
                wall_ms=3000.0,
                conversation_id=last,
                input_tokens=2000,
                output_tokens=300,
                energy_j=600.0,
            )
            for i in range(USAGE)
        ),
    )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    settings = Settings(folder / "settings.json")
    settings.set(LAST_CONVERSATION, last)
    settings.save()


def child(mode: str, data: Path, url: str) -> dict[str, float]:
    env = {
        **os.environ,
        "OLLAMA_HOST": url,
        "HEARTH_DATA_DIR": str(data),
        "QT_QPA_PLATFORM": "offscreen",
    }
    launched = str(time.time())
    out = subprocess.check_output(
        [sys.executable, "-c", CHILD, mode, launched], env=env, cwd=ROOT, text=True
    )
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def compile_bytecode() -> None:
    """Compile Hearth's modules as an install does (pip compiles a wheel's modules, the
    bundle ships them compiled). Run from a checkout with PYTHONDONTWRITEBYTECODE set, as
    CI is, every child would otherwise compile ~140 modules from source: ~40 ms that no
    person's start-up pays, and that a bare window, whose PySide6 is compiled, never pays."""
    compileall.compile_dir(ROOT / "app", quiet=1)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    compile_bytecode()
    template = Path(tempfile.mkdtemp(prefix="hearth-startup-"))
    populate(template)
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.ollama_server", "--port", str(port := free_port())],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    server.stdout.readline()
    url = f"http://127.0.0.1:{port}"
    bare: list[dict[str, float]] = []
    full: list[dict[str, float]] = []
    try:
        child("hearth", template, url)  # warm the OS file cache for both sides
        for _ in range(ROUNDS):
            bare.append(child("bare", template, url))
            data = Path(tempfile.mkdtemp(prefix="hearth-startup-run-"))
            shutil.copytree(template, data, dirs_exist_ok=True)
            full.append(child("hearth", data, url))
    finally:
        server.terminate()
        server.wait()
    bare_shown = statistics.median(b["shown_s"] for b in bare)
    shown = statistics.median(f["shown_s"] for f in full)
    filled = statistics.median(f["filled_s"] for f in full)
    print(
        f"Data dir: {CONVERSATIONS} conversations, the open one {LONG} messages, "
        f"{USAGE} usage rows; {ROUNDS} alternating rounds"
    )
    print(f"bare Qt window shown        : {bare_shown:6.3f} s")
    print(
        f"Hearth main() window shown  : {shown:6.3f} s  ratio {shown / bare_shown:5.2f} "
        "(budget <= 3.00)"
    )
    print(f"last conversation on screen : {filled:6.3f} s  ratio {filled / bare_shown:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
