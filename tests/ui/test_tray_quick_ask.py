"""The tray, quick ask and closing to the tray, in the real main window against the fake
Ollama over real HTTP, with a real database and settings file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from app.chat.system_prompt import DEFAULT_SYSTEM_PROMPT
from app.core import paths
from app.core.desktop import CLOSE_TO_TRAY, TRAY_HINT_SHOWN
from app.ui.main_window import MainWindow
from app.ui.quick_ask import QuickAskWindow
from app.ui.tray import TrayFeature
from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens
from tests.ui.conftest import wait_ready

OpenWindow = Callable[..., MainWindow]


def tray_of(window: MainWindow) -> TrayFeature:
    feature = window.features["app.ui.tray"]
    assert isinstance(feature, TrayFeature)
    return feature


def rows(sql: str, *args: object) -> list[sqlite3.Row]:
    conn = sqlite3.connect(paths.database_path())
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def stored_settings() -> dict[str, object]:
    if not paths.settings_path().exists():
        return {}
    data = json.loads(paths.settings_path().read_text(encoding="utf-8"))
    values = data["values"]
    assert isinstance(values, dict)
    return values


@pytest.fixture
def with_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desktop that shows tray icons (offscreen has none)."""
    monkeypatch.setattr("app.ui.tray.tray_available", lambda: True)


@pytest.fixture
def quit_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """QApplication.quit, recorded: the test's own event loop must go on."""
    calls: list[int] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: calls.append(1)))
    yield calls


def ask(qtbot: QtBot, quick: QuickAskWindow, text: str) -> None:
    qtbot.keyClicks(quick.input, text)
    qtbot.keyClick(quick.input, Qt.Key.Key_Return)


def wait_answered(qtbot: QtBot, quick: QuickAskWindow) -> None:
    qtbot.waitUntil(lambda: not quick._asking and quick.conversation is not None, timeout=8000)


def test_quick_ask_streams_from_the_current_model_and_stores_a_conversation(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    answer = "Paris is the **capital** of France, on the Seine."
    fake_ollama.chat_scripts.append(ChatScript(tokens=split_tokens(answer), token_delay=0.03))
    window = open_window()
    wait_ready(qtbot, window)
    window.findChild(QAction, "action_quick_ask").trigger()
    quick = tray_of(window).quick_ask
    assert quick.isVisible()
    assert quick.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert "llama3.2:latest" in quick.model_label.text()
    chunks: list[str] = []
    painted = quick._append

    def recording(chunk: str) -> None:
        chunks.append(chunk)
        painted(chunk)

    quick._append = recording  # type: ignore[method-assign]
    ask(qtbot, quick, "What is the capital of France?")
    qtbot.waitUntil(lambda: bool(chunks), timeout=5000)
    assert quick._asking  # text on screen while the reply is still coming
    wait_answered(qtbot, quick)
    assert len(chunks) >= 2 and "".join(chunks) == answer  # streamed in pieces, all of it
    assert quick.answer_text == answer
    assert "capital" in quick.answer.toPlainText() and "**" not in quick.answer.toPlainText()
    assert quick.input.text() == "" and quick.input.isEnabled()
    assert quick.question.text() == "What is the capital of France?"

    # Sent to the model the main window had chosen, as a normal request.
    sent = fake_ollama.requests_to("/api/chat")[-1].body
    assert sent["model"] == "llama3.2:latest"
    assert sent["messages"][-1]["content"] == "What is the capital of France?"
    # Stored as a normal conversation: titled by the question, both messages, the usage.
    conversation_id = quick.conversation.id  # type: ignore[union-attr]
    (conversation,) = rows("SELECT * FROM conversations WHERE id = ?", conversation_id)
    assert conversation["title"] == "What is the capital of France?"
    messages = rows(
        "SELECT role, content, status FROM messages WHERE conversation_id = ? ORDER BY id",
        conversation_id,
    )
    assert [(m["role"], m["status"]) for m in messages] == [("user", "ok"), ("assistant", "ok")]
    assert messages[1]["content"] == answer
    qtbot.waitUntil(
        lambda: len(rows("SELECT * FROM usage WHERE conversation_id = ?", conversation_id)) == 1
    )
    # The main window's list shows it; "Open in Hearth" opens it there.
    qtbot.waitUntil(lambda: window.conversations.model.row_of(conversation_id) >= 0)
    qtbot.mouseClick(quick.open_button, Qt.MouseButton.LeftButton)
    assert not quick.isVisible()
    qtbot.waitUntil(
        lambda: (
            window.chat.conversation is not None
            and window.chat.conversation.id == conversation_id
            and len(window.chat.messages.widgets()) == 2
        )
    )
    assert window.chat.messages.widgets()[-1].text == answer


def test_follow_ups_continue_and_reopening_starts_afresh(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts += [
        ChatScript(tokens=split_tokens("First answer.")),
        ChatScript(tokens=split_tokens("Second answer.")),
        ChatScript(tokens=split_tokens("Third answer.")),
    ]
    window = open_window()
    wait_ready(qtbot, window)
    feature = tray_of(window)
    feature.toggle_quick_ask()
    quick = feature.quick_ask
    window.ctx.settings.set(DEFAULT_SYSTEM_PROMPT, "Answer in one line.")
    ask(qtbot, quick, "One")
    wait_answered(qtbot, quick)
    first = quick.conversation
    ask(qtbot, quick, "Two")
    qtbot.waitUntil(lambda: quick.answer_text == "Second answer." and not quick._asking)
    assert quick.conversation == first or quick.conversation.id == first.id  # type: ignore[union-attr]
    sent = fake_ollama.requests_to("/api/chat")[-1].body["messages"]
    # The default system prompt, as a conversation begun in the main window gets it.
    assert [m["content"] for m in sent] == ["Answer in one line.", "One", "First answer.", "Two"]
    assert sent[0]["role"] == "system"

    qtbot.keyClick(quick.input, Qt.Key.Key_Escape)  # Esc hides it
    assert not quick.isVisible()
    feature.toggle_quick_ask()
    assert quick.isVisible() and quick.conversation is None and quick.answer_text == ""
    ask(qtbot, quick, "Three")
    wait_answered(qtbot, quick)
    assert quick.conversation.id != first.id  # type: ignore[union-attr]
    assert len(rows("SELECT id FROM conversations")) == 2


def test_an_engine_failure_mid_answer_is_said_and_kept(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(tokens=split_tokens("The answer begins and then"), error_after=3)
    )
    window = open_window()
    wait_ready(qtbot, window)
    feature = tray_of(window)
    feature.toggle_quick_ask()
    quick = feature.quick_ask
    ask(qtbot, quick, "Will this work?")
    wait_answered(qtbot, quick)
    assert "unexpectedly stopped" in quick.status.text()
    assert quick.input.isEnabled()
    (reply,) = rows(
        "SELECT status, content FROM messages WHERE role = 'assistant' AND conversation_id = ?",
        quick.conversation.id,  # type: ignore[union-attr]
    )
    assert reply["status"] == "failed"


def test_stop_keeps_what_arrived(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    script = ChatScript(tokens=split_tokens("word " * 500), token_delay=0.02)
    fake_ollama.chat_scripts.append(script)
    window = open_window()
    wait_ready(qtbot, window)
    feature = tray_of(window)
    feature.toggle_quick_ask()
    quick = feature.quick_ask
    ask(qtbot, quick, "Go on and on")
    qtbot.waitUntil(lambda: quick.answer_text.count("word") >= 3, timeout=5000)
    assert quick.stop_button.isVisible() and not quick.new_button.isVisible()
    qtbot.mouseClick(quick.stop_button, Qt.MouseButton.LeftButton)
    wait_answered(qtbot, quick)
    assert quick.status.text() == "Stopped."
    assert not quick.stop_button.isVisible() and quick.new_button.isVisible()
    (reply,) = rows(
        "SELECT status, content FROM messages WHERE role = 'assistant' AND conversation_id = ?",
        quick.conversation.id,  # type: ignore[union-attr]
    )
    assert reply["status"] == "stopped"
    assert 3 <= reply["content"].count("word") < 500


def test_a_day_of_quick_questions(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    """Asked, hidden, asked again, all day long: each is its own conversation, each
    reply in the ledger, the window's list up to date."""
    count = 12
    fake_ollama.chat_scripts += [
        ChatScript(tokens=split_tokens(f"Answer number {i}.")) for i in range(count)
    ]
    window = open_window()
    wait_ready(qtbot, window)
    feature = tray_of(window)
    quick = feature.quick_ask
    seen: set[int] = set()
    for i in range(count):
        feature.toggle_quick_ask()
        assert quick.isVisible() and quick.answer_text == ""
        ask(qtbot, quick, f"Question {i}")
        wait_answered(qtbot, quick)
        assert quick.answer_text == f"Answer number {i}."
        seen.add(quick.conversation.id)  # type: ignore[union-attr]
        quick.hide()
    assert len(seen) == count
    qtbot.waitUntil(lambda: len(rows("SELECT id FROM usage")) == count)
    qtbot.waitUntil(lambda: all(window.conversations.model.row_of(c) >= 0 for c in seen))


def test_quick_ask_without_a_model_keeps_the_question(
    qtbot: QtBot, open_window: OpenWindow, dead_url: str
) -> None:
    window = open_window(dead_url)  # nothing answers: no model to ask
    feature = tray_of(window)
    feature.toggle_quick_ask()
    ask(qtbot, feature.quick_ask, "Anyone there?")
    assert "Choose a model" in feature.quick_ask.status.text()
    assert feature.quick_ask.input.text() == "Anyone there?"
    window.ctx.writer.opened().result(5)
    assert rows("SELECT id FROM conversations") == []


def test_without_a_tray_closing_quits_as_before(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()  # offscreen: no tray
    window.ctx.settings.set(CLOSE_TO_TRAY, True)  # asked for, but nothing would bring it back
    feature = tray_of(window)
    assert feature.icon is None and not feature.available
    assert window.close()  # the close went through: Hearth quits
    assert window.core._closing.is_set()


def test_with_a_tray_closing_still_quits_by_default(
    qtbot: QtBot, open_window: OpenWindow, with_tray: None
) -> None:
    window = open_window()
    assert tray_of(window).available
    assert window.close()  # the setting is off by default: closing quits as it always did
    assert window.core._closing.is_set()


def test_close_to_tray_hides_and_says_where_once(
    qtbot: QtBot, open_window: OpenWindow, with_tray: None
) -> None:
    window = open_window()
    feature = tray_of(window)
    assert feature.icon is not None
    assert [a.objectName() for a in feature.menu.actions() if not a.isSeparator()] == [
        "tray_show",
        "action_quick_ask",
        "tray_new",
        "tray_quit",
    ]
    window.ctx.settings.set(CLOSE_TO_TRAY, True)
    assert not window.close()  # refused: hidden instead
    assert not window.isVisible()
    assert not window.core._closing.is_set()  # nothing was shut down
    (told,) = feature.hints_given  # a balloon from the icon, or a window where none
    assert "tray" in told and "Quit" in told
    if feature.hint_box is not None:
        qtbot.addWidget(feature.hint_box)
    qtbot.waitUntil(lambda: stored_settings().get(TRAY_HINT_SHOWN.key) is True)

    feature.show_action.trigger()
    assert window.isVisible()
    assert not window.close()
    assert feature.hints_given == [told]  # said once, not at every close
    feature.new_action.trigger()  # the tray's New conversation brings the window back
    assert window.isVisible() and window.chat.conversation is None


def test_the_quick_ask_key_works_from_any_hearth_window(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()
    quick = tray_of(window).quick_ask
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    combo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_K, combo)
    assert quick.isVisible()
    qtbot.waitUntil(quick.isActiveWindow)
    qtbot.keyClick(quick.input, Qt.Key.Key_K, combo)  # the same key, from quick ask: away
    assert not quick.isVisible()


def test_quit_from_the_tray_shuts_down_cleanly(
    qtbot: QtBot,
    open_window: OpenWindow,
    fake_ollama: FakeOllama,
    with_tray: None,
    quit_calls: list[int],
) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(tokens=split_tokens("word " * 400), token_delay=0.02)
    )
    window = open_window()
    window.ctx.settings.set(CLOSE_TO_TRAY, True)
    wait_ready(qtbot, window)
    feature = tray_of(window)
    feature.toggle_quick_ask()
    ask(qtbot, feature.quick_ask, "Tell me a long story")
    qtbot.waitUntil(lambda: bool(feature.quick_ask.answer_text), timeout=5000)
    (live,) = window.core.active()
    # Hidden in the tray, a reply still streaming, the crash-loop marker on disk.
    assert not window.close()
    window.opening.begin(live.conversation_id)
    marker = paths.data_dir() / "opening.json"
    assert marker.exists()

    feature.quit_action.trigger()
    assert quit_calls == [1]  # the event loop is told to end
    assert window.core._closing.is_set() and live.cancel.is_set()  # replies stopped
    assert not marker.exists()  # a clean quit is no crash
    assert "ui/window_geometry" in stored_settings()  # closeEvent saved the settings
    qtbot.waitUntil(live.done.done, timeout=5000)
    # What main() does once the event loop has ended: the writer finishes its queue.
    window.ctx.tasks.shutdown()
    window.ctx.writer.close()
    reply = rows("SELECT status, content FROM messages WHERE id = ?", live.message_id)[0]
    assert reply["status"] == "stopped"
    assert reply["content"].startswith("word word")


def test_file_quit_quits_even_when_closing_hides(
    qtbot: QtBot, open_window: OpenWindow, with_tray: None, quit_calls: list[int]
) -> None:
    window = open_window()
    window.ctx.settings.set(CLOSE_TO_TRAY, True)
    window.findChild(QAction, "action_quit").trigger()
    assert quit_calls == [1]
    assert window.core._closing.is_set()
    assert not window.isVisible()


def test_quit_can_still_be_declined_while_downloading(
    qtbot: QtBot,
    open_window: OpenWindow,
    with_tray: None,
    quit_calls: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window()
    monkeypatch.setattr(window, "active_downloads", lambda: True)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.No)
    )
    tray_of(window).quit_action.trigger()
    assert quit_calls == []
    assert window.isVisible() and not window.quitting


def test_clicking_the_icon_hides_and_brings_back_the_window(
    qtbot: QtBot, open_window: OpenWindow, with_tray: None
) -> None:
    window = open_window()
    feature = tray_of(window)
    assert feature.icon is not None
    click = QSystemTrayIcon.ActivationReason.Trigger
    feature.icon.activated.emit(click)
    assert window.isVisible()  # closing to the tray is off: a click only raises it
    window.ctx.settings.set(CLOSE_TO_TRAY, True)
    feature.icon.activated.emit(click)
    assert not window.isVisible()
    feature.icon.activated.emit(click)
    assert window.isVisible()
    window.showMinimized()
    feature.icon.activated.emit(click)
    assert not window.isMinimized()
