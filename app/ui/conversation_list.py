"""The left-hand list: filter, new, rename, delete with undo."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.storage import repo
from app.storage.records import Conversation
from app.ui.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole


class ConversationList(QWidget):
    selected = Signal(int)
    new_requested = Signal()
    deleted = Signal(int, str)  # id, title — the window offers Undo

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._current = 0
        self._token = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        self.new_button = QPushButton(self.tr("New conversation"), self)
        self.new_button.setObjectName("new_conversation")
        self.new_button.clicked.connect(self.new_requested)
        layout.addWidget(self.new_button)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("conversation_filter")
        self.filter.setPlaceholderText(self.tr("Filter by title"))
        self.filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self.refresh)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        layout.addWidget(self.filter)
        self.list = QListWidget(self)
        self.list.setObjectName("conversations")
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.currentItemChanged.connect(self._changed)
        self.list.itemDoubleClicked.connect(lambda item: self.rename(self._id(item)))
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        layout.addWidget(self.list, 1)
        delete = QAction(self.tr("Delete conversation"), self.list)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda: self.delete(self._current))
        self.list.addAction(delete)
        rename = QAction(self.tr("Rename conversation"), self.list)
        rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
        rename.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        rename.triggered.connect(lambda: self.rename(self._current))
        self.list.addAction(rename)

    @staticmethod
    def _id(item: QListWidgetItem | None) -> int:
        return int(item.data(ID_ROLE)) if item is not None else 0

    def current_id(self) -> int:
        return self._current

    def refresh(self, select: int | None = None) -> None:
        self._token += 1
        token = self._token
        text = self.filter.text()

        def loaded(conversations: list[Conversation]) -> None:
            if token == self._token:
                self._fill(conversations, self._current if select is None else select)

        self._ctx.tasks.watch(
            self._ctx.writer.submit(lambda conn: repo.list_conversations(conn, text)),
            loaded,
            owner=self,
        )

    def _fill(self, conversations: list[Conversation], select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for conversation in conversations:
            label = ("☁ " if conversation.escalated else "") + conversation.title
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, conversation.id)
            item.setToolTip(conversation.title)
            self.list.addItem(item)
            if conversation.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._current = select if any(c.id == select for c in conversations) else self._current

    def select(self, conversation_id: int) -> None:
        self._current = conversation_id
        for row in range(self.list.count()):
            item = self.list.item(row)
            if self._id(item) == conversation_id:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)
                return
        self.list.clearSelection()

    def _changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        conversation_id = self._id(current)
        if conversation_id and conversation_id != self._current:
            self._current = conversation_id
            self.selected.emit(conversation_id)

    def _menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        conversation_id = self._id(item)
        menu = QMenu(self)
        menu.addAction(self.tr("Rename…"), lambda: self.rename(conversation_id))
        menu.addAction(self.tr("Delete"), lambda: self.delete(conversation_id))
        menu.exec(self.list.viewport().mapToGlobal(position))

    def rename(self, conversation_id: int) -> None:
        if not conversation_id:
            return
        item = next(
            (
                self.list.item(r)
                for r in range(self.list.count())
                if self._id(self.list.item(r)) == conversation_id
            ),
            None,
        )
        current = item.toolTip() if item is not None else ""
        title, ok = QInputDialog.getText(
            self, self.tr("Rename conversation"), self.tr("Title:"), text=current
        )
        title = title.strip()
        if not ok or not title:
            return

        def store(conn: sqlite3.Connection) -> None:
            repo.update_conversation(conn, conversation_id, title=title)

        self._ctx.tasks.watch(
            self._ctx.writer.submit(store), lambda _r: self._renamed(conversation_id), owner=self
        )

    def _renamed(self, conversation_id: int) -> None:
        self.refresh()
        self._ctx.events.conversations_changed.emit()

    def delete(self, conversation_id: int) -> None:
        if not conversation_id:
            return
        title = ""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if self._id(item) == conversation_id:
                title = item.toolTip()
                self.list.takeItem(row)
                break
        if conversation_id == self._current:
            self._current = 0
        self._ctx.writer.submit(lambda conn: repo.delete_conversation(conn, conversation_id))
        self.deleted.emit(conversation_id, title)

    def undo_delete(self, conversation_id: int) -> None:
        self._ctx.tasks.watch(
            self._ctx.writer.submit(lambda conn: repo.restore_conversation(conn, conversation_id)),
            lambda _r: self.refresh(select=conversation_id),
            owner=self,
        )
