"""``escalate_conversation`` runs "Send to cloud…": the person picks provider and model
in ``EscalationDialog`` (cost, and the gate's findings for that destination), the
conversation is marked for that cloud, and ``on_escalated`` receives the choice so the
caller sends at once. Nothing here rewrites a stored message: redaction changes only
what is sent (``app.privacy.gate.apply_decision``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QWidget,
)

from app.core.i18n import translate
from app.storage import repo, tree
from app.storage.records import Conversation, Message
from app.ui.chat.asker import GuiAsker
from app.ui.chat.outbound import OutboundDialog, ask_outbound
from app.ui.cloud.escalate import EscalationDecision, EscalationDialog
from app.ui.context import AppContext

__all__ = [
    "GuiAsker",
    "OutboundDialog",
    "ask_outbound",
    "escalate_conversation",
    "mark_escalated",
]

Escalated = Callable[[Conversation, list[Message], EscalationDecision], None]


def mark_escalated(
    conn: sqlite3.Connection, conversation: Conversation, decision: EscalationDecision
) -> tuple[Conversation, list[Message]]:
    """Point the conversation at the chosen cloud. The messages stay exactly as written."""
    repo.update_conversation(
        conn, conversation.id, cloud_provider=decision.provider_id, cloud_model=decision.model
    )
    updated = repo.get_conversation(conn, conversation.id)
    assert updated is not None
    return updated, tree.path_to(conn, conversation.id)  # the active branch (issue 16)


def escalate_conversation(
    parent: QWidget,
    ctx: AppContext,
    conversation: Conversation | None,
    messages: Sequence[Message],
    on_escalated: Escalated,
) -> EscalationDialog | None:
    """Open "Send to cloud…"; once the person chooses, mark the conversation and hand
    ``on_escalated`` the choice (its ``decision`` answers the gate for what was shown,
    so the caller sends at once without asking the same question twice)."""
    if conversation is None:
        QMessageBox.information(
            parent,
            translate("Chat", "Send to cloud"),
            translate(
                "Chat", "Start the conversation first; then you can send it to a cloud model."
            ),
        )
        return None
    dialog = EscalationDialog(ctx, conversation, list(messages), parent)

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, translate("Chat", "Send to cloud"), str(exc))

    def finished(result: int) -> None:
        decision = dialog.decision()
        if result != QDialog.DialogCode.Accepted or decision is None:
            return
        ctx.tasks.watch(
            ctx.writer.submit(lambda conn: mark_escalated(conn, conversation, decision)),
            lambda updated: on_escalated(updated[0], updated[1], decision),
            failed,
            owner=parent,
        )

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
