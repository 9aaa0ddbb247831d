"""kill -9 in the middle of a reply: at most about a second of it is lost, the database
is intact, and the next start keeps the reply, as stopped, with its usage row."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.chat.recovery import INTERRUPTED, recover_interrupted
from app.core import paths
from app.storage.writer import SerialWriter
from tests.fakes.ollama_server import ChatScript, FakeOllama

TOKEN_DELAY = 0.02  # 50 tokens a second, each token one word
RUNS = 4


def start_ask(host: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "OLLAMA_HOST": host, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "app", "ask", "--model", "llama3.2", "tell me a long story"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def stored_reply(db: Path) -> tuple[str, str]:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT content, status FROM messages WHERE role = 'assistant' ORDER BY id DESC"
        ).fetchone()
    return (row[0], row[1]) if row else ("", "")


@pytest.mark.parametrize("run", range(RUNS))
def test_kill_during_a_reply_loses_at_most_about_a_second(
    fake_ollama: FakeOllama, data_dir: Path, run: int
) -> None:
    words = [f"w{i} " for i in range(2000)]
    fake_ollama.chat_scripts.append(ChatScript(words, token_delay=TOKEN_DELAY))
    ask = start_ask(fake_ollama.url)
    assert ask.stdout is not None
    os.set_blocking(ask.stdout.fileno(), False)
    printed = b""
    deadline = time.monotonic() + 2.2 + 0.37 * run  # kill at a different moment each run
    while time.monotonic() < deadline:
        printed += ask.stdout.read() or b""
        time.sleep(0.01)
    ask.send_signal(signal.SIGKILL)
    ask.wait(10)
    printed += ask.stdout.read() or b""
    on_screen = len(printed.decode().split())
    db = paths.database_path()

    content, status = stored_reply(db)
    assert status == "streaming"  # cut off: nothing marked it finished
    kept = len(content.split())
    # One second is 50 words here; allow the checkpoint's own write time on a busy CI box.
    assert kept >= on_screen - 50 * 1.6, (kept, on_screen)
    assert content == "".join(words[:kept])

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    writer = SerialWriter(db)
    assert writer.call(recover_interrupted) == 1
    assert writer.call(recover_interrupted) == 0  # once only
    writer.close()
    content_after, status_after = stored_reply(db)
    assert (content_after, status_after) == (content, "stopped")
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT outcome, usage_estimated, done_reason, output_tokens_estimate, is_local,"
            " context_tokens FROM usage"
        ).fetchall()
    ((outcome, estimated, reason, output_estimate, is_local, context),) = rows
    assert (outcome, estimated, reason, is_local) == ("stopped", 1, INTERRUPTED, 1)
    assert output_estimate > 0 and context > 0
