"""The gate's records in SQLite (schema 7): what left the machine, and standing allowances.

``outbound_sent`` holds, per message and recipient, the text as it was sent -- the
stored message itself is never rewritten, so the person's words stay theirs and no
unredacted original lingers anywhere it should not. ``outbound_allowances`` holds a
conversation's "don't ask again for these items" by fingerprint, never the value.

Writes go through the one writer (``ctx.writer.submit(lambda conn: record_sent(...))``);
reads may run on any connection.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.core.i18n import translate
from app.privacy.detectors import Kind
from app.privacy.gate import (
    SYSTEM_KEY,
    Action,
    History,
    Outbound,
    SentRecord,
    message_key,
)
from app.privacy.scanner import kind_label
from app.storage.records import Conversation, Message, from_db_time, to_db_time, utc_now


def load_allowances(conn: sqlite3.Connection, conversation_id: int) -> dict[str, Action]:
    rows = conn.execute(
        "SELECT fingerprint, action FROM outbound_allowances WHERE conversation_id = ?",
        (conversation_id,),
    ).fetchall()
    return {str(row[0]): Action(row[1]) for row in rows}


def add_allowances(
    conn: sqlite3.Connection, conversation_id: int, allowances: Mapping[str, Action]
) -> None:
    with conn:
        conn.execute("BEGIN")
        _upsert_allowances(conn, conversation_id, allowances)


def _upsert_allowances(
    conn: sqlite3.Connection, conversation_id: int, allowances: Mapping[str, Action]
) -> None:
    now = to_db_time(utc_now())
    conn.executemany(
        "INSERT INTO outbound_allowances (conversation_id, fingerprint, action, created_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (conversation_id, fingerprint)"
        " DO UPDATE SET action = excluded.action",
        [
            (conversation_id, fingerprint, action.value, now)
            for fingerprint, action in allowances.items()
            if action is not Action.CANCEL
        ],
    )


def _message_id(key: str) -> int | None:
    prefix = message_key(0)[:-1]
    if key.startswith(prefix) and key[len(prefix) :].isdigit():
        return int(key[len(prefix) :])
    return None


def record_sent(
    conn: sqlite3.Connection,
    conversation_id: int,
    outbound: Outbound,
    at: datetime | None = None,
) -> None:
    """Remember how each message of ``outbound`` left, and its "don't ask again" choices.

    One transaction: a recipient's record and the allowances are stored together or
    not at all. A message deleted meanwhile (regenerate) is skipped, not an error.
    """
    when = to_db_time(at or utc_now())
    destination = outbound.destination.key
    with conn:
        conn.execute("BEGIN")
        for version in outbound.versions:
            message_id = _message_id(version.key)
            if (
                message_id is not None
                and not conn.execute(
                    "SELECT 1 FROM messages WHERE id = ?", (message_id,)
                ).fetchone()
            ):
                continue
            conn.execute(
                "INSERT INTO outbound_sent (conversation_id, item, message_id, destination,"
                " original_sha, sent_content, images_kept, redacted, images_held_back, sent_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (conversation_id, item, destination) DO UPDATE SET"
                " message_id = excluded.message_id, original_sha = excluded.original_sha,"
                " sent_content = excluded.sent_content, images_kept = excluded.images_kept,"
                " redacted = excluded.redacted, images_held_back = excluded.images_held_back,"
                " sent_at = excluded.sent_at",
                (
                    conversation_id,
                    version.key,
                    message_id,
                    destination,
                    version.original_sha,
                    version.sent_content,
                    json.dumps(list(version.images_kept)),
                    json.dumps([kind.value for kind in version.redacted]),
                    version.images_held_back,
                    when,
                ),
            )
        _upsert_allowances(conn, conversation_id, outbound.remember)


def load_sent(
    conn: sqlite3.Connection, conversation_id: int, destination: str
) -> dict[str, SentRecord]:
    """What ``destination`` (a ``Destination.key``) has received in this conversation."""
    rows = conn.execute(
        "SELECT item, destination, original_sha, sent_content, images_kept"
        " FROM outbound_sent WHERE conversation_id = ? AND destination = ?",
        (conversation_id, destination),
    ).fetchall()
    return {
        str(row[0]): SentRecord(
            key=str(row[0]),
            destination=str(row[1]),
            original_sha=str(row[2]),
            sent_content=str(row[3]),
            images_kept=tuple(int(i) for i in json.loads(row[4])),
        )
        for row in rows
    }


@dataclass(frozen=True)
class SentAs:
    """For the message view: a redacted version of this message was sent, and what it was."""

    message_id: int
    destination: str
    sent_content: str
    redacted: tuple[Kind, ...]
    images_held_back: int
    sent_at: datetime


def redacted_versions(conn: sqlite3.Connection, conversation_id: int) -> dict[int, list[SentAs]]:
    """By message id: every recipient that got a changed copy (oldest first)."""
    rows = conn.execute(
        "SELECT message_id, destination, sent_content, redacted, images_held_back, sent_at"
        " FROM outbound_sent WHERE conversation_id = ? AND message_id IS NOT NULL"
        " AND (redacted <> '[]' OR images_held_back > 0) ORDER BY sent_at, rowid",
        (conversation_id,),
    ).fetchall()
    result: dict[int, list[SentAs]] = {}
    for row in rows:
        known = {kind.value for kind in Kind}
        kinds = tuple(Kind(value) for value in json.loads(row[3]) if value in known)
        result.setdefault(int(row[0]), []).append(
            SentAs(int(row[0]), str(row[1]), str(row[2]), kinds, int(row[4]), from_db_time(row[5]))
        )
    return result


def sent_as_note(sent: SentAs) -> str:
    """The line a message shows under the person's own words when a changed copy left:
    what was replaced, and the text exactly as it was sent."""
    parts = []
    if sent.redacted:
        labels = sorted({kind_label(kind) for kind in sent.redacted})
        parts.append(
            translate("Privacy", "Sent with {items} replaced, as:").format(items=", ".join(labels))
        )
    if sent.images_held_back:
        parts.append(
            translate("Privacy", "{count} image(s) were not sent.").format(
                count=sent.images_held_back
            )
        )
    return " ".join(parts) + "\n" + sent.sent_content


def history_for(
    conversation: Conversation,
    included: Sequence[Message],
    sent: Mapping[str, SentRecord],
    *,
    with_system: bool | None = None,
) -> History:
    """The gate's ``History`` for a request built from ``included`` (in wire order),
    preceded by the system prompt when the conversation has one (or ``with_system``)."""
    system = bool(conversation.system_prompt.strip()) if with_system is None else with_system
    keys = ([SYSTEM_KEY] if system else []) + [message_key(m.id) for m in included]
    authors = {
        message_key(m.id): (m.engine, m.model)
        for m in included
        if m.role == "assistant" and m.engine
    }
    return History(keys=tuple(keys), sent=dict(sent), authors=authors)
