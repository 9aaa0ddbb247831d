"""After a crash: replies that were still being written are kept, as stopped, and each
gets the usage row it would have had — the model did the work, and the ledger should
count it. Runs once at start-up on the writer thread, before any reply starts."""

from __future__ import annotations

import sqlite3

from app.chat.conversation import build_request
from app.cloud.providers import UnknownProviderError, get_provider
from app.engines.tokens import estimate_context_tokens, estimate_text_tokens
from app.storage import liveness, repo, tree
from app.storage.records import UsageRecord, from_db_time

INTERRUPTED = "interrupted"
"""``done_reason`` of a usage row written for a reply cut off by a crash."""


def _is_local(engine: str) -> bool:
    if engine in ("", "ollama"):
        return True
    try:
        return get_provider(engine).is_local
    except UnknownProviderError:
        return True  # an engine Hearth no longer knows: it was not a cloud it prices


def recover_interrupted(conn: sqlite3.Connection) -> int:
    """Mark every reply left 'streaming' by a process that no longer runs as stopped,
    with an estimated usage row; return how many."""
    rows = conn.execute(
        "SELECT id, conversation_id, content, thinking, engine, model, created_at FROM messages"
        " WHERE status = 'streaming' ORDER BY id"
    ).fetchall()
    recovered = 0
    for row in rows:
        if liveness.written_elsewhere(conn, row["id"]):
            continue  # a running `hearth ask` (or another window) is still writing it
        conversation = repo.get_conversation(conn, row["conversation_id"])
        # What it was answering: its branch up to it (issue 16: app/storage/tree.py).
        earlier = tree.path_to(conn, row["conversation_id"], tree.parent_of(conn, row["id"]))
        context = (
            estimate_context_tokens(build_request(conversation, earlier, row["model"]).messages)
            if conversation is not None
            else 0
        )
        counted = conn.execute(
            "SELECT 1 FROM usage WHERE message_id = ? LIMIT 1", (row["id"],)
        ).fetchone()
        conn.execute("BEGIN")  # the mark and the usage row go together
        conn.execute("UPDATE messages SET status = 'stopped' WHERE id = ?", (row["id"],))
        # Issue 16: the thinking is output the model produced (a cloud bills it too).
        produced = row["content"] + row["thinking"]
        if counted is None and produced:
            repo.record_usage(
                conn,
                UsageRecord(
                    ts=from_db_time(row["created_at"]),
                    engine=row["engine"] or "ollama",
                    provider=row["engine"] or "ollama",
                    model=row["model"],
                    is_local=_is_local(row["engine"]),
                    outcome="stopped",
                    context_tokens=context,
                    output_tokens_estimate=estimate_text_tokens(row["content"])
                    + estimate_text_tokens(row["thinking"]),
                    wall_ms=0.0,
                    conversation_id=row["conversation_id"],
                    message_id=row["id"],
                    usage_estimated=True,
                    done_reason=INTERRUPTED,
                ),
            )
        if conn.in_transaction:
            conn.execute("COMMIT")
        recovered += 1
    return recovered
