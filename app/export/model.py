"""What an export holds, read from the database in one go (on the writer or a reader).

Every message with its attachments, the model that wrote it, the usage row recorded for
it (the ledger's ``usage`` table, or the usage an import brought along) and its thinking
when there is any. Thinking is read from a ``thinking`` column when the messages table
has one (another change adds it): looked up, not assumed, so exports work before and
after it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.core.errors import KnownError
from app.core.i18n import translate
from app.storage import repo, tree
from app.storage.records import Attachment, Conversation, Message

USAGE_SKIPPED = ("id", "conversation_id", "message_id")
"""Usage columns that only mean something inside one database."""


@dataclass(frozen=True)
class ExportedMessage:
    role: str
    content: str
    created_at: datetime
    model: str = ""
    engine: str = ""
    status: str = "ok"
    error: str = ""
    thinking: str = ""
    attachments: tuple[Attachment, ...] = ()
    usage: dict[str, Any] | None = None


@dataclass(frozen=True)
class ExportedConversation:
    title: str
    created_at: datetime
    updated_at: datetime
    model: str = ""
    system_prompt: str = ""
    messages: tuple[ExportedMessage, ...] = field(default=())


def has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f'PRAGMA table_info("{table}")'))


def resolve_conversation(conn: sqlite3.Connection, which: str) -> int:
    """An id as typed, or ``last`` (the most recently updated conversation)."""
    if which == "last":
        row = conn.execute(
            "SELECT id FROM conversations WHERE deleted_at IS NULL"
            " ORDER BY updated_at DESC, id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            raise KnownError(translate("Export", "There are no conversations yet."))
        return int(row[0])
    try:
        conversation_id = int(which)
    except ValueError:
        raise KnownError(
            translate("Export", "“{which}” is not a conversation id or “last”.").format(which=which)
        ) from None
    if repo.get_conversation(conn, conversation_id) is None:
        raise KnownError(
            translate("Export", "There is no conversation {id}.").format(id=conversation_id)
        )
    return conversation_id


def load(conn: sqlite3.Connection, conversation_id: int) -> ExportedConversation:
    conversation = repo.get_conversation(conn, conversation_id)
    if conversation is None:
        raise KnownError(
            translate("Export", "There is no conversation {id}.").format(id=conversation_id)
        )
    # What the person sees: the active branch, not every version ever generated.
    messages = tree.path_to(conn, conversation_id)
    usage = _usage_by_message(conn, conversation_id)
    thinking = _thinking(conn, conversation_id)
    return exported(conversation, messages, usage, thinking)


def exported(
    conversation: Conversation,
    messages: list[Message],
    usage: dict[int, dict[str, Any]],
    thinking: dict[int, str],
) -> ExportedConversation:
    return ExportedConversation(
        title=conversation.title,
        created_at=conversation.created_at,
        updated_at=conversation.updated_at,
        model=conversation.model,
        system_prompt=conversation.system_prompt,
        messages=tuple(
            ExportedMessage(
                role=m.role,
                content=m.content,
                created_at=m.created_at,
                model=m.model,
                engine=m.engine,
                status=m.status,
                error=m.error,
                # A Message that carries thinking itself (after the thinking change) wins.
                thinking=str(getattr(m, "thinking", "") or thinking.get(m.id, "")),
                attachments=m.attachments,
                usage=usage.get(m.id),
            )
            for m in messages
        ),
    )


def _usage_by_message(conn: sqlite3.Connection, conversation_id: int) -> dict[int, dict[str, Any]]:
    """The usage row of each reply (the last, if a reply was recorded more than once)."""
    found: dict[int, dict[str, Any]] = {}
    if has_column(conn, "message_usage_imported", "usage"):
        for message_id, text in conn.execute(
            "SELECT i.message_id, i.usage FROM message_usage_imported i"
            " JOIN messages m ON m.id = i.message_id WHERE m.conversation_id = ?",
            (conversation_id,),
        ):
            try:
                value = json.loads(text)
            except ValueError:
                continue
            if isinstance(value, dict):
                found[int(message_id)] = value
    cursor = conn.execute(
        "SELECT * FROM usage WHERE conversation_id = ? AND message_id IS NOT NULL ORDER BY id",
        (conversation_id,),
    )
    names = [d[0] for d in cursor.description]
    for row in cursor:
        values = dict(zip(names, row, strict=True))
        message_id = int(values["message_id"])
        found[message_id] = {k: v for k, v in values.items() if k not in USAGE_SKIPPED}
    return found


def _thinking(conn: sqlite3.Connection, conversation_id: int) -> dict[int, str]:
    if not has_column(conn, "messages", "thinking"):
        return {}
    return {
        int(row[0]): str(row[1])
        for row in conn.execute(
            "SELECT id, thinking FROM messages WHERE conversation_id = ? AND thinking <> ''",
            (conversation_id,),
        )
        if row[1]
    }


def time_text(moment: datetime) -> str:
    """Local time, to the minute: how a person reads when something was said."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def usage_line(usage: dict[str, Any] | None) -> str:
    """The usage of one reply in words: tokens, time, speed and cost when known."""
    if not usage:
        return ""
    parts: list[str] = []
    tokens_in = usage.get("input_tokens")
    if tokens_in is None:
        tokens_in = usage.get("context_tokens")
    tokens_out = usage.get("output_tokens")
    if tokens_out is None:
        tokens_out = usage.get("output_tokens_estimate")
    if tokens_in is not None or tokens_out is not None:
        parts.append(
            translate("Export", "{input} tokens in, {output} out").format(
                input=tokens_in if tokens_in is not None else "?",
                output=tokens_out if tokens_out is not None else "?",
            )
        )
    wall = usage.get("wall_ms")
    if isinstance(wall, int | float) and wall > 0:
        parts.append(translate("Export", "{seconds:.1f} s").format(seconds=wall / 1000))
        if isinstance(tokens_out, int) and tokens_out > 0:
            parts.append(
                translate("Export", "{rate:.1f} tokens/s").format(rate=tokens_out * 1000 / wall)
            )
    cost = usage.get("cost_usd")
    if cost:
        parts.append(f"${cost}")
    elif usage.get("cost_amount"):
        parts.append(f"{usage.get('cost_amount')} {usage.get('cost_currency', '')}".strip())
    elif usage.get("is_local"):
        parts.append(translate("Export", "local"))
    return " · ".join(parts)
