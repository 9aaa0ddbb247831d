"""One message in the conversation: header, rendered body, thumbnails, actions.

While a reply streams, text is appended to the document as plain text (cheap, once per
frame); the Markdown rendering is refreshed on a slower, adaptive timer and once more when
the reply ends, so long replies never stall the event loop.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPalette, QPixmap, QResizeEvent, QTextCursor
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
from app.ui.chat.markdown import render_markdown
from app.ui.theme import is_dark

THUMBNAIL = 160


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
        self.document().setTextWidth(self.viewport().width())
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
        self._last_render = 0.0
        self._render_cost = 0.0
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.timeout.connect(self._render)

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
        self._render()
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
        """Append streamed text: plain insert now, Markdown soon (adaptive throttle)."""
        self._text += text
        cursor = QTextCursor(self.body.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        if not self._render_timer.isActive():
            # Re-rendering costs grow with the text; keep them under ~10% of the time.
            self._render_timer.start(int(max(250.0, self._render_cost * 10_000)))

    def finish(self, status: str, error: str = "", model: str = "") -> None:
        self._status = status
        self._error = error
        if model:
            self._model = model
        self._render_timer.stop()
        self._render()
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

    def _render(self) -> None:
        started = time.perf_counter()
        if self.role == "user":
            self.body.setPlainText(self._text)
            self._code_blocks = []
        else:
            rendered = render_markdown(self._text, dark=is_dark(), copy_label=self.tr("Copy"))
            self._code_blocks = rendered.code_blocks
            self.body.setHtml(rendered.html)
        self._render_cost = time.perf_counter() - started

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
