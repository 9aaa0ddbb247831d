"""One message in the conversation: header, rendered body, thumbnails, actions.

A reply is shown in two parts: the body holds the Markdown already rendered, and below
it the tail holds the text still arriving, as plain text. Each Markdown block is
rendered once, when complete, within a small budget per frame, and moves from the tail
to the body; so long replies never stall the event loop. While text pours in faster
than anyone reads, blocks wait in the tail until the flow slows or the reply ends.

Streamed text reaches the tail through a queued signal connected to Qt's own
``insertPlainText`` slot: Qt then inserts and lays it out from the event loop without
Python on the stack, so without holding the GIL, and the thread reading the stream
keeps running meanwhile. (Called from Python, the same insert holds the GIL throughout
and stalls the reader for as long as the layout takes.)
"""

from __future__ import annotations

import logging
import math
import time

from PySide6.QtCore import QCoreApplication, QEvent, QSizeF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPalette,
    QPixmap,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.lazy import serial_imports
from app.storage.records import Message
from app.ui.chat.markdown import render_markdown, stable_cuts
from app.ui.theme import is_dark

THUMBNAIL = 160
FRAME_MS = 16
STREAM_BUDGET_S = 0.003  # per frame while tokens arrive: leave the CPU to the stream
IDLE_BUDGET_S = 0.005  # per frame once complete; inserting the HTML takes ~twice as long
SYNC_BUDGET_S = 1.0
SYNC_CHARS = 4000
TAIL_WAIT_FRAMES = 30
RENDER_SHARE = 20  # while streaming, render at most 1/20 of the time (see _render_step)
RENDER_MAX_MS = 500
# Faster than this, Markdown waits (see _pouring): ~5,000 tokens a second, many times any
# model and far beyond reading speed, yet well below a stream that arrives all at once.
POURING_CHARS_PER_S = 20_000

log = logging.getLogger(__name__)


class MessageBody(QTextBrowser):
    """A QTextBrowser that is exactly as tall as its text: the list scrolls, not the body."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setOpenLinks(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(2)
        self.document().setUndoRedoEnabled(False)  # read-only: an undo stack only costs
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)

    # No Python overrides of Qt's virtual methods (resizeEvent, sizeHint) here: Qt calls
    # those during every layout and paint, and each call from C++ into Python takes the
    # GIL from the thread reading the stream.
    def _fit_height(self, size: QSizeF) -> None:
        # The signal brings the new size; asking document().size() instead would finish
        # laying out the whole document at once, in Python, holding the GIL.
        height = math.ceil(size.height()) + 4
        if height != self.height():
            self.setFixedHeight(height)


def _shown(text: str) -> str:
    """Text as the view keeps it. Qt makes one line break of "\r\n" (and of a lone
    "\r"), which would put its positions out of step with the text's; a lone surrogate
    (JSON allows one) cannot be shown at all."""
    if not text.isascii():
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text.replace("\r", "")


def _units(text: str) -> int:
    """Length in a QTextDocument's positions: UTF-16 code units, so an emoji counts two."""
    return len(text.encode("utf-16-le")) // 2


def _give_back_block_format(document: QTextDocument, position: int, html: str) -> None:
    """insertHtml merges the first block it inserts into the empty block at the cursor,
    which keeps its own plain format: a heading or paragraph rendered after earlier blocks
    lost its level and margins. Give it the format a whole render gives it. (A table or
    a list keeps its own; the block before it stays an empty separator, as before.)"""
    probe = QTextDocument()
    probe.setHtml(html)
    first = probe.begin()
    if first.textList() is not None or QTextCursor(probe).currentTable() is not None:
        return
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    cursor.setBlockFormat(first.blockFormat())


class MessageWidget(QFrame):
    copy_requested = Signal(str)
    regenerate_requested = Signal(int)
    retry_requested = Signal(int)
    _tail_text = Signal(str)  # queued to the tail's C++ insertPlainText slot

    def __init__(self, message: Message, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message_id = message.id
        self.role = message.role
        self._text = _shown(message.content)
        self._status: str = message.status
        self._error = message.error
        self._model = message.model
        self._code_blocks: list[str] = []
        self._rendered_upto = 0  # characters of _text already rendered as Markdown
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
        header.addWidget(self._regenerate)
        self._retry = self._tool(self.tr("Retry"), self.tr("Try this reply again"))
        self._retry.clicked.connect(lambda: self.retry_requested.emit(self.message_id))
        header.addWidget(self._retry)
        layout.addLayout(header)

        if message.attachments:
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
            layout.addLayout(strip)

        self.body = MessageBody(self)
        self.body.anchorClicked.connect(self._link_clicked)
        layout.addWidget(self.body)
        self.body.setVisible(message.role == "user")  # a reply's appears with its first block
        # Nothing may move the tail's own cursor (the insert slot writes at it), so it
        # takes no mouse or keys; it holds only the block still being written.
        self._tail = MessageBody(self)
        self._tail.setObjectName("message_tail")
        self._tail.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._tail.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._tail.hide()
        self._tail_text.connect(self._tail.insertPlainText, Qt.ConnectionType.QueuedConnection)
        layout.addWidget(self._tail)
        self._error_label = QLabel(self)
        self._error_label.setObjectName("message_error")
        self._error_label.setWordWrap(True)
        self._error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error_label.setStyleSheet("color: #d1242f;")
        layout.addWidget(self._error_label)
        self._start_render()
        self._update_chrome()

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    # --- state ----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def status(self) -> str:
        return self._status

    def set_can_regenerate(self, can: bool) -> None:
        self._regenerate.setVisible(
            can and self.role == "assistant" and self._status != "streaming"
        )

    def append(self, text: str) -> None:
        """Append streamed text to the plain tail; completed blocks become Markdown later."""
        text = _shown(text)
        self._text += text
        if self._tail.isHidden():
            self._tail.show()
        self._tail_text.emit(text)
        if not self._render_timer.isActive() and self.role == "assistant":
            self._render_timer.start()

    def resume(self, text: str) -> None:
        """Show a reply that is still streaming from scratch with what has arrived (its
        conversation was opened again): the stored checkpoint is older than ``text``."""
        self._render_timer.stop()
        self._text = _shown(text)
        self._seen_chars = len(self._text)  # shown at once, not poured in
        self._rendered_upto = 0
        self._code_blocks.clear()
        self.body.clear()
        self.body.hide()
        self._tail.setPlainText(self._text)
        self._tail.setVisible(bool(self._text))
        self._update_chrome()
        if self._text:
            self._render_timer.start()

    def finish(self, status: str, error: str = "", model: str = "") -> None:
        self._status = status
        self._error = error
        if model:
            self._model = model
        self._start_render()
        self._update_chrome()

    def set_status(self, status: str) -> None:
        self._status = status
        self._update_chrome()

    def _update_chrome(self) -> None:
        if self.role == "user":
            self._author.setText(self.tr("You"))
        else:
            self._author.setText(self._model or self.tr("Assistant"))
        states = {
            "streaming": self.tr("writing…"),
            "stopped": self.tr("stopped"),
            "failed": self.tr("failed"),
        }
        self._state.setText(states.get(self._status, ""))
        self._error_label.setText(self._error)
        self._error_label.setVisible(bool(self._error))
        self._retry.setVisible(self.role == "assistant" and self._status == "failed")
        self._copy.setEnabled(bool(self._text))

    def _start_render(self) -> None:
        if self.role == "user":
            self.body.setPlainText(self._text)
            return
        if self._rendered_upto == 0 and self._text and self._tail.isHidden():
            self._tail.setPlainText(self._text)  # a stored reply: shown plain until rendered
            self._tail.show()
        # Short texts render at once (nothing to see flicker); long ones over a few frames.
        self._render_step(budget=SYNC_BUDGET_S if len(self._text) < SYNC_CHARS else None)
        if self._rendered_upto < len(self._text):
            self._render_timer.start()

    def _render_step(self, budget: float | None = None) -> None:
        """Render the next completed Markdown blocks, within a time budget.

        Each block is rendered once, when it is complete, and put in place of the plain
        text that showed it so far; the still-growing tail stays plain. So the cost per
        frame is bounded whatever the length of the reply, and the GUI never stalls.
        """
        if not self._tail_is_current():
            self._render_timer.start()  # again next frame, after the pending inserts
            return
        streaming = self._status == "streaming"
        if streaming and self._pouring():
            self._render_timer.setInterval(FRAME_MS)
            self._render_timer.start()  # look again next frame
            return
        if budget is None:
            budget = STREAM_BUDGET_S if streaming else IDLE_BUDGET_S
        started = time.perf_counter()
        cuts = stable_cuts(self._text, self._rendered_upto, final=not streaming)
        if not cuts:
            self._render_timer.stop()
            return
        deadline = time.perf_counter() + budget
        pieces: list[str] = []
        upto = self._rendered_upto
        dark = is_dark()
        for cut in cuts:
            rendered = render_markdown(
                self._text[upto:cut],
                dark=dark,
                copy_label=self.tr("Copy"),
                code_offset=len(self._code_blocks),
            )
            self._code_blocks.extend(rendered.code_blocks)
            pieces.append(rendered.html)
            upto = cut
            if time.perf_counter() > deadline:
                break
        # The rendered blocks go to the end of the body and leave the front of the tail,
        # which holds exactly _text[_rendered_upto:] (see _tail_is_current).
        cursor = QTextCursor(self.body.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if self._rendered_upto:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        start = cursor.position()
        cursor.insertHtml("".join(pieces))
        if self._rendered_upto:
            _give_back_block_format(self.body.document(), start, pieces[0])
        self.body.show()
        tail = QTextCursor(self._tail.document())
        consumed = _units(self._text[self._rendered_upto : upto])
        tail.setPosition(consumed, QTextCursor.MoveMode.KeepAnchor)
        tail.removeSelectedText()
        self._rendered_upto = upto
        if upto >= len(self._text):
            self._tail.hide()
        if upto >= len(self._text) and not streaming:
            self._render_timer.stop()
        elif streaming:
            # Same rule as painting: rendering takes at most ~10% of the time while the
            # reply streams, however fast the tokens come.
            cost_ms = (time.perf_counter() - started) * 1000
            self._render_timer.setInterval(
                int(min(RENDER_MAX_MS, max(FRAME_MS, cost_ms * RENDER_SHARE)))
            )
        else:
            self._render_timer.setInterval(FRAME_MS)

    def _pouring(self) -> bool:
        """True while text arrives faster than POURING_CHARS_PER_S. Rendering then would
        only slow the stream itself (it holds the GIL the reader needs, and Qt lays the
        same text out twice): the tail shows it plain, and the blocks are rendered as
        soon as the flow slows, or when the reply ends."""
        now = time.perf_counter()
        arrived = len(self._text) - self._seen_chars
        elapsed = now - self._seen_at
        self._seen_chars, self._seen_at = len(self._text), now
        return arrived > elapsed * POURING_CHARS_PER_S

    def _tail_is_current(self) -> bool:
        """False while text sent to the tail is still queued: applying it here would lay
        it out in Python, holding the GIL, so the step waits a frame instead."""
        shown = self._tail.document().characterCount() - 1
        expected = _units(self._text[self._rendered_upto :])
        if shown == expected:
            self._tail_waits = 0
            return True
        if shown < expected and self._tail_waits < TAIL_WAIT_FRAMES:
            self._tail_waits += 1
            return False
        # Out of step for longer than any queue takes: apply what is queued, and if the
        # tail still differs, set it afresh rather than cut the wrong characters from it.
        log.warning("message tail out of step: %d shown, %d expected", shown, expected)
        QCoreApplication.sendPostedEvents(self._tail, QEvent.Type.MetaCall)
        if self._tail.document().characterCount() - 1 != expected:
            self._tail.setPlainText(self._text[self._rendered_upto :])
        self._tail_waits = 0
        return True

    def code_blocks(self) -> list[str]:
        return list(self._code_blocks)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == "copy":
            index = int(url.path() or -1)
            if 0 <= index < len(self._code_blocks):
                QGuiApplication.clipboard().setText(self._code_blocks[index])
        elif url.scheme() in ("http", "https"):
            with serial_imports:
                from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
