"""Documents and per-conversation drafts in the real window, against the fake Ollama over
HTTP and a real database: what reaches the wire, what stays where, what a restart keeps."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.chat.documents import Document
from app.chat.drafts import NEW_CONVERSATION, load_drafts
from app.storage.db import StorageError
from app.ui.chat.composer import Composer
from app.ui.chat.drafts import DraftKeeper
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from tests.fakes.ollama_server import FakeModel, FakeOllama
from tests.ui.conftest import choose_model, wait_ready
from tests.unit.test_documents import write_docx, write_pdf

OpenWindow = Callable[..., MainWindow]


def drop(window: MainWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    window.chat.composer.edit.insertFromMimeData(mime)


def send(qtbot: QtBot, window: MainWindow, text: str, count: int) -> None:
    composer = window.chat.composer
    qtbot.keyClicks(composer.edit, text)
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            len(window.chat.messages.widgets()) == count
            and window.chat.messages.widgets()[-1].status != "streaming"
        ),
        timeout=8000,
    )


def open_conversation(qtbot: QtBot, window: MainWindow, conversation_id: int) -> None:
    window.chat.show_conversation(conversation_id)
    qtbot.waitUntil(
        lambda: (
            window.chat.conversation is not None
            and window.chat.conversation.id == conversation_id
            and window.chat.composer.draft_key == conversation_id
        ),
        timeout=5000,
    )


def stored_drafts(window: MainWindow) -> dict[int, str]:
    return {k: d.text for k, d in window.ctx.writer.call(load_drafts).items()}


def test_a_pdf_and_a_docx_go_to_the_model_inside_the_message(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama, tmp_path: Path
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    choose_model(window, "llama3.2:latest")
    pdf = write_pdf(tmp_path / "季度报告.pdf", ["Revenue rose 12 percent in Chengdu"])
    word = write_docx(tmp_path / "minutes.docx", ["Decision: hire two engineers"])
    drop(window, pdf, word)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: len(composer.document_chips()) == 2, timeout=8000)
    chips = composer.document_chips()
    assert "季度报告.pdf" in chips[0].label.text() and "tokens" in chips[0].label.text()
    assert f"{chips[0].tokens:,} tokens" in chips[0].label.text()
    assert "Pages: 1" in chips[0].label.toolTip()
    assert composer.attachments() == []  # documents are not images
    assert not composer.fit_notice.isVisible()  # 131,072 tokens of context: it fits

    send(qtbot, window, "Compare these two", 2)
    wire = fake_ollama.requests_to("/api/chat")[-1].body["messages"][-1]
    assert wire["role"] == "user" and "images" not in wire
    content = wire["content"]
    assert content.startswith('Compare these two\n\n<document name="季度报告.pdf">')
    assert "Revenue rose 12 percent in Chengdu" in content
    assert '<document name="minutes.docx">\nDecision: hire two engineers\n</document>' in content
    assert composer.document_chips() == [] and composer.edit.toPlainText() == ""
    assert window.chat.conversation is not None
    assert window.chat.conversation.title == "Compare these two"  # the words, not the tag
    shown = window.chat.messages.widgets()[0].body.toPlainText()
    assert shown.startswith("Compare these two\n\n[Attached: 季度报告.pdf · about ")
    assert "Revenue rose" not in shown and "[Attached: minutes.docx" in shown  # one line each
    assert window.chat.messages.widgets()[0].text == content  # Copy gives every word


def test_documents_alone_are_titled_by_the_first_file(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama, tmp_path: Path
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    choose_model(window, "llama3.2:latest")
    note = tmp_path / "todo.md"
    note.write_text("- ship it", encoding="utf-8")
    drop(window, note)
    qtbot.waitUntil(lambda: len(window.chat.composer.document_chips()) == 1, timeout=8000)
    send(qtbot, window, "", 2)
    assert window.chat.conversation is not None and window.chat.conversation.title == "todo.md"


def test_a_document_too_big_for_the_context_is_warned_about(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama, tmp_path: Path
) -> None:
    fake_ollama.models.append(FakeModel("qwen3:0.6b", context_length=4096))
    window = open_window()
    wait_ready(qtbot, window)
    choose_model(window, "qwen3:0.6b")
    big = tmp_path / "log.txt"
    big.write_text("GET /index.html 200 0.003s\n" * 1500, encoding="utf-8")  # ~10k tokens
    small = tmp_path / "note.md"
    small.write_text("short note", encoding="utf-8")
    drop(window, small)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: len(composer.document_chips()) == 1, timeout=8000)
    assert not composer.fit_notice.isVisible()
    drop(window, big)
    qtbot.waitUntil(composer.fit_notice.isVisible, timeout=8000)
    warning = composer.fit_notice.text()
    assert "qwen3:0.6b reads 4,096" in warning and "cut off" in warning
    qtbot.mouseClick(composer.document_chips()[1].remove_button, Qt.MouseButton.LeftButton)
    assert not composer.fit_notice.isVisible()


def test_drafts_stay_with_their_conversation_and_survive_a_restart(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama, tmp_path: Path
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    choose_model(window, "llama3.2:latest")
    send(qtbot, window, "conversation A", 2)
    a = window.chat.conversation
    assert a is not None
    window.chat.new_conversation()
    send(qtbot, window, "conversation B", 2)
    b = window.chat.conversation
    assert b is not None and b.id != a.id
    composer = window.chat.composer

    open_conversation(qtbot, window, a.id)
    qtbot.keyClicks(composer.edit, "half a thought for A")
    open_conversation(qtbot, window, b.id)
    assert composer.edit.toPlainText() == ""  # A's words did not follow
    qtbot.keyClicks(composer.edit, "for B only")
    open_conversation(qtbot, window, a.id)
    assert composer.edit.toPlainText() == "half a thought for A"

    open_conversation(qtbot, window, b.id)
    assert composer.edit.toPlainText() == "for B only"
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 4, timeout=8000)
    qtbot.waitUntil(lambda: window.chat.messages.widgets()[-1].status != "streaming")
    sent = fake_ollama.requests_to("/api/chat")[-1].body["messages"]
    assert [m["content"] for m in sent if m["role"] == "user"] == ["conversation B", "for B only"]

    # A new conversation, never sent, keeps its draft too (with a document).
    window.chat.new_conversation()
    qtbot.keyClicks(composer.edit, "an idea not sent yet")
    note = tmp_path / "idea.md"
    note.write_text("# Idea\nA tray icon", encoding="utf-8")
    drop(window, note)
    qtbot.waitUntil(lambda: len(composer.document_chips()) == 1, timeout=8000)
    # Saved a moment after typing stops, through the writer.
    qtbot.waitUntil(
        lambda: (
            stored_drafts(window)
            == {a.id: "half a thought for A", NEW_CONVERSATION: "an idea not sent yet"}
        ),
        timeout=5000,
    )
    window.close()

    again = open_window()
    wait_ready(qtbot, again)
    box = again.chat.composer
    open_conversation(qtbot, again, a.id)
    qtbot.waitUntil(lambda: box.edit.toPlainText() == "half a thought for A", timeout=5000)
    again.chat.new_conversation()
    assert box.edit.toPlainText() == "an idea not sent yet"
    assert [d.name for d in box.documents()] == ["idea.md"]
    assert box.documents()[0].text == "# Idea\nA tray icon"
    assert "tokens" in box.document_chips()[0].label.text()
    open_conversation(qtbot, again, b.id)
    assert box.edit.toPlainText() == ""  # B's draft was sent


def test_deleting_a_conversation_drops_its_draft(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    choose_model(window, "llama3.2:latest")
    send(qtbot, window, "to be deleted", 2)
    conversation = window.chat.conversation
    assert conversation is not None
    qtbot.keyClicks(window.chat.composer.edit, "never mind")
    qtbot.waitUntil(lambda: stored_drafts(window) == {conversation.id: "never mind"}, timeout=5000)
    window.ctx.writer.call(
        lambda conn: conn.execute("DELETE FROM conversations WHERE id = ?", (conversation.id,))
    )
    assert stored_drafts(window) == {}


def test_a_message_stored_after_a_switch_clears_only_its_own_draft(qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.switch_conversation(1)
    qtbot.keyClicks(composer.edit, "sent from A")
    doc = Document("a.txt", "text", "context for A")
    composer.add_documents([doc])
    composer.switch_conversation(2)  # the person moved on before A's message was stored
    qtbot.keyClicks(composer.edit, "B, still typing")
    with qtbot.waitSignal(composer.draft_edited) as edited:
        composer.message_stored(1, 1)
    assert edited.args == [1]
    assert composer.edit.toPlainText() == "B, still typing" and composer.draft_key == 2
    composer.switch_conversation(1)
    assert composer.edit.toPlainText() == "" and composer.documents() == []

    # From the new conversation: its id is adopted only while its box is still shown.
    composer.switch_conversation(None)
    qtbot.keyClicks(composer.edit, "first words")
    composer.message_stored(None, 7)
    assert composer.draft_key == 7 and composer.edit.toPlainText() == ""


def test_send_joins_words_and_documents_and_documents_alone_can_be_sent(qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.add_documents([Document("data.csv", "text", "a,b\n1,2")])
    with qtbot.waitSignal(composer.send_requested) as sent:
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert sent.args == ['<document name="data.csv">\na,b\n1,2\n</document>', []]
    assert len(composer.document_chips()) == 1  # kept until the panel says it is stored


def test_files_read_after_a_switch_land_in_the_conversation_they_were_attached_in(
    qtbot: QtBot,
) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.switch_conversation(1)
    composer.switch_conversation(2)  # the person moved on while a big PDF was read for 1
    with qtbot.waitSignal(composer.draft_edited) as edited:
        composer.add_to_draft(1, [], [Document("big.pdf", "pdf", "[Page 1]\nx", pages=1)])
    assert edited.args == [1] and composer.documents() == []
    composer.switch_conversation(1)
    assert [d.name for d in composer.documents()] == ["big.pdf"]


def test_the_file_button_opens_a_chooser_and_reads_off_the_gui_thread(
    qtbot: QtBot,
    open_window: OpenWindow,
    fake_ollama: FakeOllama,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    big = tmp_path / "huge.log"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    note = tmp_path / "ok.txt"
    note.write_text("fine", encoding="utf-8")
    offered: list[str] = []

    def chooser(_parent: object, _title: str, _dir: str, filters: str) -> tuple[list[str], str]:
        offered.append(filters)
        return [str(big), str(note)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", chooser)
    composer = window.chat.composer
    qtbot.mouseClick(composer.document_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(composer.document_chips()) == 1, timeout=8000)
    assert "*.pdf" in offered[0] and "*.docx" in offered[0]
    assert "huge.log" in composer.notice.text() and "50 MB" in composer.notice.text()


class FailingWriter:
    def submit(self, _fn: object) -> Future[None]:
        future: Future[None] = Future()
        future.set_exception(StorageError("the disk is full"))
        return future


def test_a_draft_that_cannot_be_saved_is_said_and_kept(qtbot: QtBot, qapp: object) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    tasks = TaskRunner()
    try:
        keeper = DraftKeeper(FailingWriter(), tasks, composer)
        qtbot.keyClicks(composer.edit, "precious words")
        keeper.flush()
        qtbot.waitUntil(lambda: "could not be saved" in composer.notice.text(), timeout=3000)
        assert "the disk is full" in composer.notice.text()
        assert composer.edit.toPlainText() == "precious words"
    finally:
        tasks.shutdown()
