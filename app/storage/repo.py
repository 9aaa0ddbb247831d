"""Queries. Each function takes the connection and runs on the writer thread."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from app.core.lazy import serial_imports
from app.storage import liveness
from app.storage.records import (
    Attachment,
    Conversation,
    Message,
    MessageStatus,
    UsageRecord,
    from_db_time,
    to_db_time,
    utc_now,
)
from app.storage.text import storable, storable_or_none


def _conversation(row: sqlite3.Row) -> Conversation:
    return Conversation(
        id=row["id"],
        title=row["title"],
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
        model=row["model"],
        system_prompt=row["system_prompt"],
        cloud_provider=row["cloud_provider"],
        cloud_model=row["cloud_model"],
        think=row["think"],
    )


def create_conversation(
    conn: sqlite3.Connection, title: str, model: str = "", system_prompt: str = ""
) -> Conversation:
    now = to_db_time(utc_now())
    cursor = conn.execute(
        "INSERT INTO conversations (title, created_at, updated_at, model, system_prompt)"
        " VALUES (?, ?, ?, ?, ?)",
        (storable(title), now, now, storable(model), storable(system_prompt)),
    )
    conversation = get_conversation(conn, int(cursor.lastrowid or 0))
    assert conversation is not None
    return conversation


def get_conversation(conn: sqlite3.Connection, conversation_id: int) -> Conversation | None:
    row = conn.execute(
        "SELECT * FROM conversations WHERE id = ? AND deleted_at IS NULL", (conversation_id,)
    ).fetchone()
    return _conversation(row) if row else None


def list_conversations(conn: sqlite3.Connection, title_filter: str = "") -> list[Conversation]:
    rows = conn.execute(
        "SELECT * FROM conversations WHERE deleted_at IS NULL AND instr(lower(title), lower(?))"
        " ORDER BY updated_at DESC, id DESC",
        (title_filter,),
    ).fetchall()
    return [_conversation(row) for row in rows]


def update_conversation(conn: sqlite3.Connection, conversation_id: int, **fields: Any) -> None:
    """Set ``title``, ``model``, ``system_prompt``, ``cloud_provider``, ``cloud_model``
    or ``think``."""
    allowed = {"title", "model", "system_prompt", "cloud_provider", "cloud_model", "think"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown conversation fields: {sorted(unknown)}")
    if not fields:
        return
    fields = {k: storable(v) if isinstance(v, str) else v for k, v in fields.items()}
    assignments = ", ".join(f"{name} = ?" for name in fields)
    conn.execute(
        f"UPDATE conversations SET {assignments}, updated_at = ? WHERE id = ?",  # noqa: S608 - names are whitelisted above
        (*fields.values(), to_db_time(utc_now()), conversation_id),
    )


def touch_conversation(conn: sqlite3.Connection, conversation_id: int) -> None:
    conn.execute(
        "UPDATE conversations SET updated_at = ? WHERE id = ?",
        (to_db_time(utc_now()), conversation_id),
    )


def delete_conversation(conn: sqlite3.Connection, conversation_id: int) -> None:
    """Soft delete, so the person can undo; purged on a later start."""
    conn.execute(
        "UPDATE conversations SET deleted_at = ? WHERE id = ?",
        (to_db_time(utc_now()), conversation_id),
    )


def restore_conversation(conn: sqlite3.Connection, conversation_id: int) -> None:
    conn.execute("UPDATE conversations SET deleted_at = NULL WHERE id = ?", (conversation_id,))


def purge_deleted(conn: sqlite3.Connection) -> int:
    cursor = conn.execute("DELETE FROM conversations WHERE deleted_at IS NOT NULL")
    return cursor.rowcount


def add_message(
    conn: sqlite3.Connection,
    conversation_id: int,
    role: str,
    content: str,
    *,
    engine: str = "",
    model: str = "",
    status: MessageStatus = "ok",
    error: str = "",
    attachments: Sequence[Attachment] = (),
    thinking: str = "",
    thinking_ms: int | None = None,
    parent_id: int | None = None,
) -> Message:
    """``parent_id``: the message this one follows (0: none); by default the last one of
    the branch on screen (issue 16, app/storage/tree.py)."""
    now = utc_now()
    content, engine, model, error = (storable(t) for t in (content, engine, model, error))
    thinking = storable(thinking)
    with conn:
        conn.execute("BEGIN")
        cursor = conn.execute(
            "INSERT INTO messages (conversation_id, role, content, created_at, engine, model,"
            " status, error, thinking, thinking_ms, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?, coalesce(?, (SELECT c.active_leaf FROM conversations c JOIN messages m"
            " ON m.id = c.active_leaf AND m.conversation_id = c.id WHERE c.id = ?), 0))",
            (
                conversation_id,
                role,
                content,
                to_db_time(now),
                engine,
                model,
                status,
                error,
                thinking,
                thinking_ms,
                parent_id,
                conversation_id,
            ),
        )
        message_id = int(cursor.lastrowid or 0)
        if status == "streaming":
            liveness.claim(conn, message_id)  # so no other process's recovery stops it
        stored: list[Attachment] = []
        for attachment in attachments:
            cur = conn.execute(
                "INSERT INTO attachments (message_id, mime, name, data) VALUES (?, ?, ?, ?)",
                (message_id, storable(attachment.mime), storable(attachment.name), attachment.data),
            )
            stored.append(
                Attachment(
                    storable(attachment.mime),
                    attachment.data,
                    storable(attachment.name),
                    cur.lastrowid,
                )
            )
        touch_conversation(conn, conversation_id)
    return Message(
        id=message_id,
        conversation_id=conversation_id,
        role=role,  # type: ignore[arg-type]
        content=content,
        created_at=now,
        engine=engine,
        model=model,
        status=status,
        error=error,
        attachments=tuple(stored),
        thinking=thinking,
        thinking_ms=thinking_ms,
    )


def update_message(
    conn: sqlite3.Connection,
    message_id: int,
    *,
    content: str,
    status: MessageStatus,
    error: str = "",
    engine: str | None = None,
    model: str | None = None,
    thinking: str | None = None,
    thinking_ms: int | None = None,
) -> None:
    """``thinking`` / ``thinking_ms`` (issue 16): None leaves what is stored."""
    conn.execute(
        "UPDATE messages SET content = ?, status = ?, error = ?,"
        " engine = coalesce(?, engine), model = coalesce(?, model),"
        " thinking = coalesce(?, thinking), thinking_ms = coalesce(?, thinking_ms)"
        " WHERE id = ?",
        (
            storable(content),
            status,
            storable(error),
            storable_or_none(engine),
            storable_or_none(model),
            storable_or_none(thinking),
            thinking_ms,
            message_id,
        ),
    )


def delete_message(conn: sqlite3.Connection, message_id: int) -> None:
    conn.execute("DELETE FROM messages WHERE id = ?", (message_id,))


def list_messages(conn: sqlite3.Connection, conversation_id: int) -> list[Message]:
    rows = conn.execute(
        "SELECT * FROM messages WHERE conversation_id = ? ORDER BY id", (conversation_id,)
    ).fetchall()
    return _messages(conn, conversation_id, rows)


def list_messages_page(
    conn: sqlite3.Connection,
    conversation_id: int,
    *,
    before_id: int | None = None,
    limit: int = 60,
) -> list[Message]:
    """The ``limit`` latest messages (before ``before_id``), oldest first: what a view
    of a long conversation shows, at a cost that does not grow with its length."""
    rows = conn.execute(
        "SELECT * FROM messages WHERE conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
        (conversation_id, before_id if before_id is not None else 2**62, limit),
    ).fetchall()
    return _messages(conn, conversation_id, rows[::-1])


def _messages(
    conn: sqlite3.Connection, conversation_id: int, rows: list[sqlite3.Row]
) -> list[Message]:
    attachments: dict[int, list[Attachment]] = {}
    if rows:
        for row in conn.execute(
            "SELECT a.* FROM attachments a JOIN messages m ON m.id = a.message_id"
            " WHERE m.conversation_id = ? AND a.message_id BETWEEN ? AND ? ORDER BY a.id",
            (conversation_id, rows[0]["id"], rows[-1]["id"]),
        ):
            attachments.setdefault(row["message_id"], []).append(
                Attachment(row["mime"], bytes(row["data"]), row["name"], row["id"])
            )
    usage = usage_for_page(conn, conversation_id, rows[0]["id"], rows[-1]["id"]) if rows else {}
    return [
        Message(
            id=row["id"],
            conversation_id=row["conversation_id"],
            role=row["role"],
            content=row["content"],
            created_at=from_db_time(row["created_at"]),
            engine=row["engine"],
            model=row["model"],
            status=row["status"],
            error=row["error"],
            attachments=tuple(attachments.get(row["id"], ())),
            thinking=row["thinking"],
            thinking_ms=row["thinking_ms"],
            usage=usage.get(row["id"]),
        )
        for row in rows
    ]


def mark_interrupted_streams(conn: sqlite3.Connection) -> int:
    """Replies still 'streaming' at start-up were cut off by a crash: keep them, as stopped."""
    cursor = conn.execute("UPDATE messages SET status = 'stopped' WHERE status = 'streaming'")
    return cursor.rowcount


# --- usage ------------------------------------------------------------------------------

_USAGE_FIELDS = [
    "engine",
    "provider",
    "model",
    "is_local",
    "outcome",
    "input_tokens",
    "cached_input_tokens",
    "cache_write_tokens",
    "output_tokens",
    "context_tokens",
    "output_tokens_estimate",
    "usage_estimated",
    "load_duration_ns",
    "prompt_eval_duration_ns",
    "eval_duration_ns",
    "total_duration_ns",
    "done_reason",
    "ttft_ms",
    "wall_ms",
    "price_source",
    "energy_j",
    "energy_source",
    "conversation_id",
    "message_id",
]


def usage_row(record: UsageRecord) -> dict[str, Any]:
    row: dict[str, Any] = {
        name: storable(value) if isinstance(value, str) else value
        for name in _USAGE_FIELDS
        for value in (getattr(record, name),)
    }
    row["is_local"] = int(record.is_local)
    row["usage_estimated"] = int(record.usage_estimated)
    row["ts"] = to_db_time(record.ts)
    row["cost_usd"] = None if record.cost_usd is None else str(record.cost_usd)
    if record.cost_currency != "USD" or record.cost_amount is not None:
        # Schema step 7; left out for a US-dollar cost so the row fits any schema version.
        row["cost_currency"] = record.cost_currency
        row["cost_amount"] = None if record.cost_amount is None else str(record.cost_amount)
    return row


def _sqlite_utils() -> Any:
    # Imported on the writer thread at the first use, not with this module: the window
    # imports repo while it opens, and sqlite_utils takes ~90 ms to import.
    with serial_imports:
        import sqlite_utils

    return sqlite_utils


def record_usage(conn: sqlite3.Connection, record: UsageRecord) -> int:
    sqlite_utils = _sqlite_utils()
    table = sqlite_utils.Database(conn)["usage"]
    table.insert(usage_row(record))
    return int(table.last_rowid or 0)


def record_usage_many(conn: sqlite3.Connection, records: Iterable[UsageRecord]) -> None:
    sqlite_utils = _sqlite_utils()
    with conn:
        conn.execute("BEGIN")
        sqlite_utils.Database(conn)["usage"].insert_all(
            (usage_row(r) for r in records), batch_size=5000
        )


def _usage(row: sqlite3.Row) -> UsageRecord:
    values = {name: row[name] for name in _USAGE_FIELDS}
    values["is_local"] = bool(row["is_local"])
    values["usage_estimated"] = bool(row["usage_estimated"])
    values["price_source"] = row["price_source"] or ""
    values["energy_source"] = row["energy_source"] or ""
    return UsageRecord(
        ts=from_db_time(row["ts"]),
        cost_usd=None if row["cost_usd"] is None else Decimal(row["cost_usd"]),
        cost_amount=None if row["cost_amount"] is None else Decimal(row["cost_amount"]),
        cost_currency=row["cost_currency"],
        id=row["id"],
        **values,
    )


def list_usage(
    conn: sqlite3.Connection, start: datetime | None = None, end: datetime | None = None
) -> list[UsageRecord]:
    """Usage records with ``start <= ts < end`` (either bound optional), oldest first."""
    lo = to_db_time(start) if start else ""
    hi = to_db_time(end) if end else "9999"
    rows = conn.execute(
        "SELECT * FROM usage WHERE ts >= ? AND ts < ? ORDER BY ts, id", (lo, hi)
    ).fetchall()
    return [_usage(row) for row in rows]


def usage_for_page(
    conn: sqlite3.Connection, conversation_id: int, first_id: int, last_id: int
) -> dict[int, UsageRecord]:
    """The usage rows of a page of messages (ids ``first_id``..``last_id``), in one query
    however many replies it holds. A message with several rows keeps its latest."""
    found: dict[int, UsageRecord] = {}
    for row in conn.execute(
        "SELECT * FROM usage WHERE message_id BETWEEN ? AND ? AND conversation_id = ? ORDER BY id",
        (first_id, last_id, conversation_id),
    ):
        found[row["message_id"]] = _usage(row)
    return found
