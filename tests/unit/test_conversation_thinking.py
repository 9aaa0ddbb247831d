"""Issue 16 without Qt: ChatCore carries a reply's thinking live, checkpoints it with the
text, stores it beside the answer with how long the model thought, keeps it when the
reply is stopped or fails, and recovery after a crash counts it. A real database file,
the real Ollama client over real HTTP to the fake server."""

from __future__ import annotations

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.chat.conversation import ChatCore, build_request
from app.chat.recovery import INTERRUPTED, recover_interrupted
from app.chat.routes import EngineResolver
from app.chat.thinking import ThinkingTrace
from app.core.settings import Settings
from app.engines.tokens import estimate_text_tokens
from app.storage import repo
from app.storage.db import open_database
from app.storage.schema import SCHEMA_VERSION
from app.storage.writer import SerialWriter
from tests.fakes.ollama_server import ChatScript, FakeOllama, thinking_models

MODEL = "qwen3:8b"
THOUGHT = [f"step {i}, " for i in range(6)]


@pytest.fixture
def core(
    writer: SerialWriter, pool: ThreadPoolExecutor, fake_ollama: FakeOllama, data_dir: Path
) -> ChatCore:
    fake_ollama.models.extend(thinking_models())
    resolver = EngineResolver(Settings(data_dir / "settings.json"), fake_ollama.url)
    return ChatCore(writer, pool.submit, resolver)


def test_thinking_is_carried_live_then_stored_apart_with_its_duration(
    core: ChatCore, writer: SerialWriter, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(["The ", "answer."], thinking=THOUGHT, token_delay=0.05)
    )
    target, _ = core.send(None, "Think first", model=MODEL).result(10)
    live = core.reply(target.id, MODEL, think=True).result(10)
    drained: list[str] = []
    durations: list[int] = []
    texts_while_thinking: list[str] = []
    while not live.done.done():
        piece, ms = live.thought.drain()
        drained.append(piece)
        if ms is not None:
            durations.append(ms)
        if not live.thought.ended:
            texts_while_thinking.append(live.text)
        time.sleep(0.01)
    finished = live.done.result(10)
    piece, ms = live.thought.drain()
    drained.append(piece)
    if ms is not None:
        durations.append(ms)

    assert fake_ollama.requests[-1].body["think"] is True
    assert "".join(drained) == "".join(THOUGHT) == finished.reply.thinking
    assert set(texts_while_thinking) <= {""}, "the answer never arrived before it ended"
    assert len(durations) == 1, "the duration is told once, when thinking ends"
    # Six thinking lines 50 ms apart: it thought about a quarter of a second.
    assert 200 <= durations[0] <= 2000
    assert finished.reply.content == "The answer."

    stored = writer.call(lambda c: repo.list_messages(c, target.id))[-1]
    assert (stored.content, stored.thinking) == ("The answer.", "".join(THOUGHT))
    assert stored.thinking_ms == durations[0] == live.thought.ms
    # The thinking never goes back to the model as part of the conversation.
    conversation = writer.call(lambda c: repo.get_conversation(c, target.id))
    assert conversation is not None
    sent = build_request(conversation, [stored], MODEL)
    assert [m.content for m in sent.messages] == ["The answer."]
    # eval_count (the thinking included) is what the ledger keeps as output.
    (usage,) = writer.call(repo.list_usage)
    assert usage.output_tokens == usage.output_tokens_estimate == len(THOUGHT) + 2


def test_think_false_sends_false_and_nothing_is_thought(
    core: ChatCore, writer: SerialWriter, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.append(ChatScript(["Quick."], thinking=THOUGHT))
    target, _ = core.send(None, "No thinking", model=MODEL).result(10)
    finished = core.reply(target.id, MODEL, think=False).result(10).done.result(10)
    assert fake_ollama.requests[-1].body["think"] is False
    assert finished.reply.thinking == "" and finished.live.thought.ms is None
    stored = writer.call(lambda c: repo.list_messages(c, target.id))[-1]
    assert (stored.thinking, stored.thinking_ms) == ("", None)


def test_no_think_choice_sends_nothing(core: ChatCore, fake_ollama: FakeOllama) -> None:
    target, _ = core.send(None, "hi", model="llama3.2").result(10)
    core.reply(target.id, "llama3.2").result(10).done.result(10)
    assert "think" not in fake_ollama.requests[-1].body


def test_thinking_is_checkpointed_while_the_model_thinks(
    core: ChatCore, writer: SerialWriter, fake_ollama: FakeOllama
) -> None:
    slow = [f"t{i} " for i in range(30)]
    fake_ollama.chat_scripts.append(ChatScript(["Done."], thinking=slow, token_delay=0.1))
    target, _ = core.send(None, "Think slowly", model=MODEL).result(10)
    live = core.reply(target.id, MODEL, think=True).result(10)
    stored_while_thinking: list[tuple[str, int | None]] = []
    while not live.done.done():
        stored = writer.call(lambda c: repo.list_messages(c, target.id))[-1]
        if stored.status == "streaming" and not stored.content:
            stored_while_thinking.append((stored.thinking, stored.thinking_ms))
        time.sleep(0.1)
    # A crash while it thinks loses at most about a second of the thinking.
    longest = max(stored_while_thinking, key=lambda item: len(item[0]))
    assert len(longest[0].split()) >= 15
    assert longest[1] is not None and longest[1] >= 1000
    assert "".join(slow).startswith(longest[0])


def test_stop_while_thinking_keeps_the_thinking(
    core: ChatCore, writer: SerialWriter, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(["never"], thinking=[f"t{i} " for i in range(200)], token_delay=0.02)
    )
    target, _ = core.send(None, "Think", model=MODEL).result(10)
    live = core.reply(target.id, MODEL, think=True).result(10)
    while len(live.thought.text) < 20:
        time.sleep(0.01)
    core.stop(target.id)
    finished = live.done.result(10)
    assert finished.reply.outcome == "stopped" and finished.reply.content == ""
    stored = writer.call(lambda c: repo.list_messages(c, target.id))[-1]
    assert stored.status == "stopped"
    assert stored.thinking == finished.reply.thinking and stored.thinking.startswith("t0 t1")
    assert stored.thinking_ms is not None
    (usage,) = writer.call(repo.list_usage)
    # No usage line came: the ledger estimates the output, the thinking included.
    assert usage.outcome == "stopped"
    assert usage.output_tokens_estimate == estimate_text_tokens(stored.thinking)


def test_a_failed_reply_keeps_its_thinking(
    core: ChatCore, writer: SerialWriter, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(["a", "b", "c"], thinking=["Hmm, ", "let me see."], error_after=1)
    )
    target, _ = core.send(None, "Think", model=MODEL).result(10)
    finished = core.reply(target.id, MODEL, think=True).result(10).done.result(10)
    assert finished.reply.outcome == "failed"
    stored = writer.call(lambda c: repo.list_messages(c, target.id))[-1]
    assert (stored.status, stored.content, stored.thinking) == ("failed", "a", "Hmm, let me see.")


def test_the_think_choice_is_kept_per_conversation(core: ChatCore, writer: SerialWriter) -> None:
    first, _ = core.send(None, "one", model=MODEL).result(10)
    second, _ = core.send(None, "two", model=MODEL).result(10)
    assert first.think is None  # the model's own default until the person chooses
    core.set_think(first.id, "off").result(10)
    core.set_think(second.id, "high").result(10)
    assert writer.call(lambda c: repo.get_conversation(c, first.id)).think == "off"  # type: ignore[union-attr]
    assert writer.call(lambda c: repo.get_conversation(c, second.id)).think == "high"  # type: ignore[union-attr]
    core.set_think(first.id, None).result(10)
    assert writer.call(lambda c: repo.get_conversation(c, first.id)).think is None  # type: ignore[union-attr]


def test_recovery_after_a_crash_counts_the_thinking(writer: SerialWriter) -> None:
    """A reply cut off while it was still thinking: kept, as stopped, and its usage row
    counts the thinking as output (it would be billed)."""
    thinking = "思考一下这个问题。" * 20 + "Let me work through it. " * 10

    def crashed(conn: sqlite3.Connection) -> int:
        conversation = repo.create_conversation(conn, "crash", MODEL)
        repo.add_message(conn, conversation.id, "user", "Why?")
        reply = repo.add_message(
            conn, conversation.id, "assistant", "", model=MODEL, status="streaming"
        )
        repo.update_message(
            conn, reply.id, content="", status="streaming", thinking=thinking, thinking_ms=4200
        )
        return reply.id

    reply_id = writer.call(crashed)
    assert writer.call(recover_interrupted) == 1
    (stored,) = [m for m in writer.call(lambda c: repo.list_messages(c, 1)) if m.id == reply_id]
    assert (stored.status, stored.thinking, stored.thinking_ms) == ("stopped", thinking, 4200)
    (usage,) = writer.call(repo.list_usage)
    assert usage.done_reason == INTERRUPTED
    assert usage.output_tokens_estimate == estimate_text_tokens(thinking) > 200


def test_a_release_0_1_0_database_reads_as_no_thinking(tmp_path: Path) -> None:
    fixture = Path(__file__).parents[1] / "fixtures" / "release-0.1.0"
    copy = tmp_path / "old.sqlite3"
    copy.write_bytes((fixture / "hearth.sqlite3").read_bytes())
    conn = open_database(copy).connection
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        conversations = repo.list_conversations(conn)
        assert conversations and all(c.think is None for c in conversations)
        messages = repo.list_messages(conn, conversations[0].id)
        assert messages and all((m.thinking, m.thinking_ms) == ("", None) for m in messages)
    finally:
        conn.close()


def test_a_trace_tells_its_duration_once_and_a_snapshot_counts_as_drained() -> None:
    trace = ThinkingTrace()
    assert trace.ms is None and trace.drain() == ("", None)
    trace.answer_began()  # an answer without thinking: nothing to time
    assert trace.ms is None
    trace.push("a")
    trace.push("b")
    assert trace.snapshot() == ("ab", None)  # still thinking: no duration yet
    trace.push("c")
    trace.end()
    text, ms = trace.drain()
    assert text == "c" and ms is not None
    assert trace.drain() == ("", None)
    assert trace.snapshot() == ("abc", ms)
