"""Edit and branches (issue 16) in the real window against the fake Ollama over real
HTTP, with a real database: regenerate and page, edit and resend, restart, delete."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.ui.chat.branch_pager import BranchPager, EditDialog
from app.ui.chat.message_widget import MessageWidget
from app.ui.main_window import MainWindow
from tests.fakes.ollama_server import ChatScript, FakeOllama
from tests.ui.conftest import db_path, wait_ready

OpenWindow = Callable[..., MainWindow]


def widgets(window: MainWindow) -> list[MessageWidget]:
    return window.chat.messages.widgets()


def texts(window: MainWindow) -> list[str]:
    return [w.text for w in widgets(window)]


def settled(window: MainWindow, count: int) -> bool:
    shown = widgets(window)
    return len(shown) == count and all(w.status != "streaming" for w in shown)


def send(qtbot: QtBot, window: MainWindow, text: str, count: int) -> None:
    edit = window.chat.composer.edit
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: settled(window, count), timeout=8000)


def pager_of(window: MainWindow, widget: MessageWidget) -> BranchPager | None:
    pager = window.chat.branches.pager(widget.message_id)
    return pager if pager is not None and pager.isVisibleTo(window) else None


def wait_pager(qtbot: QtBot, window: MainWindow, index: int, text: str) -> BranchPager:
    def ready() -> bool:
        shown = widgets(window)
        pager = pager_of(window, shown[index]) if len(shown) > abs(index) else None
        return pager is not None and pager.text() == text

    qtbot.waitUntil(ready, timeout=8000)
    pager = pager_of(window, widgets(window)[index])
    assert pager is not None
    return pager


def wire_history(fake: FakeOllama) -> list[str]:
    return [m["content"] for m in fake.requests_to("/api/chat")[-1].body["messages"]]


def usage_count() -> int:
    conn = sqlite3.connect(db_path())
    try:
        return int(conn.execute("SELECT count(*) FROM usage").fetchone()[0])
    finally:
        conn.close()


def regenerate_three_times(qtbot: QtBot, window: MainWindow, fake: FakeOllama) -> None:
    fake.chat_scripts += [ChatScript([f"Answer {n}."]) for n in (1, 2, 3)]
    wait_ready(qtbot, window)
    send(qtbot, window, "Name a colour", 2)
    for n in (2, 3):
        qtbot.mouseClick(widgets(window)[-1]._regenerate, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda n=n: settled(window, 2) and widgets(window)[-1].text == f"Answer {n}.",
            timeout=8000,
        )
    wait_pager(qtbot, window, -1, "3/3")


def test_regenerate_three_times_pages_through_each_stored_reply(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    regenerate_three_times(qtbot, window, fake_ollama)
    assert texts(window) == ["Name a colour", "Answer 3."]
    pager = wait_pager(qtbot, window, -1, "3/3")
    assert not pager.next.isEnabled() and pager.previous.isEnabled()
    assert pager_of(window, widgets(window)[0]) is None  # the question has one version

    qtbot.mouseClick(pager.previous, Qt.MouseButton.LeftButton)
    pager = wait_pager(qtbot, window, -1, "2/3")
    assert texts(window) == ["Name a colour", "Answer 2."]
    # By keyboard: the pager's buttons take focus and Space presses them.
    pager.previous.setFocus()
    qtbot.keyClick(pager.previous, Qt.Key.Key_Space)
    pager = wait_pager(qtbot, window, -1, "1/3")
    assert texts(window) == ["Name a colour", "Answer 1."]
    assert not pager.previous.isEnabled()
    assert usage_count() == 3  # every reply generated stays in the ledger

    # What is sent next follows the version on screen.
    fake_ollama.chat_scripts.append(ChatScript(["Green too."]))
    send(qtbot, window, "Another?", 4)
    assert wire_history(fake_ollama) == ["Name a colour", "Answer 1.", "Another?"]
    assert texts(window)[-1] == "Green too."
    assert wait_pager(qtbot, window, 1, "1/3")


def test_the_active_version_and_the_pager_are_as_left_after_a_restart(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    regenerate_three_times(qtbot, window, fake_ollama)
    qtbot.mouseClick(wait_pager(qtbot, window, -1, "3/3").previous, Qt.MouseButton.LeftButton)
    wait_pager(qtbot, window, -1, "2/3")
    window.close()

    again = open_window()  # a new window, writer and connection on the same database
    wait_ready(qtbot, again)
    qtbot.waitUntil(lambda: settled(again, 2), timeout=8000)
    assert texts(again) == ["Name a colour", "Answer 2."]
    pager = wait_pager(qtbot, again, -1, "2/3")
    qtbot.mouseClick(pager.next, Qt.MouseButton.LeftButton)
    wait_pager(qtbot, again, -1, "3/3")
    assert texts(again) == ["Name a colour", "Answer 3."]
    fake_ollama.chat_scripts.append(ChatScript(["Fine."]))
    send(qtbot, again, "More", 4)
    assert wire_history(fake_ollama) == ["Name a colour", "Answer 3.", "More"]


def open_edit(qtbot: QtBot, window: MainWindow, widget: MessageWidget) -> EditDialog:
    button = next(
        b
        for b in widget.findChildren(type(widget._copy))
        if b.objectName() == "edit_message_button"
    )
    assert button.isVisibleTo(window)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.chat.branches.dialog is not None, timeout=3000)
    dialog = window.chat.branches.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_edit_and_resend_keeps_the_old_branch_reachable(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts += [ChatScript(["Paris."]), ChatScript(["Rome."])]
    window = open_window()
    wait_ready(qtbot, window)
    send(qtbot, window, "Capital of France?", 2)

    dialog = open_edit(qtbot, window, widgets(window)[0])
    assert dialog.text() == "Capital of France?"
    dialog.edit.selectAll()
    qtbot.keyClicks(dialog.edit, "Capital of")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(dialog.edit, "Italy? ")
    dialog.edit.insertPlainText("意大利")  # as an input method commits it
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter sends again
    qtbot.waitUntil(lambda: settled(window, 2) and texts(window)[-1] == "Rome.", timeout=8000)
    assert window.chat.branches.dialog is None
    assert texts(window) == ["Capital of\nItaly? 意大利", "Rome."]
    assert wire_history(fake_ollama) == ["Capital of\nItaly? 意大利"]

    pager = wait_pager(qtbot, window, 0, "2/2")
    qtbot.mouseClick(pager.previous, Qt.MouseButton.LeftButton)
    wait_pager(qtbot, window, 0, "1/2")
    assert texts(window) == ["Capital of France?", "Paris."]


def test_esc_cancels_an_edit_and_keeps_the_words_as_a_draft(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    send(qtbot, window, "Hello", 2)
    dialog = open_edit(qtbot, window, widgets(window)[0])
    dialog.edit.selectAll()
    qtbot.keyClicks(dialog.edit, "Hello, more carefully worded")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.chat.branches.dialog is None, timeout=3000)
    assert texts(window)[0] == "Hello"  # nothing sent
    again = open_edit(qtbot, window, widgets(window)[0])
    assert again.text() == "Hello, more carefully worded"
    again.edit.selectAll()
    qtbot.keyClicks(again.edit, " ")
    qtbot.keyClick(again.edit, Qt.Key.Key_Return)  # blank: refused, said why, kept open
    assert again.problem.isVisibleTo(again) and window.chat.branches.dialog is again
    again.reject()


@pytest.mark.parametrize("choice", ["yes", "cancel"])
def test_delete_from_the_context_menu_asks_and_keeps_the_ledger(
    qtbot: QtBot,
    open_window: OpenWindow,
    fake_ollama: FakeOllama,
    monkeypatch: pytest.MonkeyPatch,
    choice: str,
) -> None:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        yes = choice == "yes"
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    fake_ollama.chat_scripts += [ChatScript(["One."]), ChatScript(["Two."])]
    window = open_window()
    wait_ready(qtbot, window)
    send(qtbot, window, "first", 2)
    send(qtbot, window, "second", 4)

    reply = widgets(window)[1]
    # From the keyboard (the Menu key, Shift+F10): the focused Copy button's context-menu
    # event goes up to the message, which offers Delete.
    reply._copy.setFocus()
    at = reply._copy.rect().center()
    QApplication.sendEvent(
        reply._copy,
        QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard,
            at,
            reply._copy.mapToGlobal(at),
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    menu = QApplication.activePopupWidget()
    assert menu is not None
    action = next(a for a in menu.actions() if a.text() == "Delete message…")
    menu.close()
    action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    assert "stay" in asked[0]
    if choice == "yes":
        qtbot.waitUntil(lambda: texts(window) == ["first", "second", "Two."], timeout=5000)
    else:
        qtbot.wait(200)
        assert texts(window) == ["first", "One.", "second", "Two."]
    assert usage_count() == 2


def test_versions_far_back_in_a_long_conversation_arrive_with_their_page(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    from app.storage import repo, tree

    window = open_window()
    wait_ready(qtbot, window)

    def build(conn: sqlite3.Connection) -> tuple[int, int, int]:
        cid = repo.create_conversation(conn, "long").id
        first = repo.add_message(conn, cid, "user", "q0")
        old = repo.add_message(conn, cid, "assistant", "old a0")
        newer = repo.add_message(conn, cid, "assistant", "a0", parent_id=first.id)
        tree.forget_choice(conn, first.id)
        for i in range(1, 150):
            repo.add_message(conn, cid, "user", f"q{i}")
            repo.add_message(conn, cid, "assistant", f"a{i}")
        return cid, old.id, newer.id

    cid, old_id, newer_id = window.ctx.writer.call(build)
    window.chat.show_conversation(cid)
    qtbot.waitUntil(lambda: window.chat.messages.message_count() > 0, timeout=5000)
    assert window.chat.branches.versions(newer_id) is None  # not on the first page
    bar = window.chat.messages.verticalScrollBar()

    def scrolled_to_the_start() -> bool:
        bar.setValue(0)
        shown = widgets(window)
        return window.chat.messages.message_count() == 300 and shown[0].text == "q0"

    qtbot.waitUntil(scrolled_to_the_start, timeout=10000)
    qtbot.waitUntil(lambda: window.chat.branches.versions(newer_id) is not None, timeout=5000)
    versions = window.chat.branches.versions(newer_id)
    assert versions is not None and (versions.ids, versions.position) == ((old_id, newer_id), 2)
    qtbot.waitUntil(lambda: pager_of(window, widgets(window)[1]) is not None, timeout=5000)
    assert widgets(window)[1].text == "a0"
    assert pager_of(window, widgets(window)[1]).text() == "2/2"  # type: ignore[union-attr]
