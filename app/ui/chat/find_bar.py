"""Find in the open conversation (Ctrl+F, the window's Conversation ▸ Find in
conversation… action, app/ui/search/__init__.py): a bar above the messages with the number of
matches and previous/next.

It looks through every message the list has loaded (``MessageList.records()``, built or
not: a conversation opens with its newest page, and older pages are found once they are
loaded by scrolling up or by jumping from a search). Matching is case-insensitive over
the text as stored. Going to a match builds the widgets around its message
(``MessageList.reveal``) and marks the match in the rendered text; Markdown may render
differently from how it is written (``**bold**``), so the mark goes on the occurrence
the rendered text has in that place, or the last one it has.

Matches are counted from the oldest; the bar starts at the newest (what a person
searching back through a chat means), Enter goes to the previous (older) one and
Shift+Enter to the next.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)
from shiboken6 import Shiboken

from app.ui.chat.message_list import MessageList
from app.ui.chat.message_text import MessageBody
from app.ui.chat.message_widget import MessageWidget

DEBOUNCE_MS = 150
MARK_RETRY_MS = 60
MARK_RETRIES = 30  # a reply's body renders over a few frames: wait up to ~2 s for it
ALL_COLOUR = QColor(255, 214, 10, 110)
CURRENT_COLOUR = QColor(255, 140, 0, 200)

Match = tuple[int, int]
"""(message id, which occurrence in that message, from 0)."""


class FindBar(QWidget):
    def __init__(self, messages: MessageList, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self._messages = messages
        self._matches: list[Match] = []
        self._current = -1
        self._signature: tuple[int, int, int, str] = (0, 0, 0, "")
        self._marked: MessageWidget | None = None
        self._retries = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.field = QLineEdit(self)
        self.field.setObjectName("find_field")
        self.field.setPlaceholderText(self.tr("Find in this conversation"))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        layout.addWidget(self.field, 1)
        self.count = QLabel(self)
        self.count.setObjectName("find_count")
        layout.addWidget(self.count)
        self.previous_button = self._button("↑", self.tr("Previous match (Enter)"))
        self.previous_button.clicked.connect(self.previous)
        layout.addWidget(self.previous_button)
        self.next_button = self._button("↓", self.tr("Next match (Shift+Enter)"))
        self.next_button.clicked.connect(self.next)
        layout.addWidget(self.next_button)
        close = self._button("✕", self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search)
        self.field.textChanged.connect(lambda _text: self._debounce.start())
        self._mark_timer = QTimer(self, singleShot=True, interval=MARK_RETRY_MS)
        self._mark_timer.timeout.connect(self._mark_current)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    # --- public -----------------------------------------------------------------------

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._search()

    def close_bar(self) -> None:
        self._unmark()
        self.hide()
        self._matches, self._current = [], -1

    def matches(self) -> list[Match]:
        return list(self._matches)

    def current(self) -> Match | None:
        return self._matches[self._current] if 0 <= self._current < len(self._matches) else None

    def reveal(self, message_id: int, text: str = "") -> None:
        """Show a message a search found, with ``text`` marked in it when given."""
        if text.strip():
            self.field.blockSignals(True)
            self.field.setText(text)
            self.field.blockSignals(False)
            self.show()
            self._refresh(force=True)
            for index, (found_id, _nth) in enumerate(self._matches):
                if found_id == message_id:
                    self._go(index)
                    return
        self._messages.reveal(message_id)

    def previous(self) -> None:
        self._refresh()
        if self._matches:
            self._go((self._current - 1) % len(self._matches))

    def next(self) -> None:
        self._refresh()
        if self._matches:
            self._go((self._current + 1) % len(self._matches))

    # --- finding ----------------------------------------------------------------------

    def _terms(self) -> list[str]:
        return [t for t in self.field.text().split() if t]

    def _pattern(self) -> re.Pattern[str] | None:
        terms = sorted(self._terms(), key=len, reverse=True)
        if not terms:
            return None
        return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)

    def _search(self) -> None:
        self._refresh(force=True)
        if self._matches:
            self._go(len(self._matches) - 1)
        else:
            self._unmark()

    def _refresh(self, force: bool = False) -> None:
        """Find the matches again when the text or the loaded messages changed."""
        records = self._messages.records()
        signature = (
            len(records),
            records[0].id if records else 0,
            records[-1].id if records else 0,
            self.field.text(),
        )
        if not force and signature == self._signature:
            return
        self._signature = signature
        current = self.current()
        pattern = self._pattern()
        self._matches = []
        if pattern is not None:
            for message in records:
                for nth, _found in enumerate(pattern.finditer(message.content)):
                    self._matches.append((message.id, nth))
        self._current = self._matches.index(current) if current in self._matches else -1
        self._show_count()

    def _show_count(self) -> None:
        if not self.field.text().strip():
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(
                self.tr("{current} of {total}").format(
                    current=self._current + 1 if self._current >= 0 else "–",
                    total=len(self._matches),
                )
            )
        self.previous_button.setEnabled(bool(self._matches))
        self.next_button.setEnabled(bool(self._matches))

    def _go(self, index: int) -> None:
        self._current = index
        self._show_count()
        message_id, _nth = self._matches[index]
        widget = self._messages.reveal(message_id)
        if widget is not self._marked:
            self._unmark()
        self._marked = widget
        self._retries = MARK_RETRIES
        self._mark_current()

    # --- marking ----------------------------------------------------------------------

    def _mark_current(self) -> None:
        widget, match = self._marked, self.current()
        if widget is None or match is None or not Shiboken.isValid(widget):
            return
        if widget.is_rendering() and self._retries > 0:
            self._retries -= 1
            self._mark_timer.start()
            return
        pattern = self._pattern()
        nth = match[1]
        spots: list[tuple[MessageBody, QTextCursor]] = []
        for body in widget.findChildren(MessageBody):
            body.setExtraSelections([])
            if pattern is None:
                continue
            text = body.toPlainText()
            for found in pattern.finditer(text):
                cursor = QTextCursor(body.document())
                cursor.setPosition(found.start())
                cursor.setPosition(found.end(), QTextCursor.MoveMode.KeepAnchor)
                spots.append((body, cursor))
        if not spots:
            return
        chosen = min(nth, len(spots) - 1)
        by_body: dict[MessageBody, list[QTextEdit.ExtraSelection]] = {}
        for number, (body, cursor) in enumerate(spots):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(CURRENT_COLOUR if number == chosen else ALL_COLOUR)
            selection.format = fmt
            by_body.setdefault(body, []).append(selection)
        for body, selections in by_body.items():
            body.setExtraSelections(selections)
        body, cursor = spots[chosen]
        rect = body.cursorRect(cursor)
        inner = self._messages.widget()
        if inner is None:
            return
        point = body.mapTo(inner, rect.center())
        self._messages.ensureVisible(point.x(), point.y(), 20, self._messages.height() // 3)

    def _unmark(self) -> None:
        self._mark_timer.stop()
        widget, self._marked = self._marked, None
        if widget is None:
            return
        if Shiboken.isValid(widget):  # not released by the list meanwhile
            for body in widget.findChildren(MessageBody):
                body.setExtraSelections([])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent):
            key = event
            if key.key() == Qt.Key.Key_Escape:
                # Esc closes the bar, not the window's "Stop reply".
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.close_bar()
                return True
            if event.type() == QEvent.Type.KeyPress and key.key() in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                if key.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.next()
                else:
                    self.previous()
                return True
        return super().eventFilter(watched, event)
