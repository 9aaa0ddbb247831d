"""The message box: Enter sends, Shift+Enter breaks the line; images by button, paste or drop."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.storage.records import Attachment

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp")


def image_attachment(image: QImage, name: str) -> Attachment:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes, the binding a str
    return Attachment("image/png", bytes(data.data()), name)


class MessageEdit(QPlainTextEdit):
    submit = Signal()
    images_pasted = Signal(list)  # list[Attachment]
    files_dropped = Signal(list)  # list[str] paths

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submit.emit()
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasImage():
            image = QImage(source.imageData())
            if not image.isNull():
                self.images_pasted.emit([image_attachment(image, "pasted.png")])
                return
        if source.hasUrls():
            paths = [
                url.toLocalFile()
                for url in source.urls()
                if url.isLocalFile() and url.toLocalFile().lower().endswith(IMAGE_SUFFIXES)
            ]
            if paths:
                self.files_dropped.emit(paths)
                return
        super().insertFromMimeData(source)


class Composer(QWidget):
    """Text plus pending image attachments; emits ``send_requested`` with both."""

    send_requested = Signal(str, list)  # text, list[Attachment]
    stop_requested = Signal()
    attach_requested = Signal()
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attachments: list[Attachment] = []
        self._streaming = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._strip = QHBoxLayout()
        self._strip.addStretch(1)
        layout.addLayout(self._strip)
        row = QHBoxLayout()
        self.edit = MessageEdit(self)
        self.edit.setObjectName("composer")
        self.edit.setPlaceholderText(self.tr("Message — Enter to send, Shift+Enter for a new line"))
        self.edit.setTabChangesFocus(True)
        self.edit.document().contentsChanged.connect(self._fit_height)
        self._fit_height()
        self.edit.submit.connect(self._submit)
        self.edit.images_pasted.connect(self.add_attachments)
        self.edit.files_dropped.connect(self.files_dropped)
        row.addWidget(self.edit, 1)
        buttons = QVBoxLayout()
        self.attach_button = QToolButton(self)
        self.attach_button.setText(self.tr("Image…"))
        self.attach_button.setToolTip(self.tr("Attach an image (vision models)"))
        self.attach_button.clicked.connect(self.attach_requested)
        buttons.addWidget(self.attach_button)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("send")
        self.send_button.clicked.connect(self._send_or_stop)
        buttons.addWidget(self.send_button)
        row.addLayout(buttons)
        layout.addLayout(row)

    def _fit_height(self) -> None:
        """Three lines to start, growing with the text up to ten, then it scrolls."""
        line = self.edit.fontMetrics().lineSpacing()
        lines = max(3, min(10, int(self.edit.document().size().height())))
        margins = self.edit.contentsMargins()
        frame = 2 * self.edit.frameWidth() + margins.top() + margins.bottom() + 8
        self.edit.setFixedHeight(lines * line + frame)

    # --- attachments ----------------------------------------------------------------------

    def add_attachments(self, attachments: list[Attachment]) -> None:
        for attachment in attachments:
            self._attachments.append(attachment)
            thumb = QLabel(self)
            thumb.setObjectName("pending_thumbnail")
            image = QImage.fromData(attachment.data)
            thumb.setPixmap(
                QPixmap.fromImage(image).scaled(
                    56,
                    56,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            thumb.setToolTip(attachment.name)
            self._strip.insertWidget(self._strip.count() - 1, thumb)

    def attachments(self) -> list[Attachment]:
        return list(self._attachments)

    def clear(self) -> None:
        self.edit.clear()
        self._attachments.clear()
        while self._strip.count() > 1:
            item = self._strip.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()

    def set_vision(self, vision: bool) -> None:
        self.attach_button.setEnabled(vision)
        self.attach_button.setToolTip(
            self.tr("Attach an image")
            if vision
            else self.tr("This model cannot see images; choose a vision model to attach one")
        )

    # --- sending ---------------------------------------------------------------------------

    def set_streaming(self, streaming: bool) -> None:
        self._streaming = streaming
        self.send_button.setText(self.tr("Stop") if streaming else self.tr("Send"))
        self.send_button.setToolTip(
            self.tr("Stop the reply and keep what arrived") if streaming else ""
        )

    def _send_or_stop(self) -> None:
        if self._streaming:
            self.stop_requested.emit()
        else:
            self._submit()

    def _submit(self) -> None:
        if self._streaming:
            return
        text = self.edit.toPlainText().strip()
        if not text and not self._attachments:
            return
        # The text stays in the box until it is safely stored; the panel clears it then.
        self.send_requested.emit(text, list(self._attachments))
