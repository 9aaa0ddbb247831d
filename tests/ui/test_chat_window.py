"""The foundation, driven as a person would: type, send, watch it stream, restart."""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.storage import repo
from app.ui.chat.markdown import render_markdown
from app.ui.chat.message_widget import MessageWidget
from app.ui.main_window import MainWindow
from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens
from tests.ui.conftest import choose_model, db_path, wait_ready

OpenWindow = Callable[..., MainWindow]


def type_and_send(qtbot: QtBot, window: MainWindow, text: str) -> None:
    edit = window.chat.composer.edit
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def last_widget(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.chat.messages.widgets()[-1]


def wait_reply_done(qtbot: QtBot, window: MainWindow, timeout: int = 8000) -> None:
    qtbot.waitUntil(
        lambda: (
            len(window.chat.messages.widgets()) >= 2 and last_widget(window).status != "streaming"
        ),
        timeout=timeout,
    )


def reply_to(qtbot: QtBot, window: MainWindow, text: str) -> MessageWidget:
    """Once Ollama is ready, send ``text`` and wait for the reply to end; its widget."""
    wait_ready(qtbot, window)
    type_and_send(qtbot, window, text)
    wait_reply_done(qtbot, window)
    return last_widget(window)  # type: ignore[no-any-return]


def streamed_and_whole(
    qtbot: QtBot, window: MainWindow, text: str, ask: str
) -> tuple[MessageWidget, list[str]]:
    """Send ``ask``, wait until the reply (``text``, scripted) is fully rendered; return
    its widget and the words of the same Markdown rendered in one piece."""
    from PySide6.QtGui import QTextDocument

    from app.ui.chat.markdown import render_markdown

    reply = reply_to(qtbot, window, ask)
    qtbot.waitUntil(lambda: not reply._render_timer.isActive(), timeout=5000)
    whole = QTextDocument()
    whole.setHtml(render_markdown(text.replace("\r", ""), dark=False, copy_label="Copy").html)
    return reply, whole.toPlainText().split()


def block_formats(document: QTextDocument) -> list[tuple[str, int, float, float]]:
    """Each non-empty block's text, heading level and margins."""
    formats = []
    block = document.begin()
    while block.isValid():
        if block.text().strip():
            fmt = block.blockFormat()
            formats.append(
                (block.text().strip(), fmt.headingLevel(), fmt.topMargin(), fmt.bottomMargin())
            )
        block = block.next()
    return formats


def usage_rows() -> list[sqlite3.Row]:
    conn = sqlite3.connect(db_path())
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM usage ORDER BY id").fetchall()
    finally:
        conn.close()


def test_ready_to_type_on_start(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    assert window.chat.current_model() == "llama3.2:latest"  # first installed
    assert "3.2B" in window.chat.model_picker.currentText()
    assert "Q4_K_M" in window.chat.model_picker.currentText()
    assert QApplication.focusWidget() is window.chat.composer.edit
    assert "Ollama 0.12.6" in window.ollama_label.text()


def test_send_streams_reply_and_records_usage(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(tokens=split_tokens("# Title\n\n- one\n- two\n"), token_delay=0.01)
    )
    window = open_window()
    reply = reply_to(qtbot, window, "Hello there")
    assert reply.status == "ok"
    assert reply.text == "# Title\n\n- one\n- two\n"
    html = reply.body.toHtml()
    assert "Title" in html and "<li" in html  # rendered as Markdown, not shown raw
    assert window.chat.composer.edit.toPlainText() == ""  # cleared once stored
    qtbot.waitUntil(lambda: len(usage_rows()) == 1)
    row = usage_rows()[0]
    assert row["engine"] == "ollama"
    assert row["model"] == "llama3.2:latest"
    assert row["outcome"] == "ok"
    assert row["output_tokens"] == len(split_tokens("# Title\n\n- one\n- two\n"))
    assert row["context_tokens"] > 0
    assert row["ttft_ms"] is not None and row["wall_ms"] >= row["ttft_ms"]
    chat = fake_ollama.requests_to("/api/chat")[-1].body
    assert chat["messages"][-1] == {"role": "user", "content": "Hello there"}
    assert window.conversations.count() == 1
    assert window.conversations.title_at(0) == "Hello there"


def test_shift_enter_makes_a_new_line(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    edit = window.chat.composer.edit
    qtbot.keyClicks(edit, "line one")
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(edit, "line two")
    assert edit.toPlainText() == "line one\nline two"
    assert window.chat.messages.widgets() == []


def test_conversation_survives_restart(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    type_and_send(qtbot, window, "Remember me")
    wait_reply_done(qtbot, window)
    window.resize(777, 555)
    window.close()

    again = open_window()
    wait_ready(qtbot, again)
    qtbot.waitUntil(lambda: len(again.chat.messages.widgets()) == 2)
    texts = [w.text for w in again.chat.messages.widgets()]
    assert texts == ["Remember me", "Hello! How can I help you today?"]
    assert again.conversations.count() == 1
    assert again.size().width() == 777


def test_stop_keeps_partial_reply_marked_stopped(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.append(ChatScript(tokens=["word "] * 400, token_delay=0.02))
    window = open_window()
    wait_ready(qtbot, window)
    type_and_send(qtbot, window, "Tell me a long story")
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 2)
    qtbot.waitUntil(lambda: last_widget(window).text.count("word") >= 5, timeout=5000)
    assert window.chat.composer.send_button.text() == "Stop"
    qtbot.mouseClick(window.chat.composer.send_button, Qt.MouseButton.LeftButton)
    wait_reply_done(qtbot, window)
    reply = last_widget(window)
    assert reply.status == "stopped"
    assert 5 <= reply.text.count("word") < 400
    assert window.chat.composer.send_button.text() == "Send"
    qtbot.waitUntil(lambda: len(usage_rows()) == 1)
    assert usage_rows()[0]["outcome"] == "stopped"


def test_error_mid_reply_is_shown_and_retry_recovers(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(
            tokens=["partial ", "answer ", "more"],
            error_after=2,
            error_message="CUDA error: out of memory",
        )
    )
    window = open_window()
    wait_ready(qtbot, window)
    type_and_send(qtbot, window, "Question that fails")
    wait_reply_done(qtbot, window)
    reply = last_widget(window)
    assert reply.status == "failed"
    assert "CUDA error: out of memory" in reply._error_label.text()
    assert reply._retry.isVisibleTo(window)
    assert window.chat.messages.widgets()[0].text == "Question that fails"  # kept
    qtbot.mouseClick(reply._retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: len(window.chat.messages.widgets()) == 2 and last_widget(window).status == "ok",
        timeout=5000,
    )
    assert last_widget(window).text == "Hello! How can I help you today?"


def test_server_down_keeps_message_and_marks_failed(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    fake_ollama.stop()
    type_and_send(qtbot, window, "Are you there?")
    wait_reply_done(qtbot, window)
    assert last_widget(window).status == "failed"
    assert "reach" in last_widget(window)._error_label.text().lower()
    assert window.chat.messages.widgets()[0].text == "Are you there?"


def test_regenerate_replaces_last_reply(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.extend(
        [ChatScript(tokens=["First answer"]), ChatScript(tokens=["Second answer"])]
    )
    window = open_window()
    wait_ready(qtbot, window)
    type_and_send(qtbot, window, "Q")
    wait_reply_done(qtbot, window)
    assert last_widget(window).text == "First answer"
    qtbot.mouseClick(last_widget(window)._regenerate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: last_widget(window).text == "Second answer", timeout=5000)
    assert [w.text for w in window.chat.messages.widgets()] == ["Q", "Second answer"]


def test_copy_code_block(qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(tokens=split_tokens("Here:\n\n```python\nprint('hi')\n```\n"))
    )
    window = open_window()
    wait_ready(qtbot, window)
    type_and_send(qtbot, window, "code please")
    wait_reply_done(qtbot, window)
    reply = last_widget(window)
    assert reply.code_blocks() == ["print('hi')"]
    from PySide6.QtCore import QUrl

    reply.body.anchorClicked.emit(QUrl("copy:0"))
    assert QGuiApplication.clipboard().text() == "print('hi')"


def test_delete_with_undo(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    type_and_send(qtbot, window, "Keep or not")
    wait_reply_done(qtbot, window)
    qtbot.waitUntil(lambda: window.conversations.count() == 1)
    window.conversations.delete(window.conversations.current_id())
    assert window.conversations.count() == 0
    assert window.undo_button.isVisible()
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.conversations.count() == 1)
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 2)


def test_image_for_vision_model_is_sent_as_base64(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    choose_model(window, "gemma3:4b")
    qtbot.waitUntil(window.chat.composer.attach_button.isEnabled, timeout=5000)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setImageData(image)
    window.chat.composer.edit.insertFromMimeData(mime)
    assert len(window.chat.composer.attachments()) == 1
    type_and_send(qtbot, window, "What colour is this?")
    wait_reply_done(qtbot, window)
    sent = fake_ollama.requests_to("/api/chat")[-1].body["messages"][-1]
    png = base64.b64decode(sent["images"][0])
    assert QImage.fromData(png).pixelColor(0, 0).red() == 255
    assert window.chat.messages.widgets()[0].findChild(type(window.ollama_label), "thumbnail")


def test_no_vision_model_disables_images(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    qtbot.waitUntil(lambda: not window.chat.composer.attach_button.isEnabled(), timeout=5000)
    assert "cannot see images" in window.chat.composer.attach_button.toolTip()


def test_ollama_not_running_shows_start_panel(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch, tmp_path
) -> None:
    fake_binary = tmp_path / "bin" / "ollama"
    fake_binary.parent.mkdir()
    fake_binary.write_text("#!/bin/sh\nexit 1\n")
    fake_binary.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake_binary.parent))
    window = open_window("http://127.0.0.1:9")
    qtbot.waitUntil(lambda: window.chat.stack.currentWidget() is window.ollama_panel, timeout=5000)
    assert window.ollama_panel.title.text() == "Ollama is not running"
    assert window.ollama_panel.start_button.isVisibleTo(window)


def test_ollama_not_installed_shows_install_steps(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch, tmp_path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    window = open_window("http://127.0.0.1:9")
    qtbot.waitUntil(lambda: window.chat.stack.currentWidget() is window.ollama_panel, timeout=5000)
    assert window.ollama_panel.title.text() == "Ollama is not installed"
    steps = window.ollama_panel.steps.toPlainText()
    assert "install.sh" in steps and "ollama.com/download" in steps


def test_no_models_says_how_to_get_one(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.models.clear()
    window = open_window()
    qtbot.waitUntil(lambda: window.chat.stack.currentWidget() is window.ollama_panel, timeout=5000)
    assert window.ollama_panel.title.text() == "No models yet"
    assert "ollama pull" in window.ollama_panel.steps.toPlainText()


def test_quitting_during_a_download_asks_first(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.fakes.ollama_server import PullScript

    fake_ollama.pull_scripts["qwen2.5:7b"] = PullScript(
        layers=[("sha256:" + "a" * 64, 50_000_000)], chunk_bytes=100_000, delay=0.02
    )
    window = open_window()
    wait_ready(qtbot, window)
    feature = window.features["app.ui.library"]
    dialog = feature.show()
    feature.downloads.start("qwen2.5:7b")
    qtbot.waitUntil(feature.has_active_downloads, timeout=3000)
    answers = []

    def refuse(*_args):  # type: ignore[no-untyped-def]
        answers.append("asked")
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    window.close()
    assert answers == ["asked"]
    assert window.isVisible()  # the person said no: still open, still downloading
    assert feature.has_active_downloads()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    window.close()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not feature.has_active_downloads(), timeout=5000)
    dialog.close()


def test_ctrl_n_and_filter(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    type_and_send(qtbot, window, "Apples and pears")
    wait_reply_done(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.chat.messages.widgets() == []
    assert window.chat.title.text() == "New conversation"
    type_and_send(qtbot, window, "Bananas")
    wait_reply_done(qtbot, window)
    qtbot.waitUntil(lambda: window.conversations.count() == 2)
    qtbot.keyClicks(window.conversations.filter, "apple")
    qtbot.waitUntil(lambda: window.conversations.count() == 1)
    assert window.conversations.title_at(0) == "Apples and pears"


def test_long_conversation_hints_at_the_cloud(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.models[0].context_length = 64
    window = open_window()
    wait_ready(qtbot, window)
    type_and_send(qtbot, window, "word " * 300)
    wait_reply_done(qtbot, window)
    qtbot.waitUntil(window.chat.hint.isVisible, timeout=5000)
    assert "Send to cloud" in window.chat.hint.text()
    assert "64" in window.chat.hint.text()


def test_corrupt_database_is_kept_and_the_person_told(
    qtbot: QtBot, make_context, monkeypatch, data_dir
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.ui.bootstrap import report_database

    data_dir.mkdir(parents=True, exist_ok=True)
    db_path().write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    ctx = make_context("http://127.0.0.1:9")
    opened = ctx.writer.opened().result(10)
    report_database(ctx, opened, None)
    assert opened.moved_aside is not None
    assert opened.moved_aside.read_bytes().startswith(b"this is not a database")
    assert str(opened.moved_aside) in warnings[0]
    conversation = ctx.writer.call(lambda c: repo.create_conversation(c, "fresh"))
    assert conversation.id == 1


@pytest.mark.parametrize("token_delay", [0.0, 0.002], ids=["burst", "paced"])
def test_markdown_rendered_while_streaming_matches_a_whole_render(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama, token_delay: float
) -> None:
    """Block-by-block rendering during a stream must end exactly like rendering the whole
    reply at once: nothing dropped, duplicated or left as raw Markdown."""
    from tests.fakes.ollama_server import MARKDOWN_REPLY

    text = (MARKDOWN_REPLY + "\n") * 6
    fake_ollama.chat_scripts.append(ChatScript(tokens=split_tokens(text), token_delay=token_delay))
    reply, whole = streamed_and_whole(qtbot, open_window(), text, "twice please")
    assert reply.body.toPlainText().split() == whole
    # Headings and paragraphs keep their size and spacing wherever a step began.
    rendered = QTextDocument()
    rendered.setHtml(render_markdown(text, dark=False, copy_label="Copy").html)
    assert block_formats(reply.body.document()) == block_formats(rendered)
    assert "```" not in reply.body.toPlainText() and "|---" not in reply.body.toPlainText()
    assert len(reply.code_blocks()) == 6


@pytest.mark.parametrize("token_delay", [0.0, 0.002], ids=["burst", "paced"])
def test_emoji_cjk_and_windows_line_breaks_stream_without_losing_a_character(
    qtbot: QtBot,
    open_window: OpenWindow,
    fake_ollama: FakeOllama,
    token_delay: float,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Qt counts an emoji as two positions and makes one line break of "\\r\\n"; moving
    rendered blocks out of the plain tail must still take exactly the right text."""
    paragraph = "Cats 🐱 and dogs 🐶 are friends.\r\n中文也可以：你好，世界。🌏\r\n\r\n"
    code = "```python\nprint('🐍')\r\n```\r\n\r\n"
    text = (paragraph + code) * 40 + "The end 🎉"
    fake_ollama.chat_scripts.append(ChatScript(tokens=split_tokens(text), token_delay=token_delay))
    reply, whole = streamed_and_whole(qtbot, open_window(), text, "emoji please")
    assert reply.body.toPlainText().split() == whole
    assert reply.body.toPlainText().count("🐱") == 40
    assert len(reply.code_blocks()) == 40
    assert "out of step" not in caplog.text  # kept in step, not repaired afterwards


def test_leaving_and_reopening_a_conversation_mid_reply_shows_the_whole_reply_once(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    from PySide6.QtGui import QTextDocument

    from app.ui.chat.markdown import render_markdown
    from tests.fakes.ollama_server import MARKDOWN_REPLY

    text = (MARKDOWN_REPLY + "\n") * 2
    fake_ollama.chat_scripts.append(ChatScript(tokens=split_tokens(text), token_delay=0.01))
    window = open_window()
    wait_ready(qtbot, window)
    type_and_send(qtbot, window, "a long one please")
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 2, timeout=5000)
    conversation_id = window.chat._conversation.id  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: len(last_widget(window).text) > len(text) // 4, timeout=8000)
    window.chat.new_conversation()  # look elsewhere while it writes
    qtbot.wait(200)
    window.chat.show_conversation(conversation_id)
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 2, timeout=5000)
    assert 0 < len(last_widget(window).text) < len(text)  # came back mid-reply
    wait_reply_done(qtbot, window, timeout=15000)
    reply = last_widget(window)
    qtbot.waitUntil(lambda: not reply._render_timer.isActive(), timeout=5000)
    whole = QTextDocument()
    whole.setHtml(render_markdown(text, dark=False, copy_label="Copy").html)
    assert reply.body.toPlainText().split() == whole.toPlainText().split()


def test_a_failure_after_the_stream_still_ends_the_reply_keeping_its_text(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    # Whatever goes wrong in the reply's task (here the energy meter, after the text has
    # arrived), the reply must not stay "writing…" for ever, nor lose its words.
    class BrokenMeter:
        def begin(self) -> object:
            return None

        def end(self, handle: object, wall_seconds: float) -> tuple[float | None, str]:
            raise RuntimeError("meter unplugged")

    fake_ollama.chat_scripts.append(ChatScript(tokens=split_tokens("Kept words."), token_delay=0))
    window = open_window()
    window.core._energy_probe = BrokenMeter()
    reply = reply_to(qtbot, window, "hello")
    assert reply.status == "failed"
    assert reply.text == "Kept words."
    assert "meter unplugged" in reply._error_label.text()
    conversation_id = window.chat._conversation.id  # type: ignore[union-attr]
    stored = window.ctx.writer.call(lambda c: repo.list_messages(c, conversation_id))
    assert stored[-1].content == "Kept words." and stored[-1].status == "failed"
    assert window.chat.composer.send_button.text() == "Send"  # ready for the next message
