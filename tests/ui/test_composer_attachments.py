"""Attachments in the real window: removable chips, per-conversation drafts, honest refusals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.ui.chat.composer import Composer
from app.ui.main_window import MainWindow
from tests.fakes.ollama_server import FakeOllama
from tests.ui.conftest import choose_model, wait_ready

OpenWindow = Callable[..., MainWindow]


def red_image() -> QImage:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    return image


def paste_image(composer: Composer) -> None:
    mime = QMimeData()
    mime.setImageData(red_image())
    composer.edit.insertFromMimeData(mime)


def choose(qtbot: QtBot, window: MainWindow, model: str) -> None:
    choose_model(window, model)


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


def test_a_pending_image_can_be_removed_with_its_x(qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.show()
    paste_image(composer)
    paste_image(composer)
    assert len(composer.attachments()) == 2
    qtbot.mouseClick(composer.chips()[0].remove_button, Qt.MouseButton.LeftButton)
    assert len(composer.attachments()) == 1 and len(composer.chips()) == 1
    qtbot.mouseClick(composer.chips()[0].remove_button, Qt.MouseButton.LeftButton)
    assert composer.attachments() == [] and composer.chips() == []
    with qtbot.assertNotEmitted(composer.send_requested):
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)  # nothing left to send


def test_text_only_model_refuses_images_with_a_reason(qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.show()
    paste_image(composer)
    composer.set_vision(False, "llama3.2:latest")
    assert "llama3.2:latest cannot see images" in composer.notice.text()
    qtbot.keyClicks(composer.edit, "what is this?")
    with qtbot.assertNotEmitted(composer.send_requested):
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert composer.edit.toPlainText() == "what is this?"  # nothing lost
    paste_image(composer)
    assert len(composer.attachments()) == 1  # a paste is refused too
    qtbot.mouseClick(composer.chips()[0].remove_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(composer.send_requested) as sent:
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert sent.args == ["what is this?", []]


def test_a_pending_image_stays_with_its_conversation(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    choose(qtbot, window, "gemma3:4b")
    qtbot.waitUntil(window.chat.composer.attach_button.isEnabled, timeout=5000)
    send(qtbot, window, "first conversation", 2)
    first = window.chat.conversation
    assert first is not None
    paste_image(window.chat.composer)
    qtbot.keyClicks(window.chat.composer.edit, "about this picture")
    assert len(window.chat.composer.attachments()) == 1

    window.chat.new_conversation()
    assert window.chat.composer.attachments() == []
    assert window.chat.composer.edit.toPlainText() == ""
    send(qtbot, window, "second conversation", 2)
    body = fake_ollama.requests_to("/api/chat")[-1].body
    assert all("images" not in m for m in body["messages"])  # the picture did not come along

    window.chat.show_conversation(first.id)
    qtbot.waitUntil(lambda: len(window.chat.composer.attachments()) == 1, timeout=5000)
    assert window.chat.composer.edit.toPlainText() == "about this picture"


def test_a_renamed_file_is_refused_where_the_person_looks(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    choose(qtbot, window, "gemma3:4b")
    qtbot.waitUntil(window.chat.composer.attach_button.isEnabled, timeout=5000)
    fake = tmp_path / "receipt.png"
    fake.write_bytes(b"%PDF-1.7 not really a png")
    real = tmp_path / "cat.jpg"
    assert red_image().save(str(real), "JPEG")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(fake)), QUrl.fromLocalFile(str(real))])
    window.chat.composer.edit.insertFromMimeData(mime)
    qtbot.waitUntil(window.chat.composer.notice.isVisible, timeout=5000)
    assert "receipt.png" in window.chat.composer.notice.text()
    assert [a.name for a in window.chat.composer.attachments()] == ["cat.jpg"]
    assert window.chat.composer.attachments()[0].mime == "image/jpeg"
