"""A write-heavy Hearth session on the real serial writer, for killing with SIGKILL.

Prints one line per write the writer confirmed, flushed at once, so the test knows what
must survive: ``saved <message id> <length> <status>`` and ``usage <id>``.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from app.storage import repo
from app.storage.records import UsageRecord
from app.storage.writer import SerialWriter


def reply_text(turn: int) -> str:
    return "".join(f"[{turn}:{i}] 本地 reply text " for i in range(400))  # ~10 KB


def main(path: Path) -> None:
    writer = SerialWriter(path)
    writer.opened().result(30)
    turn = 0
    while True:
        one_turn(writer, turn)
        turn += 1


def one_turn(writer: SerialWriter, turn: int) -> None:
    conv = writer.call(lambda c, t=turn: repo.create_conversation(c, f"turn {t}"))
    asked = writer.call(lambda c: repo.add_message(c, conv.id, "user", "question " * 50))
    print(f"saved {asked.id} {len(asked.content)} ok", flush=True)
    msg = writer.call(lambda c: repo.add_message(c, conv.id, "assistant", "", status="streaming"))
    text = reply_text(turn)
    for end in range(800, len(text), 800):  # checkpoints as the reply streams
        writer.call(
            lambda c, e=end: repo.update_message(c, msg.id, content=text[:e], status="streaming")
        )
        print(f"saved {msg.id} {end} streaming", flush=True)
    writer.call(lambda c: repo.update_message(c, msg.id, content=text, status="ok"))
    print(f"saved {msg.id} {len(text)} ok", flush=True)
    usage_id = writer.call(
        lambda c: repo.record_usage(
            c,
            UsageRecord(
                ts=datetime.now(UTC),
                engine="ollama",
                model="qwen3:8b",
                is_local=True,
                outcome="ok",
                context_tokens=100,
                output_tokens_estimate=len(text) // 4,
                wall_ms=1.0,
                conversation_id=conv.id,
                message_id=msg.id,
            ),
        )
    )
    print(f"usage {usage_id}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
