"""One message in the conversation: header, rendered body, thumbnails, actions.

A reply is shown in two parts: the body holds the Markdown already rendered, and below
it the tail holds the text still arriving, as plain text. Each Markdown block is cut off
once, when complete (``CutScanner`` looks at each character once), rendered to HTML on
the render lane (a worker thread, see ``render_lane``), and inserted into the body within
a small budget per frame, leaving the front of the tail; so however long the reply, the
GUI thread only ever does a frame's slice of work. While text pours in faster than anyone
reads, blocks wait in the tail until the flow slows or the reply ends.

Streamed text reaches the tail through a queued signal connected to Qt's own
``insertPlainText`` slot: Qt then inserts and lays it out from the event loop without
Python on the stack, so without holding the GIL, and the thread reading the stream
keeps running meanwhile. The tail shows the text as ``tail_view`` folds it (lines cut at
``LONG_LINE``, bidi controls visible), and we count the UTF-16 units sent to it, so the
front can be cut off exactly when a block moves to the body.

Nothing shown here is ever loaded from a path or URL: the body's documents only show
images the renderer decoded from size-capped ``data:`` URIs (``MessageBody.loadResource``
refuses everything else, also as a second line of defence).
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.lazy import serial_imports
from app.storage.records import Message, UsageRecord
from app.ui.chat.live_code import LiveCode
from app.ui.chat.markdown import (
    CutScanner,
    Labels,
    code_char_px,
    code_font,
)
from app.ui.chat.message_render import FRAME_MS, SYNC_CHARS, Piece, RenderedText, render_pieces
from app.ui.chat.message_text import (
    FoldedLineDialog,
    MessageBody,
    PlainTail,
    tail_view,
)
from app.ui.chat.message_text import shown_text as _shown
from app.ui.chat.render_lane import RenderLane, shared_lane
from app.ui.chat.reply_details import ReplyDetailsLine
from app.ui.chat.thinking_block import ThinkingBlock
from app.ui.theme import is_dark

THUMBNAIL = 160
log = logging.getLogger(__name__)


class MessageWidget(RenderedText, QFrame):
    copy_requested = Signal(str)
    regenerate_requested = Signal(int)
    retry_requested = Signal(int)
    _tail_text = Signal(str)  # queued to the tail's C++ insertPlainText slot

    def __init__(
        self, message: Message, parent: QWidget | None = None, lane: RenderLane | None = None
    ) -> None:
        super().__init__(parent)
        self.message_id = message.id
        self.role = message.role
        self._record = message
        self._lane = lane or shared_lane()
        self._text = _shown(message.content)
        self._status: str = message.status
        self._error = message.error
        self._model = message.model
        self._can_regenerate = False
        self._code_blocks: list[str] = []
        self._folds: list[str] = []
        self._images = 0
        self._scanner = CutScanner()
        self._cuts: deque[int] = deque()  # found, not yet handed to the lane
        self._sent_upto = 0  # text[:_sent_upto] handed to the lane
        self._ready: deque[Piece] = deque()  # rendered, waiting to be inserted in order
        self._in_flight = 0
        self._insert_cost = 1e-6  # seconds per character inserted into the body, measured
        self._generation = 0  # bumped when the view starts afresh; late results dropped
        self._rendered_upto = 0  # text[:_rendered_upto] is in the body
        self._tail_from = 0  # the tail shows tail_view(text[_tail_from:])
        self._tail_column = 0  # column the tail's last line has reached
        self._tail_waits = 0  # frames a render step has waited for queued tail inserts
        self._seen_chars = len(self._text)  # how much had arrived at the last render step
        self._seen_at = time.perf_counter()
        self._render_timer = QTimer(self)
        self._render_timer.setInterval(FRAME_MS)
        # Queued, so a render step runs after the tail inserts posted before it.
        self._render_timer.timeout.connect(self._render_step, Qt.ConnectionType.QueuedConnection)

        self.setObjectName("message_" + message.role)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        role = (
            QPalette.ColorRole.AlternateBase if message.role == "user" else QPalette.ColorRole.Base
        )
        palette.setColor(QPalette.ColorRole.Window, palette.color(role))
        self.setPalette(palette)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        header = QHBoxLayout()
        self._header = header
        self._author = QLabel(self)
        self._author.setTextFormat(Qt.TextFormat.PlainText)
        font = self._author.font()
        font.setBold(True)
        self._author.setFont(font)
        header.addWidget(self._author)
        self._state = QLabel(self)
        self._state.setObjectName("message_state")
        header.addWidget(self._state, 1)
        self._copy = self._tool(self.tr("Copy"), self.tr("Copy this message"))
        self._copy.clicked.connect(lambda: self.copy_requested.emit(self._text))
        header.addWidget(self._copy)
        self._regenerate = self._tool(self.tr("Regenerate"), self.tr("Ask for this reply again"))
        self._regenerate.clicked.connect(lambda: self.regenerate_requested.emit(self.message_id))
        self._regenerate.hide()
        header.addWidget(self._regenerate)
        self._retry = self._tool(self.tr("Retry"), self.tr("Try this reply again"))
        self._retry.clicked.connect(lambda: self.retry_requested.emit(self.message_id))
        header.addWidget(self._retry)
        layout.addLayout(header)

        if message.attachments:
            layout.addLayout(self._thumbnails(message))

        self.body = MessageBody(self)
        self.body.anchorClicked.connect(self._link_clicked)
        layout.addWidget(self.body)
        self.body.setVisible(message.role == "user")  # a reply's appears with its first block
        self._bodies = [self.body]  # a long reply's body goes on in more (see BODY_CHUNK)
        self._layout = layout
        # Issue 16: the reply's thinking, above its answer; built only for a reply that
        # has some (most messages never need one: see the ``thinking`` property).
        self._thinking: ThinkingBlock | None = None
        if message.thinking:
            self.thinking.show_stored(
                message.thinking, message.thinking_ms, message.status == "streaming"
            )
        self._tail = PlainTail(self, self.body, layout, self._tail_text)  # the text still arriving
        self._live_code = LiveCode(is_dark(), code_font())  # code styled before it is complete
        self._error_label = QLabel(self)
        self._error_label.setObjectName("message_error")
        self._error_label.setWordWrap(True)
        self._error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error_palette = self._error_label.palette()
        error_palette.setColor(QPalette.ColorRole.WindowText, QColor("#d1242f"))
        self._error_label.setPalette(error_palette)
        self._error_label.hide()
        layout.addWidget(self._error_label)
        self._details = ReplyDetailsLine(self, self._lane)
        layout.addWidget(self._details)
        self._start_render()
        self._update_chrome()

    def add_control(self, widget: QWidget, leading: bool = False) -> None:
        """A control another feature puts in the header: before Copy, or ``leading``
        the other controls (issue 16: Edit, the version pager in branch_pager.py)."""
        anchor = self._state if leading else self._copy
        self._header.insertWidget(self._header.indexOf(anchor) + int(leading), widget)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _thumbnails(self, message: Message) -> QHBoxLayout:
        strip = QHBoxLayout()
        for attachment in message.attachments:
            thumb = QLabel(self)
            thumb.setObjectName("thumbnail")
            image = QImage.fromData(attachment.data)
            if not image.isNull():
                thumb.setPixmap(
                    QPixmap.fromImage(image).scaled(
                        THUMBNAIL,
                        THUMBNAIL,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            thumb.setToolTip(attachment.name)
            strip.addWidget(thumb)
        strip.addStretch(1)
        return strip

    # --- state ----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def status(self) -> str:
        return self._status

    def record(self) -> Message:
        """The message as this view now shows it (text and status may be newer than the
        record it was made from): what the list keeps when the view is released."""
        return replace(
            self._record,
            content=self._text,
            status=self._status,  # type: ignore[arg-type]
            error=self._error,
            model=self._model,
            thinking=self._thinking.text() if self._thinking else self._record.thinking,
            thinking_ms=self._thinking.ms if self._thinking else self._record.thinking_ms,
        )

    @property
    def thinking(self) -> ThinkingBlock:
        """The thinking block (issue 16), built the first time it is needed."""
        if self._thinking is None:
            self._thinking = ThinkingBlock(self)
            self._layout.insertWidget(self._layout.indexOf(self.body), self._thinking)
        return self._thinking

    def feed_thinking(self, text: str, ms: int | None) -> None:
        """A frame's thinking (``StreamController``'s thinking sink)."""
        if text or self._thinking is not None:
            was_live = self.thinking.live
            self.thinking.feed(text, ms)
            if self.thinking.live != was_live:
                self._update_chrome()  # "thinking…" in the header, then "writing…"

    def is_rendering(self) -> bool:
        """True until every block of the text is in the body (or shown plain)."""
        return self._render_timer.isActive()

    def set_can_regenerate(self, can: bool) -> None:
        if can != self._can_regenerate:
            self._can_regenerate = can
            self._update_regenerate()

    def _update_regenerate(self) -> None:
        show = self._can_regenerate and self.role == "assistant" and self._status != "streaming"
        if show != self._regenerate.isVisibleTo(self):
            self._regenerate.setVisible(show)

    def append(self, text: str) -> None:
        """Append streamed text to the plain tail; completed blocks become Markdown later."""
        text = _shown(text)
        self._text += text
        shown, self._tail_column = tail_view(text, self._tail_column)
        self._tail.append(shown)
        if not self._render_timer.isActive() and self.role == "assistant":
            self._render_timer.start()

    def resume(self, text: str) -> None:
        """Show a reply that is still streaming from scratch with what has arrived (its
        conversation was opened again): the stored checkpoint is older than ``text``."""
        self._text = _shown(text)
        self._seen_chars = len(self._text)  # shown at once, not poured in
        self._restart()
        self._update_chrome()

    def finish(
        self, status: str, error: str = "", model: str = "", usage: UsageRecord | None = None
    ) -> None:
        if status != "streaming" and self._thinking is not None:
            self._thinking.finish()  # folds, if its end was not told already
        self._status = status
        self._error = error
        if model:
            self._model = model
        if usage is not None:
            self._record = replace(self._record, usage=usage)
        if self.role == "user":
            self._start_render()
        elif (
            status != "streaming"
            and not self._in_flight
            and len(self._text) - self._rendered_upto <= SYNC_CHARS
            and self._tail_is_current()
        ):
            # The little left is rendered at once: the reply ends formatted, no frame
            # of plain text first (a short reply's whole cost is a millisecond or two).
            # "Left" counts what is rendered but not yet in the body: inserting a
            # backlog here, with no deadline, stalled the window 10 ms at a reply's end.
            self._cuts.extend(self._scanner.feed(self._text, final=True))
            cuts: list[tuple[int, int, str]] = []
            while self._cuts:
                cut = self._cuts.popleft()
                if cut > self._sent_upto:
                    cuts.append((self._sent_upto, cut, self._prefix(self._sent_upto)))
                self._sent_upto = cut
            self._ready.extend(render_pieces(self._text, cuts, True, is_dark(), self._labels()))
            self._insert_ready(deadline=math.inf)
            self._render_timer.stop()
        elif not self._render_timer.isActive():
            self._render_timer.setInterval(FRAME_MS)
            self._render_timer.start()
        self._update_chrome()

    def set_status(self, status: str) -> None:
        self._status = status
        self._update_chrome()

    def _update_chrome(self) -> None:
        if self.role == "user":
            self._author.setText(self.tr("You"))
        else:
            self._author.setText(self._model or self.tr("Assistant"))
        thinking = self._thinking is not None and self._thinking.live
        states = {
            "streaming": self.tr("thinking…") if thinking else self.tr("writing…"),
            "stopped": self.tr("stopped"),
            "failed": self.tr("failed"),
        }
        self._state.setText(states.get(self._status, ""))
        if self._error or self._error_label.text():
            self._error_label.setText(self._error)
            self._error_label.setVisible(bool(self._error))
        retry = self.role == "assistant" and self._status == "failed"
        if retry != self._retry.isVisibleTo(self):
            self._retry.setVisible(retry)
        self._update_regenerate()
        self._copy.setEnabled(bool(self._text))
        if self.role == "assistant":
            self._details.show_for(self._status, self._record.usage)

    # --- rendering ------------------------------------------------------------------------

    def _labels(self) -> Labels:
        return Labels(
            copy=self.tr("Copy"),
            image=self.tr("Image: {alt}"),
            image_too_large=self.tr("Image not shown: {alt} ({size} KB)"),
            fold=self.tr("Show the whole line ({count} characters)"),
            flattened=self.tr("Nested too deeply to lay out; shown as written:"),
            code_font=code_font(),
            code_char_px=code_char_px(),
        )

    def code_blocks(self) -> list[str]:
        return list(self._code_blocks)

    def folded_lines(self) -> list[str]:
        return list(self._folds)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("copy", "fold"):
            index = int(url.path()) if url.path().isdigit() else -1
            items = self._code_blocks if url.scheme() == "copy" else self._folds
            if not 0 <= index < len(items):
                return
            if url.scheme() == "copy":
                QGuiApplication.clipboard().setText(items[index])
            else:
                self.show_folded(index)
        elif url.scheme() in ("http", "https"):
            with serial_imports:
                from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)

    def show_folded(self, index: int, opener: Callable[[QDialog], Any] | None = None) -> None:
        dialog = FoldedLineDialog(self._folds[index], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        (opener or QDialog.open)(dialog)
