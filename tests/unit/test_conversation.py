"""The conversation layer without Qt: a real database file, the real Ollama client over
real HTTP to the fake server, a plain thread pool for the reply lane."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from app.chat.conversation import (
    ChatCore,
    FinishedReply,
    LiveReply,
    Route,
    SendCancelled,
    build_request,
)
from app.chat.routes import EngineResolver
from app.cloud.keys import KeyStore
from app.core.settings import Settings
from app.engines.base import ChatRequest
from app.storage import repo
from app.storage.db import StorageError
from app.storage.records import Conversation, Message, utc_now
from app.storage.writer import SerialWriter
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens

T = TypeVar("T")
MODEL = "llama3.2"


class FlakyStore:
    """The real writer, refusing the first ``failures`` jobs that write a reply's end."""

    def __init__(self, writer: SerialWriter, failures: int) -> None:
        self.writer = writer
        self.failures = failures
        self.refused = 0

    def submit(self, fn: Callable[[sqlite3.Connection], T]) -> Future[T]:
        if self.failures and fn.__qualname__.endswith("_produce.<locals>.store"):
            self.failures -= 1
            self.refused += 1
            future: Future[T] = Future()
            future.set_exception(StorageError("database or disk is full"))
            return future
        return self.writer.submit(fn)


def make_core(
    store: Any, pool: ThreadPoolExecutor, fake: FakeOllama, data_dir: Path, **kwargs: Any
) -> ChatCore:
    resolver = EngineResolver(Settings(data_dir / "settings.json"), fake.url)
    return ChatCore(store, pool.submit, resolver, **kwargs)


def turn(core: ChatCore, conversation: Conversation | None, text: str) -> FinishedReply:
    target, _message = core.send(conversation, text, model=MODEL).result(10)
    live = core.reply(target.id, MODEL).result(10)
    return live.done.result(20)


def test_the_layer_imports_no_qt() -> None:
    code = (
        "import sys, app.chat.conversation, app.chat.routes; "
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_turn_stores_words_then_reply_text_and_usage_together(
    writer: SerialWriter, pool: ThreadPoolExecutor, fake_ollama: FakeOllama, data_dir: Path
) -> None:
    fake_ollama.chat_scripts.append(ChatScript(split_tokens("Blue light scatters more.")))
    core = make_core(writer, pool, fake_ollama, data_dir)
    seen: list[str] = []
    target, message = core.send(None, "Why is the sky blue?", model=MODEL).result(10)
    assert target.title == "Why is the sky blue?" and message.role == "user"
    live = core.reply(target.id, MODEL, on_delta=seen.append).result(10)
    finished = live.done.result(20)

    assert "".join(seen) == "Blue light scatters more." == finished.reply.content
    assert core.live(target.id) is None
    stored = writer.call(lambda c: repo.list_messages(c, target.id))
    assert [(m.role, m.content, m.status) for m in stored] == [
        ("user", "Why is the sky blue?", "ok"),
        ("assistant", "Blue light scatters more.", "ok"),
    ]
    usage = writer.call(repo.list_usage)
    assert len(usage) == 1 and usage[0].message_id == stored[1].id
    assert usage[0].id == finished.usage.id and usage[0].is_local
    sent = fake_ollama.requests_to("/api/chat")[-1].body
    assert [m["content"] for m in sent["messages"]] == ["Why is the sky blue?"]


def test_what_is_sent_is_decided_in_one_place_from_the_stored_history(
    writer: SerialWriter, pool: ThreadPoolExecutor, fake_ollama: FakeOllama, data_dir: Path
) -> None:
    fake_ollama.chat_scripts += [
        ChatScript(split_tokens("One.")),
        ChatScript(split_tokens("Half"), error_after=1),
        ChatScript(split_tokens("Three.")),
    ]
    core = make_core(writer, pool, fake_ollama, data_dir)
    first = turn(core, None, "first")
    conversation = writer.call(lambda c: repo.get_conversation(c, first.live.conversation_id))
    failed = turn(core, conversation, "second")
    assert failed.reply.outcome == "failed" and failed.error_text
    turn(core, conversation, "third")
    sent = fake_ollama.requests_to("/api/chat")[-1].body["messages"]
    # The failed reply is Hearth's trouble, not the model's words: it is not sent back.
    assert [(m["role"], m["content"]) for m in sent] == [
        ("user", "first"),
        ("assistant", "One."),
        ("user", "second"),
        ("user", "third"),
    ]


def test_build_request_leaves_out_failed_and_unfinished_replies() -> None:
    now = utc_now()
    conversation = Conversation(1, "t", now, now, system_prompt="Be brief.")
    messages = [
        Message(1, 1, "user", "a", now),
        Message(2, 1, "assistant", "x", now, status="failed"),
        Message(3, 1, "assistant", "half", now, status="stopped"),
        Message(4, 1, "assistant", "", now),
        Message(5, 1, "assistant", "writing", now, status="streaming"),
    ]
    request = build_request(conversation, messages, MODEL)
    assert [(m.role, m.content) for m in request.messages] == [
        ("system", "Be brief."),
        ("user", "a"),
        ("assistant", "half"),
    ]


def test_a_streaming_reply_is_checkpointed_every_second(
    writer: SerialWriter, pool: ThreadPoolExecutor, fake_ollama: FakeOllama, data_dir: Path
) -> None:
    fake_ollama.chat_scripts.append(ChatScript([f"w{i} " for i in range(40)], token_delay=0.1))
    core = make_core(writer, pool, fake_ollama, data_dir)
    target, _ = core.send(None, "talk slowly", model=MODEL).result(10)
    live = core.reply(target.id, MODEL).result(10)
    seen: list[tuple[float, str]] = []
    start = time.monotonic()
    while not live.done.done():
        stored = writer.call(lambda c: repo.list_messages(c, target.id))[-1]
        seen.append((time.monotonic() - start, stored.content))
        time.sleep(0.1)
    # While it streamed, the stored text never lagged the screen by much more than a
    # second: a crash at any moment loses at most about that.
    shown_by: dict[int, float] = {}
    for at, text in seen:
        shown_by.setdefault(len(text.split()), at)
    stored_lengths = [len(text.split()) for _, text in seen]
    assert max(stored_lengths) >= 25
    assert len({n for n in stored_lengths if n}) >= 3, "checkpointed more than once"
    for at, text in seen:
        words_on_screen_by_then = min(40, int(at / 0.1))
        assert len(text.split()) >= words_on_screen_by_then - 16, (at, text)


def test_stop_keeps_what_arrived_with_its_usage(
    writer: SerialWriter, pool: ThreadPoolExecutor, fake_ollama: FakeOllama, data_dir: Path
) -> None:
    fake_ollama.chat_scripts.append(ChatScript([f"t{i} " for i in range(200)], token_delay=0.02))
    core = make_core(writer, pool, fake_ollama, data_dir)
    target, _ = core.send(None, "go on", model=MODEL).result(10)
    live = core.reply(target.id, MODEL).result(10)
    while len(live.text) < 20:
        time.sleep(0.01)
    core.stop(target.id)
    finished = live.done.result(10)
    assert finished.reply.outcome == "stopped" and finished.reply.content.startswith("t0 t1")
    stored = writer.call(lambda c: repo.list_messages(c, target.id))[-1]
    assert (stored.status, stored.content) == ("stopped", finished.reply.content)
    (usage,) = writer.call(repo.list_usage)
    assert usage.outcome == "stopped" and usage.output_tokens_estimate > 0


def test_regenerate_keeps_the_old_reply_and_keeps_one_reply_at_a_time(
    writer: SerialWriter, pool: ThreadPoolExecutor, fake_ollama: FakeOllama, data_dir: Path
) -> None:
    fake_ollama.chat_scripts += [ChatScript(split_tokens("Old.")), ChatScript(split_tokens("New."))]
    core = make_core(writer, pool, fake_ollama, data_dir)
    first = turn(core, None, "hello")
    conversation_id = first.live.conversation_id
    live = core.regenerate(conversation_id, first.live.message_id, MODEL).result(10)
    second = core.reply(conversation_id, MODEL)  # while one is running: refused
    with pytest.raises(Exception, match="still being written"):
        second.result(10)
    live.done.result(20)
    stored = writer.call(lambda c: repo.list_messages(c, conversation_id))
    assert [m.content for m in stored] == ["hello", "Old.", "New."]  # issue 16: a version
    shown = core.open(conversation_id).result(10).messages
    assert [m.content for m in shown] == ["hello", "New."]
    assert len(writer.call(repo.list_usage)) == 2  # every reply generated stays in the ledger


def test_a_reply_the_disk_refuses_is_kept_and_saved_once_it_can_be(
    writer: SerialWriter, pool: ThreadPoolExecutor, fake_ollama: FakeOllama, data_dir: Path
) -> None:
    fake_ollama.chat_scripts.append(ChatScript(split_tokens("Worth keeping.")))
    store = FlakyStore(writer, failures=2)
    problems: list[str] = []
    core = make_core(
        store, pool, fake_ollama, data_dir, on_store_problem=lambda _l, e: problems.append(str(e))
    )
    target, _ = core.send(None, "hi", model=MODEL).result(10)
    finished = core.reply(target.id, MODEL).result(10).done.result(30)
    assert store.refused == 2 and len(problems) == 2 and "full" in problems[0]
    stored = writer.call(lambda c: repo.list_messages(c, target.id))[-1]
    assert (stored.content, stored.status) == ("Worth keeping.", "ok")
    assert finished.usage.id is not None and len(writer.call(repo.list_usage)) == 1


class RecordingGate:
    def __init__(self, verdict: Callable[[ChatRequest], ChatRequest]) -> None:
        self.verdict = verdict
        self.seen: list[tuple[int, Route, ChatRequest]] = []

    def review(self, conversation_id: int, route: Route, request: ChatRequest) -> ChatRequest:
        self.seen.append((conversation_id, route, request))
        if not route.leaves_machine:
            return request  # the gate sees every request; a local one it lets through
        return self.verdict(request)


def cancel(_request: ChatRequest) -> ChatRequest:
    raise SendCancelled


def test_a_request_that_leaves_the_machine_passes_the_gate_and_may_be_cancelled(
    writer: SerialWriter, pool: ThreadPoolExecutor, fake_ollama: FakeOllama, data_dir: Path
) -> None:
    core = make_core(writer, pool, fake_ollama, data_dir)
    gate = RecordingGate(cancel)
    core.gate = gate
    with installed(MemoryKeyring()):
        KeyStore().set("openai", "sk-test-0123456789")
        gated_turns(core, gate, writer)


def gated_turns(core: ChatCore, gate: RecordingGate, writer: SerialWriter) -> None:
    target, _ = core.send(None, "AKIAIOSFODNN7EXAMPLE", model=MODEL).result(10)
    local = core.reply(target.id, MODEL).result(10).done.result(20)
    # Every request passes the gate (issue 12); a local one goes through unchanged.
    assert [route.leaves_machine for _, route, _ in gate.seen] == [False]
    assert local.reply.outcome == "ok"

    escalated = core.escalate(target.id, "openai", "gpt-4.1").result(10)
    assert escalated.cloud_provider == "openai"
    core.send(escalated, "follow-up", model=MODEL).result(10)
    finished = core.reply(target.id, MODEL).result(10).done.result(20)
    assert finished.cancelled
    assert len(gate.seen) == 2
    conversation_id, route, request = gate.seen[-1]
    assert conversation_id == target.id and route.leaves_machine and route.provider == "openai"
    assert request.messages[-1].content == "follow-up"
    stored = writer.call(lambda c: repo.list_messages(c, target.id))
    assert [m.role for m in stored] == ["user", "assistant", "user"]  # no empty placeholder

    back = core.return_to_local(target.id).result(10)
    assert not back.escalated


def test_reply_threads_never_share_a_live_reply(
    writer: SerialWriter, pool: ThreadPoolExecutor, fake_ollama: FakeOllama, data_dir: Path
) -> None:
    fake_ollama.chat_scripts += [ChatScript(split_tokens(f"Answer {i}.")) for i in range(3)]
    core = make_core(writer, pool, fake_ollama, data_dir)
    targets = [core.send(None, f"q{i}", model=MODEL).result(10)[0] for i in range(3)]
    lives: list[LiveReply] = [core.reply(t.id, MODEL).result(10) for t in targets]
    texts = sorted(live.done.result(20).reply.content for live in lives)
    assert texts == ["Answer 0.", "Answer 1.", "Answer 2."]
    assert core.active() == []


def test_close_gives_up_waiting_for_a_disk_that_stays_full(
    writer: SerialWriter, pool: ThreadPoolExecutor, fake_ollama: FakeOllama, data_dir: Path
) -> None:
    fake_ollama.chat_scripts.append(ChatScript(split_tokens("Lost to the full disk.")))
    core = make_core(FlakyStore(writer, failures=1000), pool, fake_ollama, data_dir)
    target, _ = core.send(None, "hi", model=MODEL).result(10)
    live = core.reply(target.id, MODEL).result(10)
    time.sleep(0.5)
    closing = threading.Thread(target=core.close)
    closing.start()
    finished = live.done.result(5)
    closing.join(5)
    assert finished.usage.id is None  # never stored, and the caller can tell
