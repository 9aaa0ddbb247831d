"""The search window: a field, the matches as they are found, Enter or a double-click
to open the conversation at that message.

Each search runs on the quick lane through its own read-only connection
(app/search/reader.py), never on the GUI thread and never queued behind the writer;
typing restarts a short timer, and results of a search overtaken by a newer one are
dropped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.export.model import time_text
from app.search.index import SearchHit, SearchResults, search
from app.search.reader import ReadConnections
from app.ui.context import AppContext

DEBOUNCE_MS = 120
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MARK = '<span style="background-color:#ffd60a; color:#000000;">'


def hit_html(hit: SearchHit) -> str:
    return "".join(
        MARK + html.escape(text) + "</span>" if marked else html.escape(text)
        for text, marked in hit.snippet
    )


class SearchDialog(QDialog):
    open_requested = Signal(int, int, str)
    """(conversation id, message id or 0 for a title match, the text searched)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_dialog")
        self.setWindowTitle(self.tr("Search all conversations"))
        self.resize(640, 520)
        self._ctx = ctx
        self._reader = ReadConnections(ctx.writer.path)
        self.destroyed.connect(self._reader.close)
        self._token = 0
        self._results: SearchResults | None = None
        layout = QVBoxLayout(self)
        self.field = QLineEdit(self)
        self.field.setObjectName("search_field")
        self.field.setPlaceholderText(self.tr("Search messages and titles (中文 too)"))
        self.field.setClearButtonEnabled(True)
        layout.addWidget(self.field)
        self.status = QLabel(self)
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.results = QListWidget(self)
        self.results.setObjectName("search_results")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._open_current)
        self.results.itemActivated.connect(self._open_item)

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def run_search(self) -> None:
        self._token += 1
        token, text = self._token, self.field.text()
        if not text.strip():
            self.results.clear()
            self.status.setText("")
            return
        reader = self._reader
        self._ctx.tasks.run(
            lambda: reader.read(lambda conn: search(conn, text)),
            lambda results: self._show(token, results),
            lambda exc: self._failed(token, exc),
            owner=self,
        )

    def _show(self, token: int, results: SearchResults) -> None:
        if token != self._token:
            return  # a newer search is under way
        self._results = results
        self.results.clear()
        for hit in results.hits:
            item = QListWidgetItem(self.results)
            item.setData(HIT_ROLE, hit)
            label = QLabel(self.results)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(6, 4, 6, 4)
            kind = self.tr("title") if hit.message_id is None else self._role(hit.role)
            label.setText(
                f"<b>{html.escape(hit.conversation_title)}</b>"
                f" <span style='color:gray;'>· {html.escape(time_text(hit.created_at))}"
                f" · {html.escape(kind)}</span><br>{hit_html(hit)}"
            )
            item.setSizeHint(label.sizeHint())
            self.results.setItemWidget(item, label)
        count = len(results.hits)
        if count == 0:
            text = self.tr("Nothing found.")
        else:
            text = (
                self.tr("1 match.")
                if count == 1
                else self.tr("{count} matches, newest first.").format(count=count)
            )
        if results.partial:
            text += " " + self.tr(
                "Only the newest messages were searched for words of one or two characters; "
                "add a longer word to search them all."
            )
        self.status.setText(text)
        if count:
            self.results.setCurrentRow(0)

    def _role(self, role: str) -> str:
        return self.tr("you") if role == "user" else self.tr("reply")

    def _failed(self, token: int, exc: BaseException) -> None:
        if token == self._token:
            self.results.clear()
            self.status.setText(self.tr("Search failed: {error}").format(error=exc))

    def _open_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        hit: SearchHit = item.data(HIT_ROLE)
        self.open_requested.emit(hit.conversation_id, hit.message_id or 0, self.field.text())
