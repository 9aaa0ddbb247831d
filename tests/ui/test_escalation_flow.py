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
from app.ui.chat.model_picker import REF_ROLE
from app.ui.chat.outbound import OutboundDialog
from app.ui.cloud.escalate import EscalationDialog
from app.ui.main_window import MainWindow
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.ollama_server import FakeOllama, cloud_models
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


def sent_versions(conversation_id: int) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db_path())
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            "SELECT * FROM outbound_sent WHERE conversation_id = ? ORDER BY rowid",
            (conversation_id,),
        ).fetchall()
    finally:
        conn.close()


def wait_idle(qtbot: QtBot, window: MainWindow, count: int) -> None:
    qtbot.waitUntil(
        lambda: (
            len(window.chat.messages.widgets()) == count
            and window.chat.messages.widgets()[-1].status not in ("streaming", "")
        ),
        timeout=8000,
    )


def test_escalate_redact_sends_at_once_and_keeps_your_words(
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

    cloud.push(Reply(tokens=["Cloud", " plan"]))
    escalate(qtbot, window, redact=True)
    banner = window.chat.cloud_label.text()
    assert "OpenAI" in banner and "gpt-4.1" in banner
    # The choice sent at once: the cloud redid the local model's answer.
    qtbot.waitUntil(lambda: len(cloud.chat_requests()) == 1, timeout=8000)
    wait_idle(qtbot, window, 2)
    assert window.chat.messages.widgets()[-1].text == "Cloud plan"
    sent = cloud.chat_requests()[0].body
    assert sent["messages"][-1]["content"] == "My mail is [EMAIL], plan my trip"
    assert "wang.wu@example.com" not in str(sent)
    # Your words stay yours: the stored message and the view keep the original.
    assert window.chat.messages.widgets()[0].text == "My mail is wang.wu@example.com, plan my trip"
    conversation = window.chat.conversation
    assert conversation is not None
    (version,) = [r for r in sent_versions(conversation.id) if r["redacted"] != "[]"]
    assert version["sent_content"] == "My mail is [EMAIL], plan my trip"
    # ...and the message says that a redacted version was sent, and what it was.
    first = window.chat.messages.widgets()[0]
    qtbot.waitUntil(lambda: "[EMAIL]" in first.toolTip(), timeout=5000)
    assert first.toolTip().startswith("Sent with E-mail address replaced")

    cloud.push(Reply(tokens=["Cloud", " answer"]))
    send(qtbot, window, "And the budget?", 4)
    reply = window.chat.messages.widgets()[-1]
    assert reply.text == "Cloud answer" and reply.status == "ok"
    sent = cloud.chat_requests()[-1].body
    assert "wang.wu@example.com" not in str(sent)  # the redacted form, every turn
    assert sent["messages"][-1]["content"] == "And the budget?"
    qtbot.waitUntil(lambda: len(usage()) == 3)
    local, _first, remote = usage()
    assert (local["engine"], local["is_local"]) == ("ollama", 1)
    assert remote["is_local"] == 0 and remote["model"] == "gpt-4.1"
    assert remote["input_tokens"] is not None and remote["cost_usd"] is not None

    window.chat.local_button.click()
    # Shown as local once it is stored as local.
    qtbot.waitUntil(lambda: not window.chat.cloud_banner.isVisible(), timeout=5000)
    send(qtbot, window, "Back home", 6)
    assert fake_ollama.requests_to("/api/chat")[-1].body["messages"][-1]["content"] == "Back home"
    assert len(cloud.chat_requests()) == 2


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
    qtbot.waitUntil(lambda: len(cloud.chat_requests()) == 1, timeout=8000)  # sent at once
    wait_idle(qtbot, window, 2)
    window.ctx.settings.set(LOCAL_ONLY, True)
    send(qtbot, window, "Secret plans", 4)
    reply = window.chat.messages.widgets()[-1]
    assert reply.status == "failed"
    assert "Local-only mode" in reply._error_label.text()
    assert window.chat.messages.widgets()[-2].text == "Secret plans"  # kept
    assert len(cloud.chat_requests()) == 1  # nothing more went out
    QApplication.processEvents()


def outbound_dialog(qtbot: QtBot, window: MainWindow) -> OutboundDialog:
    qtbot.waitUntil(lambda: bool(window.asker.dialogs), timeout=8000)
    dialog = window.asker.dialogs[-1]
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_a_follow_up_with_secrets_stops_for_a_decision_in_the_window(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    fake_ollama: FakeOllama,
    cloud: FakeOpenAI,
) -> None:
    window = open_window()
    window.ctx.settings.set(BASE_URLS["openai"], cloud.base_url)
    wait_ready(qtbot, window)
    send(qtbot, window, "Help me fill in a visa form", 2)
    cloud.push(Reply(tokens=["Sure"]))
    escalate(qtbot, window, redact=False)
    qtbot.waitUntil(lambda: len(cloud.chat_requests()) == 1, timeout=8000)
    wait_idle(qtbot, window, 2)

    aws, cn_id = "AKIAIOSFODNN7EXAMPLE", "11010519491231002X"
    text = f"我的AWS密钥是{aws}，身份证号{cn_id}。"
    window.chat.composer.edit.setPlainText(text)  # QTest cannot type Han characters
    qtbot.keyClick(window.chat.composer.edit, Qt.Key.Key_Return)
    dialog = outbound_dialog(qtbot, window)
    shown = dialog.findings_view.toPlainText()
    assert "API key or token" in shown and "Resident ID number" in shown
    assert len(cloud.chat_requests()) == 1  # waiting for the person: nothing went out
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 3, timeout=5000)
    assert window.chat.messages.widgets()[-1].text == text  # kept, not sent
    assert len(cloud.chat_requests()) == 1

    cloud.push(Reply(tokens=["Done"]))
    last = window.chat.messages.widgets()[-1]
    window.chat._start(window.core.reply(window.chat.conversation.id, ""))  # type: ignore[union-attr]
    dialog = outbound_dialog(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter: redact and send
    qtbot.waitUntil(lambda: len(cloud.chat_requests()) == 2, timeout=8000)
    wait_idle(qtbot, window, 4)
    body = str(cloud.chat_requests()[-1].body)
    assert aws not in body and cn_id not in body and "[API_KEY]" in body and "[CN_ID]" in body
    assert last.text == text  # the person's words stay as written


def test_an_ollama_cloud_model_is_marked_and_checked_in_the_window(
    qtbot: QtBot, open_window: Callable[..., MainWindow], fake_ollama: FakeOllama
) -> None:
    fake_ollama.models += cloud_models()
    window = open_window()
    wait_ready(qtbot, window)
    picker = window.chat.model_picker

    def row(model: str) -> int:
        return next(
            i
            for i in range(picker.count())
            if str(picker.itemData(i, REF_ROLE) or "").endswith("|" + model)
        )

    index = row("gpt-oss:120b-cloud")
    assert "☁" in picker.itemText(index)
    assert "ollama.com" in str(picker.itemData(index, Qt.ItemDataRole.ToolTipRole))
    assert "☁" not in picker.itemText(row("llama3.2:latest"))
    picker.setCurrentIndex(index)
    picker.model_chosen.emit(picker.current_ref())

    qtbot.keyClicks(window.chat.composer.edit, "my key AKIAIOSFODNN7EXAMPLE")
    qtbot.keyClick(window.chat.composer.edit, Qt.Key.Key_Return)
    dialog = outbound_dialog(qtbot, window)
    assert "ollama.com" in dialog.where_label.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 1, timeout=5000)
    assert fake_ollama.requests_to("/api/chat") == []  # nothing went to ollama.com
