"""The message box: Enter sends, Shift+Enter breaks the line; images by button, paste or drop;
documents (text, code, PDF, DOCX) by button or drop, their text sent with the message.

Pending images show as chips with a × to remove them. They belong to the conversation
they were attached in: ``switch_conversation`` keeps each conversation's unsent text
and images apart, so a picture never slips into the next conversation. A model that
cannot see images is never sent one: pasting is refused and so is sending, each with a
line saying why (``app.chat.attachments`` holds the rules).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.chat.documents import Document, compose_message
from app.engines.tokens import estimate_text_tokens
from app.storage.records import Attachment
from app.ui.chat.document_chips import DocumentChip, fit_warning

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp")
DraftKey = int | None
"""A conversation id, or None for the conversation not started yet."""


def image_attachment(image: QImage, name: str) -> Attachment:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes, the binding a str
    return Attachment("image/png", bytes(data.data()), name)


@dataclass
class Draft:
    """What is typed but not sent yet in one conversation."""

    text: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.text.strip() or self.attachments or self.documents)


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
            # Every local file goes to the loader, which decides by content, not by name.
            paths = [url.toLocalFile() for url in source.urls() if url.isLocalFile()]
            if paths:
                self.files_dropped.emit(paths)
                return
        super().insertFromMimeData(source)


class AttachmentChip(QWidget):
    """A thumbnail and a × that removes it."""

    remove_requested = Signal(object)  # the chip

    def __init__(self, attachment: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachment_chip")
        self.attachment = attachment
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.thumb = QLabel(self)
        self.thumb.setObjectName("pending_thumbnail")
        image = QImage.fromData(attachment.data)
        self.thumb.setPixmap(
            QPixmap.fromImage(image).scaled(
                56,
                56,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.thumb.setToolTip(attachment.name)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("remove_attachment")
        self.remove_button.setText("×")
        self.remove_button.setToolTip(self.tr("Remove {name}").format(name=attachment.name))
        self.remove_button.setAccessibleName(self.tr("Remove image"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        layout.addWidget(self.thumb)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)


class Composer(QWidget):
    """Text plus pending image attachments; emits ``send_requested`` with both."""

    send_requested = Signal(str, list)  # text (with the documents' text), list[Attachment]
    stop_requested = Signal()
    attach_requested = Signal()
    document_requested = Signal()
    files_dropped = Signal(list)
    draft_edited = Signal(object)  # the DraftKey whose text or attachments changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attachments: list[Attachment] = []
        self._chips: list[AttachmentChip] = []
        self._documents: list[Document] = []
        self._document_chips: list[DocumentChip] = []
        self._budget = (0, 0, "")  # context limit, tokens used so far, model
        self._restoring = False
        self._streaming = False
        self._vision = True
        self._model = ""
        self._draft_key: DraftKey = None
        self._drafts: dict[DraftKey, Draft] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._strip = QHBoxLayout()
        self._strip.addStretch(1)
        layout.addLayout(self._strip)
        self.notice = QLabel(self)
        self.notice.setObjectName("composer_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: palette(highlight);")
        self.notice.hide()
        layout.addWidget(self.notice)
        self.fit_notice = QLabel(self)
        self.fit_notice.setObjectName("composer_fit_warning")
        self.fit_notice.setWordWrap(True)
        self.fit_notice.setStyleSheet("color: #bc4c00;")
        self.fit_notice.hide()
        layout.addWidget(self.fit_notice)
        row = QHBoxLayout()
        self.edit = MessageEdit(self)
        self.edit.setObjectName("composer")
        self.edit.setPlaceholderText(self.tr("Message — Enter to send, Shift+Enter for a new line"))
        self.edit.setTabChangesFocus(True)
        self.edit.document().contentsChanged.connect(self._fit_height)
        self.edit.document().contentsChanged.connect(self._edited)
        self._fit_height()
        self.edit.submit.connect(self._submit)
        self.edit.images_pasted.connect(self._pasted)
        self.edit.files_dropped.connect(self.files_dropped)
        row.addWidget(self.edit, 1)
        buttons = QVBoxLayout()
        self.attach_button = QToolButton(self)
        self.attach_button.setText(self.tr("Image…"))
        self.attach_button.setToolTip(self.tr("Attach an image (vision models)"))
        self.attach_button.clicked.connect(self.attach_requested)
        buttons.addWidget(self.attach_button)
        self.document_button = QToolButton(self)
        self.document_button.setObjectName("attach_document")
        self.document_button.setText(self.tr("File…"))
        self.document_button.setToolTip(
            self.tr("Attach a text, code, PDF or Word file: its text goes with your message")
        )
        self.document_button.clicked.connect(self.document_requested)
        buttons.addWidget(self.document_button)
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

    # --- notices ----------------------------------------------------------------------------

    def show_notice(self, text: str) -> None:
        """One line above the box saying why something was refused; empty hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_problems(self, problems: list[str]) -> None:
        self.show_notice("\n".join(problems))

    # --- attachments ----------------------------------------------------------------------

    def _pasted(self, attachments: list[Attachment]) -> None:
        if not self._vision:
            self.show_notice(self._no_vision_text())
            return
        self.add_attachments(attachments)

    def add_attachments(self, attachments: list[Attachment]) -> None:
        for attachment in attachments:
            self._attachments.append(attachment)
            chip = AttachmentChip(attachment, self)
            chip.remove_requested.connect(self._remove_chip)
            self._chips.append(chip)
            self._strip.insertWidget(self._strip.count() - 1, chip)
        if attachments and not self._vision:
            self.show_notice(self._no_vision_text())
        if attachments:
            self._edited()

    def add_documents(self, documents: list[Document]) -> None:
        for document in documents:
            self._documents.append(document)
            chip = DocumentChip(document, self)
            chip.remove_requested.connect(self._remove_document_chip)
            self._document_chips.append(chip)
            self._strip.insertWidget(self._strip.count() - 1, chip)
        if documents:
            self._update_fit()
            self._edited()

    def _remove_document_chip(self, chip: DocumentChip) -> None:
        self.remove_document(self._document_chips.index(chip))

    def remove_document(self, index: int) -> None:
        chip = self._document_chips.pop(index)
        del self._documents[index]
        self._strip.removeWidget(chip)
        chip.hide()
        chip.deleteLater()
        self._update_fit()
        self._edited()

    def add_to_draft(
        self, key: DraftKey, attachments: list[Attachment], documents: list[Document]
    ) -> None:
        """Files read for ``key``'s draft: into the box if it is still shown, else into
        that conversation's draft kept aside."""
        if key == self._draft_key:
            self.add_attachments(attachments)
            self.add_documents(documents)
            return
        draft = self._drafts.setdefault(key, Draft())
        draft.attachments.extend(attachments)
        draft.documents.extend(documents)
        if attachments or documents:
            self.draft_edited.emit(key)

    def documents(self) -> list[Document]:
        return list(self._documents)

    def document_chips(self) -> list[DocumentChip]:
        return list(self._document_chips)

    def set_context_budget(self, limit: int, used: int, model: str) -> None:
        """The model's context and what the conversation already holds (the panel's
        estimate), for the warning when the documents will not fit."""
        self._budget = (limit, used, model)
        self._update_fit()

    def _update_fit(self) -> None:
        limit, used, model = self._budget
        text_tokens = estimate_text_tokens(self.edit.toPlainText()) if self._documents else 0
        warning = fit_warning(self._documents, text_tokens, used, limit, model)
        self.fit_notice.setText(warning)
        self.fit_notice.setVisible(bool(warning))

    def _edited(self) -> None:
        if not self._restoring:
            self.draft_edited.emit(self._draft_key)

    def _remove_chip(self, chip: AttachmentChip) -> None:
        self.remove_attachment(self._chips.index(chip))

    def remove_attachment(self, index: int) -> None:
        """Drop the pending attachment at ``index`` (its × does this)."""
        chip = self._chips.pop(index)
        del self._attachments[index]
        self._strip.removeWidget(chip)
        chip.hide()
        chip.deleteLater()
        if not self._attachments:
            self.show_notice("")
        self._edited()

    def chips(self) -> list[AttachmentChip]:
        return list(self._chips)

    def attachments(self) -> list[Attachment]:
        return list(self._attachments)

    def clear_attachments(self) -> None:
        while self._chips:
            self.remove_attachment(len(self._chips) - 1)
        while self._document_chips:
            self.remove_document(len(self._document_chips) - 1)

    def clear(self) -> None:
        self.edit.clear()
        self.clear_attachments()
        self.show_notice("")
        self._drafts.pop(self._draft_key, None)

    def message_stored(self, key: DraftKey, new_key: int) -> None:
        """The message sent from ``key``'s draft is safe on disk: that draft goes — from
        the box if it is still shown, else from the drafts kept aside (the person may
        have switched conversations while it was being stored; their box is theirs)."""
        if key == self._draft_key:
            self.clear()
            if key is None:
                self._draft_key = new_key  # the new conversation got its id
            self.draft_edited.emit(key)
        elif self._drafts.pop(key, None) is not None:
            self.draft_edited.emit(key)

    # --- drafts per conversation --------------------------------------------------------------

    @property
    def draft_key(self) -> DraftKey:
        return self._draft_key

    def current_draft(self) -> Draft:
        return Draft(self.edit.toPlainText(), list(self._attachments), list(self._documents))

    def draft_for(self, key: DraftKey) -> Draft:
        """``key``'s unsent text and attachments (in the box, or kept aside)."""
        if key == self._draft_key:
            return self.current_draft()
        return self._drafts.get(key) or Draft()

    def take_draft(self) -> Draft:
        """What is in the box now (the box is emptied)."""
        draft = self.current_draft()
        self._restoring = True  # a switch, not an edit: nothing to save
        try:
            self.edit.clear()
            self.clear_attachments()
        finally:
            self._restoring = False
        self.show_notice("")
        return draft

    def restore_draft(self, draft: Draft) -> None:
        self._restoring = True
        try:
            self.edit.setPlainText(draft.text)
            self.add_attachments(list(draft.attachments))
            self.add_documents(list(draft.documents))
        finally:
            self._restoring = False
        self.edit.moveCursor(QTextCursor.MoveOperation.End)

    def seed_drafts(self, drafts: dict[DraftKey, Draft]) -> None:
        """Drafts kept from the last run. One for the conversation on screen fills the box
        unless the person has already typed there."""
        for key, draft in drafts.items():
            if key == self._draft_key:
                if self.current_draft().is_empty():
                    self.restore_draft(draft)
            else:
                self._drafts.setdefault(key, draft)

    def switch_conversation(self, key: DraftKey) -> None:
        """Keep what was typed for the conversation being left; show what belongs to ``key``.

        Each conversation gets back only its own text and images, so nothing pending
        carries over from one conversation to another (or into a new one).
        """
        if key == self._draft_key:
            return
        draft = self.take_draft()
        if not draft.is_empty():
            self._drafts[self._draft_key] = draft
        self._draft_key = key
        saved = self._drafts.pop(key, None)
        if saved is not None:
            self.restore_draft(saved)

    def adopt_draft_key(self, key: int) -> None:
        """The new conversation got its id: what is in the box now belongs to it."""
        if self._draft_key is None:
            self._draft_key = key

    # --- vision -----------------------------------------------------------------------------

    def set_vision(self, vision: bool, model: str = "") -> None:
        self._vision = vision
        self._model = model or self._model
        self.attach_button.setEnabled(vision)
        self.attach_button.setToolTip(
            self.tr("Attach an image")
            if vision
            else self.tr("This model cannot see images; choose a vision model to attach one")
        )
        if self._attachments and not vision:
            self.show_notice(self._no_vision_text())
        elif vision and self.notice.text() == self._no_vision_text():
            self.show_notice("")

    def _no_vision_text(self) -> str:
        if self._model:
            return self.tr(
                "{model} cannot see images: remove the image (×) or choose a vision model."
            ).format(model=self._model)
        return self.tr(
            "This model cannot see images: remove the image (×) or choose a vision model."
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

    def submit(self) -> None:
        """Send what is in the box, as Enter would."""
        self._submit()

    def _submit(self) -> None:
        if self._streaming:
            return
        text = self.edit.toPlainText().strip()
        if not text and not self._attachments and not self._documents:
            return
        if self._attachments and not self._vision:
            self.show_notice(self._no_vision_text())
            return  # never sent to a model that cannot see it; the box keeps everything
        # The text stays in the box until it is safely stored; the panel clears it then.
        # Documents travel inside the text, so every check of a message sees them.
        self.send_requested.emit(compose_message(text, self._documents), list(self._attachments))
