"""The plain-text parts of a message view: the body widget, the plain tail, the
whole-line viewer, and how plain text is shown (folded lines, bidi controls visible).

Nothing shown here is ever loaded from a path or URL: a body's document only shows
images the renderer decoded from size-capped ``data:`` URIs (``MessageBody.loadResource``
refuses everything else, a second line of defence behind the renderer).
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSizeF, Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QPlainTextEdit,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.ui.chat.markdown import LONG_LINE, fold_line, neutralize_bidi

TAIL_CHUNK = 8_000  # the plain tail is kept in chunks about this long (see PlainTail)
# Text the tail's documents take in one share, at most, and how often: Qt lays plain
# text out at ~0.2 ms a kilobyte here, so a share is ~3 ms of a frame. 8 KB every 4 ms
# did a little better for a poured 200 KB reply, but relaid a poured 10 MB reply's
# ~1,250 chunks four times as often (fully rendered after 128 s, not 29 s).
SHARE_CHARS = 16_000
SHARE_S = 0.016
# However long the backlog, it goes in a share a frame: the text on screen falls behind
# only a stream faster than ~1 MB a second (hostile: ~200,000 tokens a second). Bigger
# bites past 256 KB of backlog kept it closer, but built ~32 chunk widgets in one event:
# a 10 MB reply poured in stalled the window 89–166 ms, against 12 ms a share at a time,
# and was fully rendered no sooner (185 s either way, tests/bench/bench_view.py).
FOLD_VIEW_CHUNK = 1000  # the whole-line viewer breaks a line into blocks this long

log = logging.getLogger(__name__)


class MessageBody(QTextBrowser):
    """A QTextBrowser that is exactly as tall as its text: the list scrolls, not the body."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
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

    # No Python overrides of Qt's virtual methods that run during layout or paint
    # (resizeEvent, sizeHint): each call from C++ into Python takes the GIL from the
    # thread reading the stream. loadResource runs only for a resource the document does
    # not hold, which our HTML never names.
    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Refuse every resource (QTextBrowser would read any local file or path a reply
        names). A value that is not null stops QTextDocument reading the file itself."""
        log.warning("refused to load %s for a message", QUrl(name).toString()[:200])
        return QImage() if kind == QTextDocument.ResourceType.ImageResource.value else ""

    def _fit_height(self, size: QSizeF) -> None:
        # The signal brings the new size; asking document().size() instead would finish
        # laying out the whole document at once, in Python, holding the GIL.
        height = math.ceil(size.height()) + 4
        if height != self.height():
            self.setFixedHeight(height)


def shown_text(text: str) -> str:
    """Text as the view keeps it. Qt makes one line break of "\r\n" (and of a lone
    "\r"), which would put its positions out of step with the text's; a lone surrogate
    (JSON allows one) cannot be shown at all."""
    if not text.isascii():
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text.replace("\r", "")


def text_units(text: str) -> int:
    """Length in a QTextDocument's positions: UTF-16 code units, so an emoji counts two."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def tail_view(text: str, column: int) -> tuple[str, int]:
    """How the plain tail shows ``text`` when it continues a line already ``column``
    characters long: lines folded at LONG_LINE, bidi controls visible. Returns the shown
    text and the column where it ends. Applying it piece by piece gives the same as in
    one go, so the tail can be fed as text streams in."""
    if "\n" not in text and column + len(text) <= LONG_LINE:
        return neutralize_bidi(text), column + len(text)
    out: list[str] = []
    for index, part in enumerate(text.split("\n")):
        if index:
            out.append("\n")
            column = 0
        room = LONG_LINE - column
        if room > 0:
            out.append(part[:room])
        if column <= LONG_LINE < column + len(part):
            out.append("…")
        column += len(part)
    return neutralize_bidi("".join(out)), column


def plain_view(text: str) -> str:
    """A whole text as the tail or a user message shows it."""
    return neutralize_bidi("\n".join(fold_line(line) for line in text.split("\n")))


class PlainTail:
    """The plain tail, in chunks of about TAIL_CHUNK characters, each its own document.

    Cutting rendered text from the front of one big document made Qt lay all of it out
    again, every frame (2–11 ms for a 200 KB reply that poured in); dropping a whole
    chunk costs nothing, and cutting into the first costs at most a chunk's layout.
    Chunks meet at a line break, which belongs to neither (it counts one unit).

    Building a chunk (a QTextBrowser, polished) takes ~3 ms: done inside a stream's
    frame it made that frame's stall. The next chunk is built on its own turn of the
    event loop once the last is half full, and is waiting when the text reaches it.

    Text that comes faster than that waits in a backlog: 64 KB poured into the tail at
    once was one insert of 13–18 ms. The documents take at most SHARE_CHARS every
    SHARE_S, and the backlog follows a share at a time.
    """

    def __init__(self, owner: QWidget, after: QWidget, layout: QVBoxLayout, signal: Any) -> None:
        self._owner = owner
        self._after = after  # the chunks go below this widget
        self._layout = layout
        self._signal = signal
        self.chunks: list[MessageBody] = []
        self.units: list[int] = []
        self._spare: MessageBody | None = None
        self._spare_due = False
        self._backlog: deque[str] = deque()
        self._backlog_chars = 0
        self._share_began = 0.0
        self._share_chars = 0  # sent to the documents since _share_began
        self._drain_timer = QTimer(owner)
        self._drain_timer.timeout.connect(self._drain)
        self._add_chunk()

    def _new_chunk(self) -> MessageBody:
        chunk = MessageBody(self._owner)
        chunk.setObjectName("message_tail")
        # Nothing may move a chunk's own cursor (the insert slot writes at it), so it
        # takes no mouse or keys.
        chunk.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        chunk.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chunk.hide()
        chunk.ensurePolished()
        return chunk

    def _prepare_spare(self) -> None:
        self._spare_due = False
        if self._spare is None:
            self._spare = self._new_chunk()

    def _add_chunk(self) -> MessageBody:
        chunk, self._spare = self._spare or self._new_chunk(), None
        if self.chunks:
            self._signal.disconnect(self.chunks[-1].insertPlainText)
            index = self._layout.indexOf(self.chunks[-1]) + 1
        else:
            index = self._layout.indexOf(self._after) + 1
        self._layout.insertWidget(index, chunk)
        if self.chunks:  # the first shows once it has text (append, reset)
            chunk.show()
        self._signal.connect(chunk.insertPlainText, Qt.ConnectionType.QueuedConnection)
        self.chunks.append(chunk)
        self.units.append(0)
        return chunk

    def total(self) -> int:
        """Units sent to the documents (the backlog not counted)."""
        return sum(self.units) + len(self.units) - 1

    def text(self) -> str:
        return "\n".join(chunk.toPlainText() for chunk in self.chunks)

    def is_empty(self) -> bool:
        return self.total() == 0 and not self._backlog

    def draining(self) -> bool:
        """Text is still waiting in the backlog."""
        return bool(self._backlog)

    def append(self, shown: str) -> None:
        if not shown:
            return
        now = time.perf_counter()
        if now - self._share_began >= SHARE_S:
            self._share_began, self._share_chars = now, 0
        room = SHARE_CHARS - self._share_chars
        if not self._backlog and len(shown) <= room:
            self._send(shown)
            return
        if not self._backlog and room > 0:
            self._send(shown[:room])
            shown = shown[room:]
        self._backlog.append(shown)
        self._backlog_chars += len(shown)
        if not self._drain_timer.isActive():
            # The next share goes in when this one's time is up, not a whole period later.
            left_ms = (self._share_began + SHARE_S - now) * 1000
            self._drain_timer.start(max(1, math.ceil(left_ms)))

    def _drain(self) -> None:
        """A share of the backlog."""
        self._share_began, self._share_chars = time.perf_counter(), 0
        bite = SHARE_CHARS
        parts: list[str] = []
        while self._backlog and bite > 0:
            head = self._backlog.popleft()
            if len(head) > bite:
                head, rest = head[:bite], head[bite:]
                self._backlog.appendleft(rest)
            parts.append(head)
            bite -= len(head)
            self._backlog_chars -= len(head)
        if parts:
            self._send("".join(parts))
        if self._backlog:
            self._drain_timer.start(round(SHARE_S * 1000))
        else:
            self._drain_timer.stop()

    def _send(self, shown: str) -> None:
        """Into the documents: the last chunk, and new ones at line breaks once it holds
        TAIL_CHUNK (also inside one long piece, so no chunk grows far past that)."""
        self._share_chars += len(shown)
        if self.chunks[0].isHidden():
            self.chunks[0].show()
        while "\n" in shown:
            need = TAIL_CHUNK - self.units[-1]  # characters until this chunk is full
            if need > 0 and len(shown) <= need:
                break
            cut = shown.find("\n", max(need, 0))
            if cut < 0:
                break
            head, shown = shown[:cut], shown[cut + 1 :]
            if head:
                self.units[-1] += text_units(head)
                self._signal.emit(head)
            self._add_chunk()
        if shown:
            self.units[-1] += text_units(shown)
            self._signal.emit(shown)
        if self.units[-1] >= TAIL_CHUNK // 2 and self._spare is None and not self._spare_due:
            self._spare_due = True
            QTimer.singleShot(0, self._owner, self._prepare_spare)

    def reset(self, shown: str) -> None:
        self._backlog.clear()
        self._backlog_chars = 0
        self._drain_timer.stop()
        while len(self.chunks) > 1:
            self._drop(len(self.chunks) - 1, reconnect=True)
        chunk = self.chunks[0]
        # Inserts still queued for it would land after the new text: it replaces them.
        QCoreApplication.removePostedEvents(chunk, QEvent.Type.MetaCall)
        chunk.setPlainText(shown)
        # setPlainText leaves the cursor at the start, and streamed text is inserted at
        # the cursor: without this, text arriving after a resume went before the old.
        chunk.moveCursor(QTextCursor.MoveOperation.End)
        self.units[0] = text_units(shown)
        chunk.setVisible(bool(shown))

    def _drop(self, index: int, reconnect: bool = False) -> None:
        chunk = self.chunks.pop(index)
        self.units.pop(index)
        if reconnect:
            self._signal.disconnect(chunk.insertPlainText)
            self._signal.connect(
                self.chunks[-1].insertPlainText, Qt.ConnectionType.QueuedConnection
            )
        chunk.hide()
        self._layout.removeWidget(chunk)
        chunk.deleteLater()

    def consume(self, units: int) -> None:
        """Cut ``units`` from the front (what the body now shows). Only sent text is
        cut: the caller waits while the tail is draining."""
        while units > 0:
            if len(self.chunks) > 1 and units >= self.units[0] + 1:
                units -= self.units[0] + 1
                self._drop(0)
                continue
            cursor = QTextCursor(self.chunks[0].document())
            cursor.setPosition(min(units, self.units[0]), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            self.units[0] -= min(units, self.units[0])
            units = 0
        if self.is_empty():
            self.chunks[0].hide()

    def in_step(self) -> bool:
        """Every piece sent has been inserted (none still queued)."""
        return all(
            chunk.document().characterCount() - 1 == units
            for chunk, units in zip(self.chunks, self.units, strict=True)
        )

    def shown_units(self) -> int:
        return sum(c.document().characterCount() - 1 for c in self.chunks) + len(self.chunks) - 1

    def apply_queued(self) -> None:
        for chunk in self.chunks:
            QCoreApplication.sendPostedEvents(chunk, QEvent.Type.MetaCall)


class FoldedLineDialog(QDialog):
    """A folded line, whole: in blocks of FOLD_VIEW_CHUNK characters, so Qt lays out only
    what is on screen, and with a button to copy it."""

    def __init__(self, line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Whole line ({count} characters)").format(count=QLocale().toString(len(line)))
        )
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setUndoRedoEnabled(False)
        chunks = (line[i : i + FOLD_VIEW_CHUNK] for i in range(0, len(line), FOLD_VIEW_CHUNK))
        self.view.setPlainText(neutralize_bidi("\n".join(chunks)))
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(self.tr("Copy line"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(line))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
