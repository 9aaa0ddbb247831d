"""The JSON export, and importing it back as a new conversation.

Format (``"format": "hearth-conversation"``, ``"version": 1``)::

    {"format", "version", "exported_at", "app_version",
     "conversation": {"title", "created_at", "updated_at", "model", "system_prompt",
                      "messages": [{"role", "content", "created_at", "model", "engine",
                                    "status", "error", "thinking",
                                    "attachments": [{"mime", "name", "data" (base64)}],
                                    "usage": {...} | null}]}}

Times are UTC ISO-8601. A later version may add fields (they are ignored here); one that
changes the meaning of these raises the version, and this reader refuses it in words.
Nothing is stored unless the whole file was understood.
"""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from app.core.errors import KnownError
from app.core.i18n import translate
from app.export.model import ExportedConversation, ExportedMessage, has_column
from app.storage.records import Attachment, to_db_time, utc_now
from app.storage.text import storable

FORMAT = "hearth-conversation"
VERSION = 1
ROLES = ("system", "user", "assistant")
STATUSES = ("ok", "stopped", "failed")


class ImportFileError(KnownError):
    """The file is not a conversation this version of Hearth can import."""


def _time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def to_json(conversation: ExportedConversation, app_version: str = "") -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _time(utc_now()),
        "app_version": app_version,
        "conversation": {
            "title": conversation.title,
            "created_at": _time(conversation.created_at),
            "updated_at": _time(conversation.updated_at),
            "model": conversation.model,
            "system_prompt": conversation.system_prompt,
            "messages": [_message(m) for m in conversation.messages],
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _message(message: ExportedMessage) -> dict[str, Any]:
    return {
        "role": message.role,
        "content": message.content,
        "created_at": _time(message.created_at),
        "model": message.model,
        "engine": message.engine,
        "status": message.status,
        "error": message.error,
        "thinking": message.thinking,
        "attachments": [
            {"mime": a.mime, "name": a.name, "data": base64.b64encode(a.data).decode("ascii")}
            for a in message.attachments
        ],
        "usage": message.usage,
    }


# --- reading ----------------------------------------------------------------------------


def _problem(text: str) -> ImportFileError:
    return ImportFileError(
        translate("Export", "This file cannot be imported: {reason}").format(reason=text),
        hint=translate(
            "Export", "Import takes a JSON file made by Hearth's “Export…” (JSON format)."
        ),
    )


def _field(value: dict[str, Any], name: str, kind: type, where: str, default: Any = None) -> Any:
    found = value.get(name, default)
    if found is None and default is not None:
        found = default
    if not isinstance(found, kind) or (isinstance(found, bool) and kind is not bool):
        raise _problem(
            translate("Export", "{where}: “{name}” is missing or not the right kind.").format(
                where=where, name=name
            )
        )
    return found


def _parse_time(text: Any, where: str) -> datetime:
    if not isinstance(text, str):
        raise _problem(translate("Export", "{where}: a time is missing.").format(where=where))
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _problem(
            translate("Export", "{where}: “{text}” is not a time.").format(
                where=where, text=text[:40]
            )
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def from_json(text: str | bytes) -> ExportedConversation:
    """Read an export, or raise ``ImportFileError`` saying what is wrong with it."""
    try:
        document = json.loads(text)
    except UnicodeDecodeError:
        raise _problem(translate("Export", "it is not a text file.")) from None
    except json.JSONDecodeError as exc:
        raise _problem(
            translate("Export", "it is not valid JSON (line {line}, column {column}).").format(
                line=exc.lineno, column=exc.colno
            )
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _problem(translate("Export", "it is JSON, but not a Hearth conversation."))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _problem(translate("Export", "its version is missing or wrong."))
    if version > VERSION:
        raise _problem(
            translate(
                "Export", "it was made by a newer Hearth (format version {version}); update Hearth."
            ).format(version=version)
        )
    body = document.get("conversation")
    if not isinstance(body, dict):
        raise _problem(translate("Export", "it holds no conversation."))
    where = translate("Export", "the conversation")
    raw_messages = _field(body, "messages", list, where)
    messages = tuple(_read_message(raw, number) for number, raw in enumerate(raw_messages, 1))
    return ExportedConversation(
        title=_field(body, "title", str, where) or translate("Export", "Imported conversation"),
        created_at=_parse_time(body.get("created_at"), where),
        updated_at=_parse_time(body.get("updated_at", body.get("created_at")), where),
        model=_field(body, "model", str, where, ""),
        system_prompt=_field(body, "system_prompt", str, where, ""),
        messages=messages,
    )


def _read_message(raw: Any, number: int) -> ExportedMessage:
    where = translate("Export", "message {number}").format(number=number)
    if not isinstance(raw, dict):
        raise _problem(translate("Export", "{where} is not an object.").format(where=where))
    role = raw.get("role")
    if role not in ROLES:
        raise _problem(translate("Export", "{where} has no known role.").format(where=where))
    status = raw.get("status", "ok")
    status = status if status in STATUSES else "stopped"  # one cut off while streaming
    attachments = []
    for item in _field(raw, "attachments", list, where, []):
        if not isinstance(item, dict):
            raise _problem(
                translate("Export", "{where}: an attachment is damaged.").format(where=where)
            )
        try:
            data = base64.b64decode(_field(item, "data", str, where), validate=True)
        except (binascii.Error, ValueError):
            raise _problem(
                translate("Export", "{where}: an attachment is damaged.").format(where=where)
            ) from None
        attachments.append(
            Attachment(
                _field(item, "mime", str, where, "application/octet-stream"),
                data,
                _field(item, "name", str, where, ""),
            )
        )
    usage = raw.get("usage")
    if usage is not None and not isinstance(usage, dict):
        raise _problem(translate("Export", "{where}: its usage is damaged.").format(where=where))
    return ExportedMessage(
        role=role,
        content=_field(raw, "content", str, where),
        created_at=_parse_time(raw.get("created_at"), where),
        model=_field(raw, "model", str, where, ""),
        engine=_field(raw, "engine", str, where, ""),
        status=status,
        error=_field(raw, "error", str, where, ""),
        thinking=_field(raw, "thinking", str, where, ""),
        attachments=tuple(attachments),
        usage=usage,
    )


# --- storing ----------------------------------------------------------------------------


def import_into(conn: sqlite3.Connection, conversation: ExportedConversation) -> int:
    """Store ``conversation`` as a new one (on the writer), all or nothing; returns its id.

    Messages keep their own times. Usage goes to ``message_usage_imported``, not the
    ledger: those replies were not produced on this machine (or were already counted).
    """
    thinking = has_column(conn, "messages", "thinking")
    with conn:
        conn.execute("BEGIN")
        now = to_db_time(utc_now())
        cursor = conn.execute(
            "INSERT INTO conversations (title, created_at, updated_at, model, system_prompt)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                storable(conversation.title),
                to_db_time(conversation.created_at),
                now,
                storable(conversation.model),
                storable(conversation.system_prompt),
            ),
        )
        conversation_id = int(cursor.lastrowid or 0)
        for message in conversation.messages:
            cursor = conn.execute(
                "INSERT INTO messages (conversation_id, role, content, created_at, engine,"
                " model, status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    conversation_id,
                    message.role,
                    storable(message.content),
                    to_db_time(message.created_at),
                    storable(message.engine),
                    storable(message.model),
                    message.status,
                    storable(message.error),
                ),
            )
            message_id = int(cursor.lastrowid or 0)
            for attachment in message.attachments:
                conn.execute(
                    "INSERT INTO attachments (message_id, mime, name, data) VALUES (?, ?, ?, ?)",
                    (
                        message_id,
                        storable(attachment.mime),
                        storable(attachment.name),
                        attachment.data,
                    ),
                )
            if message.usage is not None:
                conn.execute(
                    "INSERT INTO message_usage_imported (message_id, usage) VALUES (?, ?)",
                    (message_id, json.dumps(message.usage, ensure_ascii=False)),
                )
            if thinking and message.thinking:
                conn.execute(
                    "UPDATE messages SET thinking = ? WHERE id = ?",
                    (storable(message.thinking), message_id),
                )
    return conversation_id
