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

from app.storage import tree
from app.storage.records import Message

BEFORE = 20
"""Messages shown above the one found, for its context."""


def page_from(
    conn: sqlite3.Connection, conversation_id: int, message_id: int, before: int = BEFORE
) -> tuple[list[Message], bool]:
    """Messages of the active branch from ``before`` ahead of ``message_id`` to the
    newest, oldest first, and whether older ones remain. A message found on another
    branch (an earlier version, an edit's old branch) makes that branch the active one,
    so what the person searched for is what they see. A message no longer there: the
    newest page instead."""
    ids = tree.path_ids(conn, conversation_id)
    if message_id not in ids:
        try:
            tree.choose(conn, conversation_id, message_id)
        except LookupError:
            return tree.path_page(conn, conversation_id)
        ids = tree.path_ids(conn, conversation_id)
    start = max(0, ids.index(message_id) - before) if message_id in ids else 0
    return tree.path_page(conn, conversation_id, limit=max(1, len(ids) - start))
