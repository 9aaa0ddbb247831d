"""Escalation through the main window: choose, see it marked, chat in the cloud, return."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.cloud.keys import KeyStore
from app.cloud.providers import BASE_URLS
from app.core.settings import LOCAL_ONLY
from app.ui.cloud.escalate import EscalationDialog
from app.ui.main_window import MainWindow
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.ollama_server import FakeOllama
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.ui.conftest import db_path, wait_ready

KEY = "sk-proj-WindowFlowKey0123456789abcdef"


@pytest.fixture
def cloud() -> Iterator[FakeOpenAI]:
    with installed(MemoryKeyring()), FakeOpenAI(api_key=KEY, models=["gpt-4.1"]) as server:
        KeyStore().set("openai", KEY)
        yield server


def send(qtbot: QtBot, window: MainWindow, text: str, count: int) -> None:
    qtbot.keyClicks(window.chat.composer.edit, text)
    qtbot.keyClick(window.chat.composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            len(window.chat.messages.widgets()) == count
            and window.chat.messages.widgets()[-1].status != "streaming"
        ),
        timeout=8000,
    )


def escalate(qtbot: QtBot, window: MainWindow, redact: bool) -> None:
    window.chat.cloud_button.click()
    # The dialog opens once the whole history has been read (the check sees all of it).
    qtbot.waitUntil(lambda: window.chat.findChild(EscalationDialog) is not None, timeout=5000)
    dialog = window.chat.findChild(EscalationDialog)
    assert dialog is not None
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("openai"))
    qtbot.waitUntil(lambda: dialog.model_combo.findText("gpt-4.1") >= 0, timeout=5000)
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findText("gpt-4.1"))
    button = dialog.redact_button if redact else dialog.send_button
    qtbot.waitUntil(button.isEnabled, timeout=5000)
    button.click()
    qtbot.waitUntil(window.chat.cloud_banner.isVisible, timeout=5000)


def usage() -> list[sqlite3.Row]:
    conn = sqlite3.connect(db_path())
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM usage ORDER BY id").fetchall()
    finally:
        conn.close()


def test_escalate_redact_chat_in_cloud_and_return(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    fake_ollama: FakeOllama,
    cloud: FakeOpenAI,
) -> None:
    window = open_window()
    window.ctx.settings.set(BASE_URLS["openai"], cloud.base_url)
    wait_ready(qtbot, window)
    send(qtbot, window, "My mail is wang.wu@example.com, plan my trip", 2)
    assert cloud.requests == []  # local by default: nothing went to the cloud

    escalate(qtbot, window, redact=True)
    banner = window.chat.cloud_label.text()
    assert "OpenAI" in banner and "gpt-4.1" in banner
    assert not window.chat.model_picker.isEnabled()
    first = window.chat.messages.widgets()[0].text
    assert first == "My mail is [EMAIL], plan my trip"  # what you see is what is sent
    assert cloud.chat_requests() == []  # choosing sends nothing by itself

    cloud.push(Reply(tokens=["Cloud", " answer"]))
    send(qtbot, window, "And the budget?", 4)
    reply = window.chat.messages.widgets()[-1]
    assert reply.text == "Cloud answer" and reply.status == "ok"
    sent = cloud.chat_requests()[-1].body
    assert "wang.wu@example.com" not in str(sent)
    assert sent["messages"][-1]["content"] == "And the budget?"
    qtbot.waitUntil(lambda: len(usage()) == 2)
    local, remote = usage()
    assert (local["engine"], local["is_local"]) == ("ollama", 1)
    assert remote["is_local"] == 0 and remote["model"] == "gpt-4.1"
    assert remote["input_tokens"] is not None and remote["cost_usd"] is not None

    window.chat.local_button.click()
    # Shown as local once it is stored as local.
    qtbot.waitUntil(lambda: not window.chat.cloud_banner.isVisible(), timeout=5000)
    send(qtbot, window, "Back home", 6)
    assert fake_ollama.requests_to("/api/chat")[-1].body["messages"][-1]["content"] == "Back home"
    assert len(cloud.chat_requests()) == 1


def test_local_only_mode_blocks_an_escalated_conversation(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    fake_ollama: FakeOllama,
    cloud: FakeOpenAI,
) -> None:
    window = open_window()
    window.ctx.settings.set(BASE_URLS["openai"], cloud.base_url)
    wait_ready(qtbot, window)
    send(qtbot, window, "Hello", 2)
    escalate(qtbot, window, redact=False)
    window.ctx.settings.set(LOCAL_ONLY, True)
    send(qtbot, window, "Secret plans", 4)
    reply = window.chat.messages.widgets()[-1]
    assert reply.status == "failed"
    assert "Local-only mode" in reply._error_label.text()
    assert window.chat.messages.widgets()[-2].text == "Secret plans"  # kept
    assert cloud.chat_requests() == []
    QApplication.processEvents()
