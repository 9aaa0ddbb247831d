"""“Send to cloud…”: the person picks a provider and model after seeing the cost and the
privacy check; only then is the conversation marked for the cloud (and redacted if they
chose so). Nothing is sent from here: the next message goes to the chosen model."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.core.i18n import translate
from app.privacy.scanner import redact
from app.storage import repo
from app.storage.records import Conversation, Message
from app.ui.cloud.escalate import EscalationDecision, EscalationDialog
from app.ui.context import AppContext

Escalated = Callable[[Conversation, list[Message]], None]


def apply_decision(
    conn: sqlite3.Connection,
    conversation: Conversation,
    messages: Sequence[Message],
    decision: EscalationDecision,
) -> tuple[Conversation, list[Message]]:
    """Mark the conversation for the cloud; with redaction, rewrite what will be sent.

    Redaction changes the stored messages themselves, so what the person sees is exactly
    what the cloud receives, now and on every later turn.
    """
    with conn:
        conn.execute("BEGIN")
        if decision.redact:
            if conversation.system_prompt:
                repo.update_conversation(
                    conn, conversation.id, system_prompt=redact(conversation.system_prompt)
                )
            for message in messages:
                cleaned = redact(message.content)
                if cleaned != message.content:
                    repo.update_message(
                        conn,
                        message.id,
                        content=cleaned,
                        status=message.status,
                        error=message.error,
                    )
        repo.update_conversation(
            conn,
            conversation.id,
            cloud_provider=decision.provider_id,
            cloud_model=decision.model,
        )
    updated = repo.get_conversation(conn, conversation.id)
    assert updated is not None
    return updated, repo.list_messages(conn, conversation.id)


def escalate_conversation(
    parent: QWidget,
    ctx: AppContext,
    conversation: Conversation | None,
    messages: Sequence[Message],
    on_escalated: Escalated,
) -> EscalationDialog | None:
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
            ctx.writer.submit(lambda conn: apply_decision(conn, conversation, messages, decision)),
            lambda updated: on_escalated(*updated),
            failed,
            owner=parent,
        )

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
