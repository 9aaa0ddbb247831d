"""A person who runs llama.cpp and no Ollama: the real window and ``hearth ask`` chat
with a real ``llama-server`` exactly as with Ollama, and the ledger books it as local
with the server's own token counts."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core import paths
from app.core.settings import Settings
from app.engines.addresses import EXTRA_ADDRESSES
from app.storage.writer import SerialWriter
from app.ui.context import AppContext, AppEvents
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from tests.engines.conftest import ALIAS


def usage_rows() -> list[tuple[object, ...]]:
    with sqlite3.connect(paths.database_path()) as conn:
        return conn.execute(
            "SELECT engine, model, is_local, input_tokens, output_tokens, cost_usd, outcome"
            " FROM usage ORDER BY id"
        ).fetchall()


@pytest.fixture
def window(qtbot: QtBot, llama_server: str, dead_url: str) -> Iterator[MainWindow]:
    settings = Settings(paths.settings_path())
    settings.set(EXTRA_ADDRESSES, llama_server)  # as the first-run panel saves it
    settings.save()
    ctx = AppContext(
        Settings(paths.settings_path()),
        SerialWriter(paths.database_path()),
        TaskRunner(),
        AppEvents(),
        dead_url,  # no Ollama here
    )
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    ctx.tasks.shutdown()
    ctx.writer.close()


def test_the_window_chats_with_llama_cpp_when_there_is_no_ollama(
    qtbot: QtBot, window: MainWindow
) -> None:
    chat = window.chat
    qtbot.waitUntil(lambda: bool(chat.model_picker.model_refs()), timeout=15_000)
    assert chat.stack.currentWidget() is chat.messages  # no "Ollama is not installed" cover
    assert "llama.cpp" in window.ollama_label.text()
    assert chat.current_model().startswith("llamacpp|")

    qtbot.keyClicks(chat.composer.edit, "Say hello in one short sentence.")
    qtbot.keyClick(chat.composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            len(chat.messages.widgets()) == 2
            and chat.messages.widgets()[-1].status not in ("streaming",)
        ),
        timeout=60_000,
    )
    reply = chat.messages.widgets()[-1]
    assert reply.status in ("ok", "stopped") and reply.text.strip()
    assert not chat.cloud_banner.isVisible()  # no cloud wording for a local engine
    qtbot.waitUntil(lambda: len(usage_rows()) == 1, timeout=10_000)
    ((engine, model, is_local, input_tokens, output_tokens, cost, _outcome),) = usage_rows()
    assert (engine, model, is_local, cost) == ("llamacpp", ALIAS, 1, None)
    assert input_tokens and output_tokens  # the server's own counts, not an estimate


def test_hearth_ask_finds_the_model_on_llama_cpp(llama_server: str, dead_url: str) -> None:
    settings = Settings(paths.settings_path())
    settings.set(EXTRA_ADDRESSES, llama_server)
    settings.save()
    env = {**os.environ, "OLLAMA_HOST": dead_url, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "ask", "--model", ALIAS, "--json", "Say hi."],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["model"] == ALIAS and out["provider"] == "llamacpp" and out["reply"].strip()
    # The usage stored is what the server itself counted for that reply.
    props = httpx.get(f"{llama_server}/props", timeout=10).json()
    assert props  # the same server answered
    ((engine, model, is_local, input_tokens, output_tokens, _cost, _outcome),) = usage_rows()
    assert (engine, model, is_local) == ("llamacpp", ALIAS, 1)
    assert (input_tokens, output_tokens) == (
        out["usage"]["input_tokens"],
        out["usage"]["output_tokens"],
    )
