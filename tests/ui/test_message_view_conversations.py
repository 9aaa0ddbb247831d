"""The conversation list with 10,000 conversations, in the real main window.

A real database file holds them; the list loads them on the writer thread and filters
in its model. The assertions are structural: no widget per conversation, the right rows
for each filter (any script, any case), selection and delete kept straight.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core import paths
from app.storage.db import open_database
from app.storage.records import to_db_time, utc_now
from app.ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
COUNT = 10_000


def title(i: int) -> str:
    if i % 1000 == 0:
        return f"关于本地模型的问题 {i}"
    if i % 250 == 0:
        return f"Ölpreise und ÉNERGIE {i}"
    return f"Conversation number {i}"


def fill_database(count: int = COUNT) -> None:
    opened = open_database(paths.database_path())
    conn: sqlite3.Connection = opened.connection
    now = to_db_time(utc_now())
    with conn:
        conn.executemany(
            "INSERT INTO conversations (title, created_at, updated_at) VALUES (?, ?, ?)",
            [(title(i), now, now) for i in range(1, count + 1)],
        )
    conn.close()


def test_ten_thousand_conversations_open_and_filter_without_a_widget_each(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    fill_database()
    window = open_window()
    listing = window.conversations
    qtbot.waitUntil(lambda: listing.count() == COUNT, timeout=10_000)
    # The view draws rows from the model: its widgets do not grow with the rows.
    assert len(listing.list.findChildren(QWidget)) < 30
    listing.filter.setText("本地模型")
    assert listing.count() == COUNT // 1000  # filtered at once, in memory
    assert all("本地模型" in listing.title_at(row) for row in range(listing.count()))
    listing.filter.setText("énergie")  # case-insensitive beyond ASCII
    expected = sum(1 for i in range(1, COUNT + 1) if i % 250 == 0 and i % 1000)
    assert listing.count() == expected
    listing.filter.setText("number 9999")
    assert [listing.title_at(r) for r in range(listing.count())] == ["Conversation number 9999"]
    listing.filter.clear()
    assert listing.count() == COUNT


def test_selecting_deleting_and_undoing_in_a_big_list(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    fill_database(2000)
    window = open_window()
    listing = window.conversations
    qtbot.waitUntil(lambda: listing.count() == 2000, timeout=10_000)
    opened: list[int] = []
    listing.selected.connect(opened.append)
    index = listing.model.index(5, 0)
    listing.list.setCurrentIndex(index)  # as a click does
    chosen = listing.current_id()
    assert opened == [chosen] and chosen
    listing.select(0)  # the window starts a new conversation: nothing marked
    assert not listing.list.selectionModel().hasSelection()
    listing.select(chosen)
    assert listing.list.currentIndex().row() == 5
    listing.delete(chosen)
    assert listing.count() == 1999
    assert listing.model.row_of(chosen) == -1
    listing.undo_delete(chosen)
    qtbot.waitUntil(lambda: listing.count() == 2000, timeout=5000)
    assert listing.current_id() == chosen
    assert listing.model.row_of(chosen) >= 0


def test_a_long_conversation_opens_at_its_latest_page_and_loads_older_ones_on_scroll(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    opened = open_database(paths.database_path())
    conn = opened.connection
    now = to_db_time(utc_now())
    with conn:
        cursor = conn.execute(
            "INSERT INTO conversations (title, created_at, updated_at) VALUES (?, ?, ?)",
            ("Long one", now, now),
        )
        conversation_id = int(cursor.lastrowid or 0)
        conn.executemany(
            "INSERT INTO messages (conversation_id, role, content, created_at) VALUES (?,?,?,?)",
            [
                (conversation_id, "user" if i % 2 else "assistant", f"message {i}", now)
                for i in range(1, 401)
            ],
        )
    conn.close()
    window = open_window()
    view = window.chat.messages
    window.chat.show_conversation(conversation_id)
    qtbot.waitUntil(lambda: view.message_count() > 0, timeout=5000)
    assert view.message_count() < 400  # a page, not the whole history
    assert "message 400" in view.widgets()[-1].body_text()
    bar = view.verticalScrollBar()
    for _ in range(800):
        bar.setValue(0)
        qtbot.wait(5)
        first = view.widgets()[0]
        if view.message_count() == 400 and first.body_text().strip() == "message 1":
            break
    assert view.message_count() == 400
    assert view.widgets()[0].body_text().strip() == "message 1"
    assert len(view.widgets()) <= 80


def test_a_delete_that_does_not_reach_the_disk_is_told_and_undone_on_screen(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.storage import repo

    fill_database(5)
    window = open_window()
    listing = window.conversations
    qtbot.waitUntil(lambda: listing.count() == 5, timeout=5000)

    def disk_full(_conn: sqlite3.Connection, _id: int) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    told: list[str] = []
    monkeypatch.setattr(repo, "delete_conversation", disk_full)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    victim = int(listing.model.index(0, 0).data(Qt.ItemDataRole.UserRole))
    listing.delete(victim)
    assert listing.count() == 4
    qtbot.waitUntil(lambda: listing.count() == 5 and bool(told), timeout=5000)
    assert "is full" in told[0]  # the storage layer's plain words
    assert listing.model.row_of(victim) >= 0
