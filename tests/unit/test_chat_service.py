"""run_reply with the real OllamaEngine against the fake Ollama server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from app.chat.service import Reply, run_reply
from app.engines.base import ChatMessage, ChatRequest, ErrorKind, StreamEvent, TextDelta
from app.engines.ollama import OllamaEngine
from app.engines.tokens import estimate_context_tokens
from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens, thinking_models


class Conversation:
    """A growing chat history, replied to through run_reply like the chat view does."""

    def __init__(self, engine: OllamaEngine, model: str = "llama3.2") -> None:
        self.engine = engine
        self.model = model
        self.history: list[ChatMessage] = [ChatMessage("system", "You are a helpful assistant.")]
        self.deltas: list[str] = []

    def ask(self, text: str, cancel: threading.Event | None = None) -> Reply:
        self.history.append(ChatMessage("user", text))
        self.deltas = []
        request = ChatRequest(self.model, tuple(self.history))
        reply = run_reply(
            self.engine, request, cancel or threading.Event(), self.deltas.append, provider=""
        )
        self.history.append(ChatMessage("assistant", reply.content))
        return reply


QUESTION = "Explain in a few sentences how a hash map works and when to use one."
ANSWER = split_tokens(
    "A hash map stores values under keys. It hashes each key to pick a bucket, so "
    "lookups take constant time on average. Use one when you look things up by key."
)


def test_context_grows_every_turn_whatever_ollama_reports(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts += [
        ChatScript(ANSWER),
        ChatScript(ANSWER, cache_reduced=True),  # counts only the tokens after the cache
        ChatScript(ANSWER, omit_prompt_eval_count=True),  # the cache-hit quirk: no field
        ChatScript(ANSWER, cache_reduced=True),
    ]
    chat = Conversation(OllamaEngine(fake_ollama.url))
    records = [chat.ask(QUESTION + f" (turn {turn})").usage for turn in range(4)]

    contexts = [r.context_tokens for r in records]
    assert contexts == sorted(contexts)
    assert len(set(contexts)) == 4, contexts
    # The first turn reports the whole prompt; later turns under-report, yet the
    # recorded context covers the whole history sent.
    assert records[0].input_tokens == records[0].context_tokens
    for reduced in (records[1], records[3]):
        assert reduced.input_tokens is not None
        assert reduced.input_tokens < reduced.context_tokens
    assert records[2].input_tokens is None
    for record, sent in zip(records, _requests_sent(fake_ollama), strict=True):
        assert record.context_tokens >= estimate_context_tokens(sent)
        assert record.outcome == "ok"
        assert record.output_tokens == len(ANSWER)
        assert record.engine == "ollama"
        assert record.is_local
        assert record.cost_usd is None


def _requests_sent(fake: FakeOllama) -> list[list[ChatMessage]]:
    return [
        [ChatMessage(m["role"], m["content"]) for m in request.body["messages"]]
        for request in fake.requests_to("/api/chat")
    ]


def test_omitted_metrics_are_recorded_as_unknown(fake_ollama: FakeOllama) -> None:
    chat = Conversation(OllamaEngine(fake_ollama.url))
    first = chat.ask("Hi").usage
    second = chat.ask("And again").usage  # the model is loaded now: load_duration is 0
    assert first.load_duration_ns is not None
    assert first.load_duration_ns > 0
    assert second.load_duration_ns is None
    assert second.eval_duration_ns is not None
    assert second.total_duration_ns is not None


def test_length_limit_is_recorded(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(ChatScript(ANSWER[:5], done_reason="length"))
    reply = Conversation(OllamaEngine(fake_ollama.url)).ask(QUESTION)
    assert reply.outcome == "ok"
    assert reply.usage.done_reason == "length"
    assert reply.content == "".join(ANSWER[:5])


def test_model_error_mid_stream_keeps_the_text_that_arrived(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(ANSWER, error_after=4, error_message="llama runner process has terminated")
    )
    chat = Conversation(OllamaEngine(fake_ollama.url))
    reply = chat.ask(QUESTION)
    assert reply.outcome == "failed"
    assert reply.content == "".join(ANSWER[:4])
    assert "".join(chat.deltas) == "".join(ANSWER[:4])
    assert reply.error is not None
    assert reply.error.kind is ErrorKind.MODEL
    assert reply.error.detail == "llama runner process has terminated"
    assert reply.usage.outcome == "failed"
    assert reply.usage.output_tokens is None


def test_nothing_listening_fails_as_unreachable(dead_url: str) -> None:
    reply = Conversation(OllamaEngine(dead_url)).ask(QUESTION)
    assert reply.outcome == "failed"
    assert reply.content == ""
    assert reply.error is not None
    assert reply.error.kind is ErrorKind.UNREACHABLE
    assert dead_url in reply.error.detail
    assert reply.usage.ttft_ms is None


def test_cut_stream_fails_as_stream_cut_keeping_partial_text(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(ChatScript(ANSWER, cut_after=6))
    reply = Conversation(OllamaEngine(fake_ollama.url)).ask(QUESTION)
    assert reply.outcome == "failed"
    assert reply.content == "".join(ANSWER[:6])
    assert reply.error is not None
    assert reply.error.kind is ErrorKind.STREAM_CUT


def test_stop_mid_stream_keeps_partial_text_and_closes_the_connection(
    fake_ollama: FakeOllama,
) -> None:
    long_answer = [f"word{i} " for i in range(500)]
    fake_ollama.chat_scripts.append(ChatScript(long_answer, token_delay=0.01))
    cancel = threading.Event()
    chat = Conversation(OllamaEngine(fake_ollama.url))
    threading.Timer(0.3, cancel.set).start()
    started = time.perf_counter()
    reply = chat.ask(QUESTION, cancel)
    assert time.perf_counter() - started < 2.5  # far less than the 5 s the reply would take
    assert reply.outcome == "stopped"
    assert reply.error is None
    assert 0 < len(chat.deltas) < len(long_answer)
    assert reply.content == "".join(long_answer[: len(chat.deltas)])
    assert reply.usage.outcome == "stopped"
    assert reply.usage.output_tokens is None
    assert reply.usage.output_tokens_estimate > 0
    record = fake_ollama.requests_to("/api/chat")[-1]
    assert fake_ollama.wait_for(lambda: record.finished)
    assert record.disconnected
    assert record.lines_sent < len(long_answer) // 2


def test_time_to_first_token_includes_the_wait(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(ChatScript(ANSWER, first_token_delay=0.4))
    reply = Conversation(OllamaEngine(fake_ollama.url)).ask(QUESTION)
    assert reply.outcome == "ok"
    assert reply.usage.ttft_ms is not None
    assert reply.usage.ttft_ms >= 400
    assert reply.usage.wall_ms >= reply.usage.ttft_ms


def test_thinking_is_kept_apart_from_the_answer(fake_ollama: FakeOllama) -> None:
    fake_ollama.models.extend(thinking_models())
    fake_ollama.chat_scripts.append(
        ChatScript(["Paris."], thinking=["The capital ", "of France..."])
    )
    reply = Conversation(OllamaEngine(fake_ollama.url), "qwen3:8b").ask("Capital of France?")
    assert reply.content == "Paris."
    assert reply.thinking == "The capital of France..."
    assert reply.usage.output_tokens == 3


def test_a_bug_in_the_stream_fails_the_reply_keeping_its_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Not an engine's answer but a fault in reading it: the reply must still end (never
    # stuck "writing…") as failed, with the text so far and a reason.
    class BrokenEngine:
        engine_id = "ollama"
        is_local = True

        def stream_chat(
            self, request: ChatRequest, cancel: threading.Event
        ) -> Iterator[StreamEvent]:
            yield TextDelta("Half a ")
            raise RuntimeError("parser fell over")

    deltas: list[str] = []
    request = ChatRequest("llama3.2", (ChatMessage("user", QUESTION),))
    reply = run_reply(BrokenEngine(), request, threading.Event(), deltas.append)
    assert reply.outcome == "failed"
    assert reply.content == "Half a " == "".join(deltas)
    assert reply.error is not None and "parser fell over" in reply.error.detail
    assert reply.usage.outcome == "failed"
    assert "failed unexpectedly" in caplog.text
