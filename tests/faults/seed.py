"""A database with a few hundred conversations' worth of real rows, for damaging."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.storage import repo
from app.storage.records import UsageRecord
from app.storage.writer import SerialWriter

CONVERSATIONS = 40
MESSAGES_EACH = 30  # 1,200 messages, ~1 MB: a few hundred pages


def usage(i: int) -> UsageRecord:
    return UsageRecord(
        ts=datetime(2026, 11, 1, tzinfo=UTC) + timedelta(minutes=7 * i),
        engine="ollama",
        model="qwen3:8b",
        is_local=True,
        outcome="ok",
        context_tokens=500 + i,
        output_tokens_estimate=120,
        wall_ms=900.0,
        input_tokens=400,
        output_tokens=120,
        provider="ollama",
    )


def seed(path: Path) -> None:
    writer = SerialWriter(path)
    try:

        def fill(conn):  # type: ignore[no-untyped-def]
            for c in range(CONVERSATIONS):
                conv = repo.create_conversation(conn, f"会话 {c}")
                for m in range(MESSAGES_EACH):
                    role = "user" if m % 2 == 0 else "assistant"
                    text = f"conversation {c} message {m}: " + "喜欢本地模型 " * 60
                    msg = repo.add_message(conn, conv.id, role, text)
                    if role == "assistant":
                        record = usage(c * MESSAGES_EACH + m)
                        repo.record_usage(
                            conn,
                            UsageRecord(
                                **{
                                    **record.__dict__,
                                    "conversation_id": conv.id,
                                    "message_id": msg.id,
                                }
                            ),
                        )

        writer.call(fill, timeout=120)
    finally:
        writer.close()  # the last connection closes: the WAL is checkpointed into the file
