"""A reply's thinking in its bubble: shown live while the model thinks, then folded away
to "Thought for N s", a click opening it again (issue 16).

While thinking streams, the block is open and follows the newest lines in a short
window, under "Thinking… N s" counting up each second: a model that thinks for a minute
never leaves the bubble looking hung. When the answer begins (or the reply ends) it
folds, unless the person opened or closed it meanwhile -- then it stays as they left it
(as Ollama's own app does). The text is plain: folded at ``LONG_LINE`` with bidi
controls made visible exactly as the plain tail shows a reply (``tail_view`` /
``plain_view``), and never read as HTML or Markdown.

Fed by ``StreamController`` through :meth:`ThinkingBlock.feed` once a frame, and for a
stored reply by :meth:`ThinkingBlock.show_stored`.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QPalette, QTextCursor
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from app.ui.chat.message_text import plain_view, shown_text, tail_view

LIVE_LINES = 6  # lines of the newest thinking shown while it streams
OPEN_LINES = 24  # at most this tall when opened afterwards (it scrolls beyond)
CLOCK_MS = 1000


class ThinkingBlock(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thinking_block")
        self._text = ""
        self._column = 0  # where the shown text's last line has got to (see tail_view)
        self._ms: int | None = None
        self._live = False
        self._started = 0.0  # time.monotonic() when live thinking began here
        self._touched = False  # the person opened or closed it: leave it so

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        layout.setSpacing(2)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("thinking_toggle")
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.clicked.connect(self._clicked)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)

        self.view = QPlainTextEdit(self)
        self.view.setObjectName("thinking_text")
        self.view.setReadOnly(True)
        self.view.setUndoRedoEnabled(False)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        font = QFont(self.view.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.92))
        self.view.setFont(font)
        palette = self.view.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(QPalette.ColorRole.Text, muted)
        self.view.setPalette(palette)
        self.view.viewport().setAutoFillBackground(False)
        self.view.setStyleSheet(
            "#thinking_text { background: transparent; border: none;"
            " border-left: 2px solid palette(mid); padding-left: 6px; }"
        )
        self.view.hide()
        layout.addWidget(self.view)

        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._update_label)
        self.hide()

    # --- what it shows ---------------------------------------------------------------------

    def text(self) -> str:
        return self._text

    @property
    def ms(self) -> int | None:
        return self._ms

    @property
    def live(self) -> bool:
        return self._live

    def is_open(self) -> bool:
        return self.view.isVisibleTo(self)

    def label(self) -> str:
        return self.toggle.text()

    def show_stored(self, text: str, ms: int | None, streaming: bool = False) -> None:
        """A stored reply's thinking: folded with its duration (or, for a reply still
        being written, open and live)."""
        self._text = shown_text(text)
        self._ms = ms
        if not self._text:
            self.hide()
            return
        if streaming and ms is None:
            self._set_plain(self._text)
            self._begin_live(elapsed_ms=0)
            return
        self._set_plain(self._text)
        self._live = False
        self._set_open(False)
        self._update_label()
        self.show()

    def resume(self, text: str, ms: int | None) -> None:
        """A reply still streaming, shown afresh (its conversation opened again): all
        its thinking so far, ``ms`` once it has ended."""
        self._text = ""
        self._column = 0
        self.view.clear()
        self._live = False
        self._touched = False
        if text:
            self.feed(text, ms)
        else:
            self.hide()

    def feed(self, text: str, ms: int | None) -> None:
        """A frame's new thinking, and its duration once thinking has ended."""
        if text:
            text = shown_text(text)
            if not self._live and self._ms is None:
                self._begin_live(elapsed_ms=0)
            self._text += text
            shown, self._column = tail_view(text, self._column)
            bar = self.view.verticalScrollBar()
            following = bar.value() >= bar.maximum() - 4
            cursor = QTextCursor(self.view.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(shown)
            if following:
                bar.setValue(bar.maximum())
        if ms is not None:
            self.finish(ms)

    def finish(self, ms: int | None = None) -> None:
        """Thinking is over: fold (unless the person chose otherwise) and say for how
        long. Without ``ms`` the block's own clock says (a reply that ended while its
        end was not yet told)."""
        if not self._text:
            return
        if ms is None:
            if not self._live:
                return
            ms = round((time.monotonic() - self._started) * 1000)
        self._ms = ms
        self._live = False
        self._clock.stop()
        if not self._touched:
            self._set_open(False)
        else:
            self._fit()
        self._update_label()

    # --- inner workings ----------------------------------------------------------------------

    def _begin_live(self, elapsed_ms: int) -> None:
        self._live = True
        self._ms = None
        self._started = time.monotonic() - elapsed_ms / 1000
        self._clock.start()
        self.show()
        if not self._touched:
            self._set_open(True)
        self._update_label()

    def _set_plain(self, text: str) -> None:
        shown = plain_view(text)
        self.view.setPlainText(shown)
        self._column = len(text) - (text.rfind("\n") + 1)

    def _clicked(self) -> None:
        self._touched = True
        self._set_open(not self.is_open())
        self._update_label()

    def _set_open(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.view.setVisible(open_)
        if open_:
            self._fit()
            bar = self.view.verticalScrollBar()
            # Live: follow the newest line. Afterwards: read it from the start.
            bar.setValue(bar.maximum() if self._live else 0)

    def _fit(self) -> None:
        """Live: a short window on the newest lines. Afterwards: up to OPEN_LINES."""
        lines = LIVE_LINES if self._live else OPEN_LINES
        line = self.view.fontMetrics().lineSpacing()
        margins = self.view.contentsMargins()
        frame = int(self.view.document().documentMargin() * 2) + margins.top() + margins.bottom()
        if self._live:
            self.view.setFixedHeight(line * lines + frame)
            return
        # As tall as the text wrapped at this width, up to OPEN_LINES (then it scrolls);
        # the start of the text is enough to know that.
        width = max(40, self.view.viewport().width() - 8)
        start = self.view.document().toPlainText()[: OPEN_LINES * 400]
        flags = Qt.TextFlag.TextWordWrap
        tall = self.view.fontMetrics().boundingRect(0, 0, width, 10**6, flags, start).height()
        self.view.setFixedHeight(min(tall + line, line * lines) + frame)

    def _update_label(self) -> None:
        if self._live:
            seconds = int(time.monotonic() - self._started)
            text = (
                self.tr("Thinking… {seconds} s").format(seconds=QLocale().toString(seconds))
                if seconds
                else self.tr("Thinking…")
            )
        elif self._ms is None:
            text = self.tr("Thoughts")
        elif self._ms < 1000:
            text = self.tr("Thought for less than a second")
        else:
            seconds = round(self._ms / 1000)
            if seconds < 60:
                text = self.tr("Thought for {seconds} s").format(
                    seconds=QLocale().toString(seconds)
                )
            else:
                text = self.tr("Thought for {minutes} min {seconds} s").format(
                    minutes=QLocale().toString(seconds // 60),
                    seconds=QLocale().toString(seconds % 60),
                )
        # QToolButton reads "&" as a shortcut marker: none of ours have one, but stay safe.
        self.toggle.setText(text.replace("&", "&&"))
        self.toggle.setToolTip(
            self.tr("Hide the thinking") if self.is_open() else self.tr("Show the thinking")
        )
