"""Issue 15 in the real window: a long conversation on Ollama's 4k default is warned
about before it outgrows it, "Raise context…" sets 8192, the next request carries
``num_ctx`` 8192, and that survives a restart. Real HTTP to the fake Ollama, a real
database file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.chat.options import ModelOptions
from app.engines import machine_context
from app.engines.context import GIB
from app.hardware import Gpu, Machine
from app.ui.chat.advanced_setup import count
from app.ui.main_window import MainWindow
from tests.fakes.ollama_server import FakeOllama
from tests.ui.conftest import wait_ready

OpenWindow = Callable[..., MainWindow]
QUESTION = "word " * 480  # about 600 tokens by Hearth's estimate


@pytest.fixture(autouse=True)
def gaming_pc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An 8 GB NVIDIA card: Ollama's 4k tier, whatever this test machine has."""
    card = Gpu("NVIDIA GeForce RTX 4060", 8 * GIB, 7 * GIB, "560.94")
    machine = Machine((card,), "", None, None, 32 * GIB, 20 * GIB, Path("/tmp"), None)
    monkeypatch.delenv("OLLAMA_CONTEXT_LENGTH", raising=False)
    monkeypatch.setattr("app.hardware.probe_machine", lambda: machine)
    machine_context.forget()
    yield
    machine_context.forget()


def send(qtbot: QtBot, window: MainWindow, text: str) -> None:
    before = len(window.chat.messages.widgets())
    edit = window.chat.composer.edit
    edit.setPlainText(text)  # as pasted: typing 2,400 characters one by one is slow
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            len(window.chat.messages.widgets()) >= before + 2
            and window.chat.messages.widgets()[-1].status != "streaming"
        ),
        timeout=10000,
    )


def last_num_ctx(fake: FakeOllama) -> object:
    return (fake.requests_to("/api/chat")[-1].body.get("options") or {}).get("num_ctx")


def test_warned_before_4k_raise_to_8192_is_sent_and_survives_restart(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    bar = window.chat.context_bar
    qtbot.waitUntil(lambda: bar.machine_default == 4096, timeout=5000)

    estimates: list[int] = []
    for _turn in range(8):
        send(qtbot, window, QUESTION)
        # The estimate of the whole history comes back from the writer thread.
        qtbot.wait(200)
        estimates.append(window.chat._context_tokens)
        assert last_num_ctx(fake_ollama) == 4096  # Ollama's own pick, now sent and known
        if bar.isVisible():
            break
    assert bar.isVisible(), estimates
    assert estimates[-1] < 4096, "warned only once the context had overflowed"
    assert count(4096) in bar.label.text() and bar.raise_button.isVisible()
    assert bar.effective is not None and bar.effective.tokens == 4096
    # A document attached now is checked against the same 4k, not the model's 128k.
    assert window.chat.composer._budget[0] == 4096

    # Once per threshold per conversation: leaving it and coming back does not warn again.
    conversation_id = window.chat.conversation.id  # type: ignore[union-attr]
    window.chat.new_conversation()
    assert not bar.isVisible()
    window.chat.show_conversation(conversation_id)
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) >= 2)
    qtbot.wait(300)
    assert not bar.isVisible()
    window.chat._update_hint()
    assert not bar.isVisible()

    # "Raise context…" (the warning's button is clicked in the next test).
    bar.open_advanced(raise_context=True)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=5000)
    dialog = bar.dialog
    assert dialog is not None
    assert dialog.context.currentData() == 8192
    assert "Memory for the context" in dialog.fit_label.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(
        lambda: bar._options.get(conversation_id) == ModelOptions(num_ctx=8192), timeout=5000
    )
    send(qtbot, window, "And one more question?")
    assert last_num_ctx(fake_ollama) == 8192
    assert bar.effective is not None and bar.effective.tokens == 8192
    assert window.chat.composer._budget[0] == 8192
    assert not bar.isVisible()  # about 4k of 8k: fits
    window.close()

    again = open_window()
    wait_ready(qtbot, again)
    qtbot.waitUntil(lambda: len(again.chat.messages.widgets()) >= 2, timeout=5000)
    send(qtbot, again, "Still remember the start?")
    assert last_num_ctx(fake_ollama) == 8192


def test_the_raise_button_in_the_warning_opens_the_options_with_the_next_size(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    bar = window.chat.context_bar
    qtbot.waitUntil(lambda: bar.machine_default == 4096, timeout=5000)
    for _turn in range(8):
        send(qtbot, window, QUESTION)
        qtbot.wait(200)
        if bar.isVisible():
            break
    assert bar.isVisible()
    qtbot.mouseClick(bar.raise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=5000)
    assert bar.dialog is not None and bar.dialog.context.currentData() == 8192
    # Bad input is said in the dialog and nothing is lost.
    bar.dialog.temperature.setText("warm")
    bar.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert bar.dialog.isVisible() and "Temperature" in bar.dialog.error.text()
    assert bar.dialog.temperature.text() == "warm"
    bar.dialog.temperature.setText("0.5")
    bar.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    conversation_id = window.chat.conversation.id  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: bar._options.get(conversation_id) == ModelOptions(0.5, num_ctx=8192),
        timeout=5000,
    )
    send(qtbot, window, "Warmer now?")
    sent = fake_ollama.requests_to("/api/chat")[-1].body["options"]
    assert sent == {"num_ctx": 8192, "temperature": 0.5}

    # "New conversation" from the warning starts afresh, with the defaults again.
    bar.new_button.click()
    assert window.chat.conversation is None and not bar.isVisible()
    send(qtbot, window, "A fresh start")
    assert fake_ollama.requests_to("/api/chat")[-1].body["options"] == {"num_ctx": 4096}
