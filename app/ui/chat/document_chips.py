"""A pending document in the message box: its name, its token count and a × to remove it,
and the line that warns when the message will not fit the model's context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from app.chat.documents import Document
from app.engines.context import ContextState, context_check

# Plain tags, not emoji: many Linux desktops have no colour-emoji font (boxes instead).
_KIND_TAG = {"pdf": "PDF", "docx": "DOCX"}


def describe(document: Document) -> str:
    """What the chip's tooltip says about where the text came from."""
    lines = [document.name]
    if document.kind == "pdf":
        lines.append(
            QCoreApplication.translate("DocumentChip", "Pages: {pages}").format(
                pages=document.pages
            )
        )
        if document.empty_pages:
            lines.append(
                QCoreApplication.translate(
                    "DocumentChip",
                    "{empty} of them are scanned images without text; they are left out.",
                ).format(empty=document.empty_pages)
            )
    elif document.encoding:
        lines.append(
            QCoreApplication.translate("DocumentChip", "Read as {encoding}").format(
                encoding=document.encoding.upper()
            )
        )
    lines.append(
        QCoreApplication.translate(
            "DocumentChip", "About {tokens} tokens are added to your message."
        ).format(tokens=f"{document.tokens:,}")
    )
    return "\n".join(lines)


class DocumentChip(QFrame):
    """``📕 report.pdf · 1,234 tokens ×``."""

    remove_requested = Signal(object)  # the chip

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_chip")
        self.document = document
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 0, 2)
        layout.setSpacing(2)
        self.label = QLabel(self)
        self.label.setObjectName("document_label")
        suffix = document.name.rsplit(".", 1)[-1].upper() if "." in document.name else "TXT"
        icon = _KIND_TAG.get(document.kind, suffix[:5])
        name = document.name if len(document.name) <= 32 else document.name[:31] + "…"
        self.label.setText(
            self.tr("{icon} {name} · {tokens} tokens").format(
                icon=icon, name=name, tokens=f"{document.tokens:,}"
            )
        )
        if document.empty_pages:
            self.label.setText(self.label.text() + " ⚠")
        self.label.setToolTip(describe(document))
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("remove_document")
        self.remove_button.setText("×")
        self.remove_button.setToolTip(self.tr("Remove {name}").format(name=document.name))
        self.remove_button.setAccessibleName(self.tr("Remove document"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setStyleSheet("#document_chip { border: 1px solid palette(mid); border-radius: 6px; }")

    @property
    def tokens(self) -> int:
        return self.document.tokens


def fit_warning(
    documents: list[Document], text_tokens: int, used: int, limit: int, model: str
) -> str:
    """A warning when the documents and the message will not fit the context, else ''.

    ``used``: the conversation so far (the panel's estimate); ``limit``: the model's
    context (0 when unknown: then nothing is said)."""
    if not documents or limit <= 0:
        return ""
    new = text_tokens + sum(document.tokens for document in documents)
    check = context_check(used, limit, new_message_tokens=new)
    if check.state is not ContextState.OVER:
        return ""
    if used:
        return QCoreApplication.translate(
            "DocumentChip",
            "⚠ With the documents this message is about {new} tokens and the conversation "
            "{used} more: {model} reads {limit} at once, so the start will be cut off. "
            "Remove a document, attach a part of it, or choose a model with a longer context.",
        ).format(new=f"{new:,}", used=f"{used:,}", model=model, limit=f"{limit:,}")
    return QCoreApplication.translate(
        "DocumentChip",
        "⚠ With the documents this message is about {new} tokens: {model} reads {limit} at "
        "once, so the start will be cut off. Remove a document, attach a part of it, or "
        "choose a model with a longer context.",
    ).format(new=f"{new:,}", model=model, limit=f"{limit:,}")
