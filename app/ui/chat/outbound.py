"""The findings dialog of the outbound gate (``app.privacy.gate``), and its asker.

``ask_outbound(parent, check)`` is the one question every send path asks when the
gate found something: it shows what was found and where it would go, and returns the
person's ``Decision`` (``None`` when they closed the dialog, which sends nothing).
``OutboundDialog`` is the same dialog for callers that would rather not block
(``open()`` plus the ``decided`` signal). ``GuiAsker`` lets the conversation layer ask
from a reply's thread (``app.privacy.review.ConversationGate``).

Kept apart from "Send to cloud…" (``escalation``) so the window can build it at start-up
without the cost of the provider and pricing modules.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import translate
from app.privacy.gate import Action, Check, Decision, Item


def where_found(item: Item, check: Check) -> str:
    """ "System prompt" / "Message 3" for the findings list."""
    messages = check.request.messages
    index = item.message_index
    if 0 <= index < len(messages) and messages[index].role == "system":
        return translate("Outbound", "System prompt")
    offset = sum(1 for m in messages[:index] if m.role == "system")
    return translate("Outbound", "Message {number}").format(number=index - offset + 1)


def findings_html(items: Sequence[Item], check: Check) -> str:
    """The findings as escaped rich text: no links, no images, nothing loaded."""
    rows = []
    for item in items:
        kind = html.escape(item.label)
        where = html.escape(where_found(item, check))
        if item.finding is not None:
            before = html.escape(item.finding.before)
            value = html.escape(item.finding.value)
            after = html.escape(item.finding.after)
            body = f"…{before}<span style='background:#f6d365;color:#000'>{value}</span>{after}…"
        else:
            body = html.escape(item.excerpt())
        rows.append(f"<p><b>{kind}</b> — {where}<br/>{body}</p>")
    return "".join(rows)


class OutboundDialog(QDialog):
    """ "Check before sending": Redact and send / Send anyway / Cancel, and "don't ask again"."""

    decided = Signal(object)  # Decision, or None when cancelled

    def __init__(self, check: Check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outbound_dialog")
        self.setWindowTitle(self.tr("Check before sending"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._check = check
        self._decision: Decision | None = None

        self.where_label = QLabel(check.where, self)
        self.where_label.setObjectName("outbound_where")
        self.where_label.setWordWrap(True)
        self.summary = QLabel(
            self.tr(
                "{count} possibly private items would leave this computer. “Redact and "
                "send” replaces each with a label such as [EMAIL] (images are left out) in "
                "what is sent; your conversation keeps your words."
            ).format(count=len(check.ask)),
            self,
        )
        self.summary.setObjectName("outbound_summary")
        self.summary.setWordWrap(True)
        self.findings_view = QTextBrowser(self)
        self.findings_view.setObjectName("outbound_findings")
        self.findings_view.setOpenLinks(False)
        self.findings_view.setHtml(findings_html(check.ask, check))
        self.remember_box = QCheckBox(
            self.tr("Don't ask again in this conversation for these items"), self
        )
        self.remember_box.setObjectName("outbound_remember")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("outbound_cancel")
        self.redact_button = QPushButton(self.tr("Redact and send"), self)
        self.redact_button.setObjectName("outbound_redact")
        self.send_button = QPushButton(self.tr("Send anyway"), self)
        self.send_button.setObjectName("outbound_send")
        # Enter sends the redacted version, never the private values: the only button
        # that sends them must be clicked (or reached with Tab and Space) on purpose.
        for button in (self.cancel_button, self.send_button):
            button.setAutoDefault(False)
        self.redact_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.cancel_button, self.send_button, self.redact_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.findings_view, 1)
        layout.addWidget(self.remember_box)
        layout.addLayout(buttons)

        self.cancel_button.clicked.connect(self.reject)
        self.redact_button.clicked.connect(lambda: self._choose(Action.REDACT))
        self.send_button.clicked.connect(lambda: self._choose(Action.SEND))
        self.resize(620, 420)

    @property
    def check(self) -> Check:
        return self._check

    def decision(self) -> Decision | None:
        return self._decision

    def _choose(self, action: Action) -> None:
        self._decision = Decision(action, remember=self.remember_box.isChecked())
        self.decided.emit(self._decision)
        self.accept()

    def reject(self) -> None:
        if self._decision is None:
            self.decided.emit(None)
        super().reject()


def ask_outbound(parent: QWidget | None, check: Check) -> Decision | None:
    """Ask the person about ``check.ask``; blocks (a nested event loop) until they choose.

    Returns the decision, or None when they cancelled or closed the dialog.
    """
    if not check.ask:
        return Decision(Action.SEND)
    dialog = OutboundDialog(check, parent)
    try:
        dialog.exec()
        return dialog.decision()
    finally:
        dialog.deleteLater()
