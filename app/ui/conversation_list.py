"""The left-hand list: filter, new, rename, delete with undo.

A QListView over a model, not a widget per conversation: with 10,000 conversations the
old list made three Qt calls per item on every refresh and every filter keystroke
(470–657 ms a keystroke). The model holds the conversations as loaded (on the writer
thread, as before) and filters them itself, in memory, case-insensitively in any script;
the view asks only for the rows on screen.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.storage import repo
from app.storage.records import Conversation
from app.ui.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


class ConversationModel(QAbstractListModel):
    """Conversations, newest first, narrowed to those whose title contains the filter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[Conversation] = []
        self._folded: list[str] = []  # each title casefolded, for filtering
        self._shown: list[Conversation] = []
        self._rows: dict[int, int] = {}  # id → row among those shown
        self._filter = ""

    def set_conversations(self, conversations: list[Conversation]) -> None:
        self._all = list(conversations)
        self._folded = [c.title.casefold() for c in self._all]
        self._apply()

    def set_filter(self, text: str) -> None:
        text = text.strip().casefold()
        if text != self._filter:
            self._filter = text
            self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        needle = self._filter
        if needle:
            self._shown = [c for c, t in zip(self._all, self._folded, strict=True) if needle in t]
        else:
            self._shown = list(self._all)
        self._rows = {c.id: row for row, c in enumerate(self._shown)}
        self.endResetModel()

    def row_of(self, conversation_id: int) -> int:
        return self._rows.get(conversation_id, -1)

    def conversation(self, row: int) -> Conversation | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def find(self, conversation_id: int) -> Conversation | None:
        row = self.row_of(conversation_id)
        if row >= 0:
            return self._shown[row]
        return next((c for c in self._all if c.id == conversation_id), None)

    def remove(self, conversation_id: int) -> None:
        index = next((i for i, c in enumerate(self._all) if c.id == conversation_id), -1)
        if index < 0:
            return
        del self._all[index]
        del self._folded[index]
        row = self.row_of(conversation_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._shown[row]
        self._rows = {c.id: r for r, c in enumerate(self._shown)}
        self.endRemoveRows()

    # --- QAbstractListModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        conversation = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return ("☁ " if conversation.escalated else "") + conversation.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return conversation.title
        if role == ID_ROLE:
            return conversation.id
        return None


class ConversationList(QWidget):
    selected = Signal(int)
    new_requested = Signal()
    deleted = Signal(int, str)  # id, title — the window offers Undo

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._current = 0
        self._token = 0
        self.menu_extras: list[Callable[[QMenu, int, str], None]] = []
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
        # In memory and only the rows on screen are drawn: fast enough for every keystroke.
        self.filter.textChanged.connect(self._filter_changed)
        layout.addWidget(self.filter)
        self.model = ConversationModel(self)
        self.list = QListView(self)
        self.list.setObjectName("conversations")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # row heights are not asked of every row
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.selectionModel().currentChanged.connect(self._changed)
        self.list.doubleClicked.connect(lambda index: self.rename(self._id(index)))
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list, 1)
        # Read by screen readers, and names the list's keys in Help → Keyboard shortcuts.
        self.list.setAccessibleName(self.tr("Conversation list"))
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
    def _id(index: Index) -> int:
        value = index.data(ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else 0

    def current_id(self) -> int:
        return self._current

    def count(self) -> int:
        """Conversations shown (those matching the filter)."""
        return self.model.rowCount()

    def title_at(self, row: int) -> str:
        return str(self.model.index(row, 0).data() or "")

    def refresh(self, select: int | None = None) -> None:
        self._token += 1
        token = self._token

        def loaded(conversations: list[Conversation]) -> None:
            if token == self._token:
                self._fill(conversations, self._current if select is None else select)

        self._ctx.tasks.watch(
            self._ctx.writer.submit(repo.list_conversations),
            loaded,
            owner=self,
        )

    def _fill(self, conversations: list[Conversation], select: int) -> None:
        self.model.set_filter(self.filter.text())
        self.model.set_conversations(conversations)
        if any(c.id == select for c in conversations):
            self._current = select
        self._show_current()

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._show_current()

    def _show_current(self) -> None:
        """Mark the open conversation in the list (without reopening it)."""
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        row = self.model.row_of(self._current) if self._current else -1
        if row >= 0:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(index)
        else:
            selection.clear()
        selection.blockSignals(False)
        self.list.viewport().update()

    def select(self, conversation_id: int) -> None:
        self._current = conversation_id
        self._show_current()

    def _changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        conversation_id = self._id(current)
        if conversation_id and conversation_id != self._current:
            self._current = conversation_id
            self.selected.emit(conversation_id)

    def _menu(self, position: QPoint) -> None:
        index = self.list.indexAt(position)
        if not index.isValid():
            return
        conversation_id = self._id(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Rename…"), lambda: self.rename(conversation_id))
        menu.addAction(self.tr("Delete"), lambda: self.delete(conversation_id))
        title = str(index.data() or "")
        for extra in self.menu_extras:  # entries other features add (app/ui/export)
            extra(menu, conversation_id, title)
        menu.exec(self.list.viewport().mapToGlobal(position))

    def rename(self, conversation_id: int) -> None:
        if not conversation_id:
            return
        found = self.model.find(conversation_id)
        current = found.title if found is not None else ""
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
        found = self.model.find(conversation_id)
        title = found.title if found is not None else ""
        selection = self.list.selectionModel()
        selection.blockSignals(True)  # the row going away is not the person choosing another
        self.model.remove(conversation_id)
        selection.blockSignals(False)
        if conversation_id == self._current:
            self._current = 0
            self._show_current()
        self._ctx.tasks.watch(
            self._ctx.writer.submit(lambda conn: repo.delete_conversation(conn, conversation_id)),
            None,
            self._delete_failed,
            owner=self,
        )
        self.deleted.emit(conversation_id, title)

    def _delete_failed(self, exc: BaseException) -> None:
        """The delete did not reach the disk: show the conversation again, and say so."""
        self.refresh()
        QMessageBox.warning(
            self,
            self.tr("Hearth"),
            self.tr("The conversation could not be deleted: {error}").format(error=exc),
        )

    def undo_delete(self, conversation_id: int) -> None:
        self._ctx.tasks.watch(
            self._ctx.writer.submit(lambda conn: repo.restore_conversation(conn, conversation_id)),
            lambda _r: self.refresh(select=conversation_id),
            owner=self,
        )
