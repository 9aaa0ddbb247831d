"""Opening a conversation at a message a search found.

A conversation opens with its newest page (``ChatCore.open``); the message found may be
thousands of messages back. The message list holds a run of messages that reaches the
newest one (new replies are appended to it), so the run loaded here starts ``before``
messages ahead of the one found and goes on to the end; older ones still load as the
person scrolls up. ``ChatCore.open_at`` runs this on the writer (storage, below
the chat layer, so the chat core may use it).
"""

from __future__ import annotations

import sqlite3

from app.storage import repo
from app.storage.records import Message

BEFORE = 20
"""Messages shown above the one found, for its context."""


def page_from(
    conn: sqlite3.Connection, conversation_id: int, message_id: int, before: int = BEFORE
) -> tuple[list[Message], bool]:
    """Messages from ``before`` ahead of ``message_id`` to the newest, oldest first, and
    whether older ones remain. A message no longer there: the newest page instead."""
    row = conn.execute(
        "SELECT id FROM messages WHERE conversation_id = ? AND id < ? ORDER BY id DESC"
        " LIMIT 1 OFFSET ?",
        (conversation_id, message_id, before - 1),
    ).fetchone()
    start = int(row[0]) if row is not None else 0
    rows = conn.execute(
        "SELECT id FROM messages WHERE conversation_id = ? AND id >= ? ORDER BY id",
        (conversation_id, start),
    ).fetchall()
    count = len(rows)
    page = repo.list_messages_page(conn, conversation_id, limit=count + 1) if count else []
    has_older = len(page) > count
    return page[-count:] if count else [], has_older
