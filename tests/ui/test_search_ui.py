"""Search, find and export in the real main window (fake Ollama over HTTP, real
database): the search window's results, jumping to a message far back in a paged
conversation, the find bar's count and steps, Export/Import through the window."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.chat.conversation import HISTORY_PAGE
from app.core import paths
from app.storage import repo
from app.storage.db import open_database
from app.ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
LONG = 400


def seed() -> tuple[int, list[int]]:
    conn: sqlite3.Connection = open_database(paths.database_path()).connection
    long_talk = repo.create_conversation(conn, "很长的对话 long talk")
    ids = []
    for n in range(LONG):
        text = f"第 {n} 条消息 message {n}"
        if n == 7:
            text = "这里提到了量子计算 quantum computing, 量子 again"
        ids.append(repo.add_message(conn, long_talk.id, "user", text).id)
    other = repo.create_conversation(conn, "另一个 other")
    repo.add_message(conn, other.id, "user", "nothing here about physics")
    conn.close()
    return long_talk.id, ids


def test_search_window_finds_and_jumps_to_an_old_message(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    talk_id, ids = seed()
    window = open_window()
    action = window.findChild(QAction, "action_search")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+F"
    action.trigger()
    dialog = window.features["app.ui.search"]["dialog"]  # type: ignore[index]
    dialog.field.setText("量子计算")  # (QTest cannot type CJK: it aborts)
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=5000)
    label = dialog.results.itemWidget(dialog.results.item(0))
    assert isinstance(label, QLabel)
    assert "很长的对话" in label.text() and "量子计算</span>" in label.text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    # message 7 of 400: far beyond the page a conversation opens with
    assert LONG - 7 > HISTORY_PAGE
    qtbot.waitUntil(lambda: window.chat.messages.widget_for(ids[7]) is not None, timeout=5000)
    widget = window.chat.messages.widget_for(ids[7])
    assert widget is not None
    qtbot.waitUntil(lambda: widget.visibleRegion().isEmpty() is False, timeout=5000)
    assert window.chat.conversation is not None and window.chat.conversation.id == talk_id
    bar = window.chat.find_bar
    assert bar.isVisible() and bar.field.text() == "量子计算"
    assert bar.current() == (ids[7], 0)
    # the list still reaches the newest message, and older ones still load on scrolling
    assert window.chat.messages.records()[-1].id == ids[-1]


def test_search_results_drop_soft_deleted_and_report_nothing(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    talk_id, _ids = seed()
    window = open_window()
    window.findChild(QAction, "action_search").trigger()  # type: ignore[union-attr]
    dialog = window.features["app.ui.search"]["dialog"]  # type: ignore[index]
    window.ctx.writer.call(lambda conn: repo.delete_conversation(conn, talk_id))
    dialog.field.setText("quantum")
    qtbot.waitUntil(lambda: dialog.status.text() == dialog.tr("Nothing found."), timeout=5000)
    for hostile in ('"', "AND (", "*-"):
        dialog.field.setText(hostile)
        dialog.run_search()
        qtbot.waitUntil(lambda: dialog.status.text() != "", timeout=5000)
        assert "failed" not in dialog.status.text()


def test_find_bar_counts_and_steps_through_matches(qtbot: QtBot, open_window: OpenWindow) -> None:
    talk_id, _ids = seed()
    window = open_window()
    window.chat.show_conversation(talk_id)
    qtbot.waitUntil(lambda: window.chat.messages.message_count() == HISTORY_PAGE, timeout=5000)
    bar = window.chat.find_bar
    window.chat.messages.setFocus()
    qtbot.keyClick(window.chat.messages, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "MESSAGE 39")  # case-insensitive, both terms marked
    qtbot.waitUntil(lambda: bar.count.text() != "", timeout=3000)
    loaded = window.chat.messages.records()
    expected = sum(m.content.lower().count("message") + m.content.count("39") for m in loaded)
    assert len(bar.matches()) == expected
    assert bar.count.text() == f"{expected} of {expected}"  # starts at the newest
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # Enter: the previous (older) one
    assert bar.count.text() == f"{expected - 1} of {expected}"
    bar.next()
    bar.next()  # wraps to the oldest
    assert bar.count.text() == f"1 of {expected}"
    widget = window.chat.messages.widget_for(bar.current()[0])  # type: ignore[index]
    assert widget is not None
    qtbot.waitUntil(
        lambda: any(b.extraSelections() for b in widget.findChildren(type(widget.body))),
        timeout=3000,
    )
    bar.field.setText("不存在的词")
    qtbot.waitUntil(lambda: bar.count.text() == bar.tr("No matches"), timeout=3000)
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_export_and_import_through_the_window(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    import pypdf

    talk_id, _ids = seed()
    window = open_window()
    actions = window.features["app.ui.export"]
    file_menu_names = [
        a.objectName()
        for a in window.findChild(QAction, "action_export").parent().findChildren(QAction)
    ]  # type: ignore[union-attr]
    assert "action_import" in file_menu_names
    pdf = tmp_path / "long.pdf"
    actions.export(talk_id, pdf, "pdf")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20_000)
    text = unicodedata.normalize("NFKC", pypdf.PdfReader(str(pdf)).pages[0].extract_text())
    # (the font maps 长 to the radical ⻓, which pypdf reports as such: glyph ids)
    assert "的对话" in text and "条消息" in text
    exported = tmp_path / "long.json"
    actions.export(talk_id, exported, "json")  # type: ignore[attr-defined]
    qtbot.waitUntil(exported.exists, timeout=10_000)
    before = window.conversations.count()
    actions.import_path(exported)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.conversations.count() == before + 1, timeout=10_000)
    qtbot.waitUntil(
        lambda: window.chat.conversation is not None and window.chat.conversation.id != talk_id,
        timeout=10_000,
    )
    assert window.chat.conversation is not None
    assert window.chat.conversation.title == "很长的对话 long talk"
    assert len(json.loads(exported.read_text(encoding="utf-8"))["conversation"]["messages"]) == LONG


def test_a_broken_import_is_told_and_stores_nothing(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    seed()
    window = open_window()
    shown: list[str] = []
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text: shown.append(text))
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}', encoding="utf-8")
    before = window.ctx.writer.call(
        lambda c: c.execute("SELECT count(*) FROM conversations").fetchone()[0]
    )
    window.features["app.ui.export"].import_path(bad)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "not a Hearth conversation" in shown[0]
    after = window.ctx.writer.call(
        lambda c: c.execute("SELECT count(*) FROM conversations").fetchone()[0]
    )
    assert after == before
