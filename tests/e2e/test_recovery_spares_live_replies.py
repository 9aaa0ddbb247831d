"""The window's start-up recovery must not stop a reply another process is still
writing: a `hearth ask` running on the same data dir when the window opens keeps its
reply, which ends 'ok' with one usage row, not 'stopped' with two."""

from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

from app.chat.recovery import recover_interrupted
from app.core import paths
from app.storage.writer import SerialWriter
from tests.e2e.test_crash_recovery import start_ask, stored_reply
from tests.fakes.ollama_server import ChatScript, FakeOllama

WORDS = [f"w{i} " for i in range(150)]
TOKEN_DELAY = 0.02  # three seconds of reply


def wait_until_streaming(db: Path, timeout: float = 20.0) -> None:
    """Until the reply is streaming and its first checkpoint is stored."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            content, status = stored_reply(db) if db.exists() else ("", "")
        except sqlite3.OperationalError:
            content, status = "", ""  # hearth ask is still creating the schema
        if content and status == "streaming":
            return
        time.sleep(0.05)
    raise AssertionError("hearth ask never started its reply")


def usage_rows(db: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT outcome, done_reason FROM usage").fetchall()


def test_a_running_ask_keeps_its_reply(fake_ollama: FakeOllama, data_dir: Path) -> None:
    fake_ollama.chat_scripts.append(ChatScript(WORDS, token_delay=TOKEN_DELAY))
    ask = start_ask(fake_ollama.url)
    db = paths.database_path()
    wait_until_streaming(db)

    writer = SerialWriter(db)  # the window opening meanwhile
    try:
        assert writer.call(recover_interrupted) == 0
    finally:
        writer.close()
    assert stored_reply(db)[1] == "streaming"

    assert ask.wait(30) == 0
    content, status = stored_reply(db)
    assert (content, status) == ("".join(WORDS), "ok")
    assert [outcome for outcome, _reason in usage_rows(db)] == ["ok"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM live_replies").fetchone()[0] == 0


def test_a_killed_ask_is_recovered(fake_ollama: FakeOllama, data_dir: Path) -> None:
    fake_ollama.chat_scripts.append(ChatScript(WORDS * 10, token_delay=TOKEN_DELAY))
    ask = start_ask(fake_ollama.url)
    db = paths.database_path()
    wait_until_streaming(db)
    ask.send_signal(signal.SIGKILL)
    ask.wait(10)

    writer = SerialWriter(db)
    try:
        assert writer.call(recover_interrupted) == 1
    finally:
        writer.close()
    assert stored_reply(db)[1] == "stopped"
    assert [reason for _outcome, reason in usage_rows(db)] == ["interrupted"]
