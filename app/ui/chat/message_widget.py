"""One message in the conversation: header, rendered body, thumbnails, actions.

While a reply streams, text is appended to the document as plain text (cheap, once per
frame), and each Markdown block is rendered once, when complete, within a small budget
per frame, so long replies never stall the event loop.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPalette,
    QPixmap,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
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

from app.storage.records import Message
from app.ui.chat.markdown import render_markdown, stable_cuts
from app.ui.theme import is_dark

THUMBNAIL = 160
FRAME_MS = 16
STREAM_BUDGET_S = 0.003  # per frame while tokens arrive: leave the CPU to the stream
IDLE_BUDGET_S = 0.010  # per frame once the reply is complete
SYNC_BUDGET_S = 1.0
SYNC_CHARS = 4000


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
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)

    def _fit_height(self) -> None:
        height = int(self.document().size().height()) + 4
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Only a new width changes the layout; our own height changes must not trigger a
        # relayout of the whole document (that made long replies stall the GUI).
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(400, int(self.document().size().height()) + 4)


class MessageWidget(QFrame):
    copy_requested = Signal(str)
    regenerate_requested = Signal(int)
    retry_requested = Signal(int)

    def __init__(self, message: Message, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message_id = message.id
        self.role = message.role
        self._text = message.content
        self._status: str = message.status
        self._error = message.error
        self._model = message.model
        self._code_blocks: list[str] = []
        self._rendered_upto = 0  # characters of _text already rendered as Markdown
        self._separated = False  # a block break stands between the rendered HTML and the tail
        self._render_timer = QTimer(self)
        self._render_timer.setInterval(FRAME_MS)
        self._render_timer.timeout.connect(self._render_step)

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
        """Append streamed text as plain text; completed blocks become Markdown per frame."""
        cursor = QTextCursor(self.body.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if self._rendered_upto and not self._separated:
            # Everything so far is rendered: start the plain tail on a block of its own.
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            self._separated = True
        self._text += text
        cursor.insertText(text, QTextCharFormat())
        if not self._render_timer.isActive() and self.role == "assistant":
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
        if self._rendered_upto == 0 and self._text and self.body.document().isEmpty():
            cursor = QTextCursor(self.body.document())
            cursor.insertText(self._text, QTextCharFormat())
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
        streaming = self._status == "streaming"
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
        for cut in cuts:
            rendered = render_markdown(
                self._text[upto:cut],
                dark=is_dark(),
                copy_label=self.tr("Copy"),
                code_offset=len(self._code_blocks),
            )
            self._code_blocks.extend(rendered.code_blocks)
            pieces.append(rendered.html)
            upto = cut
            if time.perf_counter() > deadline:
                break
        # The document is [rendered HTML][block break][plain tail]; insertText put one
        # position per character of the tail. Positions are counted back from the end,
        # which insertHtml cannot disturb, and only the consumed characters are replaced,
        # so the rest of the tail is neither removed nor laid out again.
        document = self.body.document()
        tail_length = len(self._text) - self._rendered_upto
        consumed = upto - self._rendered_upto
        remaining = tail_length - consumed
        end = document.characterCount() - 1
        start = end - tail_length - (1 if self._separated else 0)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end - remaining, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if self._rendered_upto:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        cursor.insertHtml("".join(pieces))
        self._rendered_upto = upto
        self._separated = False
        if remaining:
            cursor.setPosition(document.characterCount() - 1 - remaining)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            self._separated = True
        cursor.endEditBlock()
        if upto >= len(self._text) and not streaming:
            self._render_timer.stop()
        elif streaming:
            # Same rule as painting: rendering takes at most ~10% of the time while the
            # reply streams, however fast the tokens come.
            cost_ms = (time.perf_counter() - started) * 1000
            self._render_timer.setInterval(int(min(250, max(FRAME_MS, cost_ms * 10))))
        else:
            self._render_timer.setInterval(FRAME_MS)

    def code_blocks(self) -> list[str]:
        return list(self._code_blocks)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == "copy":
            index = int(url.path() or -1)
            if 0 <= index < len(self._code_blocks):
                QGuiApplication.clipboard().setText(self._code_blocks[index])
        elif url.scheme() in ("http", "https"):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
