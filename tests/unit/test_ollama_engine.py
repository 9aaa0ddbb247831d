"""OllamaEngine against the fake Ollama server: real HTTP, the real ollama client."""

from __future__ import annotations

import base64
import threading
import time
from dataclasses import replace

import pytest

from app.engines.base import (
    ChatMessage,
    ChatRequest,
    EngineError,
    ErrorKind,
    ReplyFinished,
    StreamEvent,
    TextDelta,
    ThinkingDelta,
)
from app.engines.ollama import OllamaEngine, _Piece, client_for, ollama_host
from tests.fakes.ollama_server import ChatScript, FakeOllama, thinking_models

HELLO = ChatRequest("llama3.2", (ChatMessage("user", "Say hello"),))


def collect(engine: OllamaEngine, request: ChatRequest = HELLO) -> list[StreamEvent]:
    return list(engine.stream_chat(request, threading.Event()))


def text_of(events: list[StreamEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


def text_then_error(url: str) -> tuple[str, EngineError]:
    """The text a stream delivered before it failed, and how it failed."""
    received: list[str] = []
    with pytest.raises(EngineError) as caught:
        for event in OllamaEngine(url).stream_chat(HELLO, threading.Event()):
            received += [event.text] if isinstance(event, TextDelta) else []
    return "".join(received), caught.value


def finished(events: list[StreamEvent]) -> ReplyFinished:
    finals = [e for e in events if isinstance(e, ReplyFinished)]
    assert len(finals) == 1
    assert events[-1] is finals[0]
    return finals[0]


def test_host_comes_from_ollama_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OLLAMA_HOST", raising=False)
    assert ollama_host() == "http://127.0.0.1:11434"
    monkeypatch.setenv("OLLAMA_HOST", "0.0.0.0:9999")
    assert OllamaEngine().host == "http://0.0.0.0:9999"
    assert ollama_host("studio.local") == "http://studio.local:11434"
    assert ollama_host("https://ollama.example.org/") == "https://ollama.example.org:443"


def test_plain_http_clients_skip_tls_but_never_follow_a_redirect() -> None:
    """No CA bundle is loaded for the usual http:// Ollama (start-up time), so such a
    client must not follow a redirect to an HTTPS address it would not verify."""
    import httpx

    plain = client_for("http://127.0.0.1:11434", httpx.Timeout(1.0))
    secure = client_for("https://ollama.example:443", httpx.Timeout(1.0))
    assert plain._client.follow_redirects is False
    assert secure._client.follow_redirects is True
    assert secure._client._transport._pool._ssl_context.verify_mode.name == "CERT_REQUIRED"


def test_lists_installed_models_with_sizes(fake_ollama: FakeOllama) -> None:
    engine = OllamaEngine(fake_ollama.url)
    models = {m.name: m for m in engine.list_models()}
    assert set(models) == {"llama3.2:latest", "gemma3:4b"}
    gemma = models["gemma3:4b"]
    assert gemma.size_bytes == 3_338_801_804
    assert (gemma.parameter_size, gemma.quantization, gemma.family) == ("4.3B", "Q4_K_M", "gemma3")
    assert gemma.modified_at.startswith("2025-09-30T10:12:41")
    assert engine.engine_id == "ollama"
    assert engine.is_local


def test_model_details_give_vision_and_context_length(fake_ollama: FakeOllama) -> None:
    fake_ollama.models[1].context_length = 32768
    engine = OllamaEngine(fake_ollama.url)
    gemma = engine.model_details("gemma3:4b")
    assert gemma.vision
    assert gemma.context_length == 32768
    assert not engine.model_details("llama3.2").vision
    with pytest.raises(EngineError) as caught:
        engine.model_details("nope:1b")
    assert caught.value.kind is ErrorKind.NOT_FOUND
    assert "nope:1b" in caught.value.detail


def test_version_and_ping(fake_ollama: FakeOllama, dead_url: str) -> None:
    fake_ollama.version = "0.13.1"
    assert OllamaEngine(fake_ollama.url).version() == "0.13.1"
    assert OllamaEngine(fake_ollama.url).ping()
    assert not OllamaEngine(dead_url).ping()
    with pytest.raises(EngineError) as caught:
        OllamaEngine(dead_url).version()
    assert caught.value.kind is ErrorKind.UNREACHABLE


def test_streams_text_then_usage_with_every_metric(fake_ollama: FakeOllama) -> None:
    metrics = {
        "total_duration": 5_000_000_000,
        "load_duration": 1_000_000_000,
        "prompt_eval_count": 26,
        "prompt_eval_duration": 130_000_000,
        "eval_count": 3,
        "eval_duration": 290_000_000,
    }
    fake_ollama.chat_scripts.append(ChatScript(["Hel", "lo", "!"], metrics=metrics))
    events = collect(OllamaEngine(fake_ollama.url))
    assert text_of(events) == "Hello!"
    usage = finished(events).usage
    assert usage.input_tokens == 26
    assert usage.cached_input_tokens is None
    assert usage.output_tokens == 3
    assert usage.total_duration_ns == 5_000_000_000
    assert usage.load_duration_ns == 1_000_000_000
    assert usage.prompt_eval_duration_ns == 130_000_000
    assert usage.eval_duration_ns == 290_000_000
    assert usage.done_reason == "stop"
    assert not usage.estimated


def test_zero_metrics_are_omitted_and_read_as_unknown(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(["ok"], metrics={"load_duration": 0, "eval_count": 1, "eval_duration": 9})
    )
    usage = finished(collect(OllamaEngine(fake_ollama.url))).usage
    assert usage.load_duration_ns is None  # omitted on the wire, not 0
    assert usage.input_tokens is None
    assert usage.total_duration_ns is None
    assert usage.output_tokens == 1


def test_cached_prompt_tokens_are_split_out(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(["ok"], metrics={"prompt_eval_count": 1200, "prompt_eval_cached_count": 1100})
    )
    usage = finished(collect(OllamaEngine(fake_ollama.url))).usage
    assert (usage.input_tokens, usage.cached_input_tokens) == (100, 1100)


def test_sends_history_images_and_output_limit(fake_ollama: FakeOllama) -> None:
    picture = b"\x89PNG\r\n\x1a\nfake-pixels"
    request = ChatRequest(
        "gemma3:4b",
        (
            ChatMessage("system", "Be brief."),
            ChatMessage("user", "What is this?", images=(picture,)),
        ),
        max_output_tokens=2,
    )
    fake_ollama.chat_scripts.append(ChatScript(["A", " cat", " on", " a", " mat"]))
    events = collect(OllamaEngine(fake_ollama.url), request)
    assert text_of(events) == "A cat"
    assert finished(events).usage.done_reason == "length"
    body = fake_ollama.requests_to("/api/chat")[-1].body
    assert body["model"] == "gemma3:4b"
    assert body["stream"] is True
    assert body["options"] == {"num_predict": 2}
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert base64.b64decode(body["messages"][1]["images"][0]) == picture
    assert "images" not in body["messages"][0]


def test_thinking_arrives_before_the_answer(fake_ollama: FakeOllama) -> None:
    fake_ollama.models.extend(thinking_models())
    fake_ollama.chat_scripts.append(ChatScript(["42"], thinking=["Let me ", "think."]))
    events = collect(OllamaEngine(fake_ollama.url), replace(HELLO, model="qwen3:8b"))
    kinds = [type(e) for e in events]
    # Lines that arrive together become one event; the order of kinds is kept.
    assert [k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] is not k] == [
        ThinkingDelta,
        TextDelta,
        ReplyFinished,
    ]
    assert "".join(e.text for e in events if isinstance(e, ThinkingDelta)) == "Let me think."


def test_a_line_the_client_cannot_read_fails_the_reply_after_the_text(
    fake_ollama: FakeOllama,
) -> None:
    # Text lines skip pydantic for speed; anything unusual must still be validated.
    odd = {"model": "llama3.2:latest", "message": {"role": "assistant", "content": 7}}
    fake_ollama.chat_scripts.append(ChatScript(["a", "b", "c"], odd_lines={2: odd}))
    received, error = text_then_error(fake_ollama.url)
    assert received == "ab"
    assert error.kind is ErrorKind.SERVER
    assert "could not read" in error.detail


def test_lines_with_extra_fields_or_no_content_still_stream(fake_ollama: FakeOllama) -> None:
    tool_call = {
        "model": "llama3.2:latest",
        "created_at": "2026-11-23T10:00:00Z",
        "message": {"role": "assistant", "content": "", "tool_calls": [{"function": {}}]},
        "done": False,
    }
    fake_ollama.chat_scripts.append(ChatScript(["a", "-", "c"], odd_lines={1: tool_call}))
    events = collect(OllamaEngine(fake_ollama.url))
    assert text_of(events) == "ac"
    assert finished(events).usage.output_tokens == 3


def test_error_line_mid_stream_is_a_model_error_after_the_text(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(
            ["one", " two", " three"], error_after=2, error_message="CUDA error: out of memory"
        )
    )
    received: list[str] = []
    with pytest.raises(EngineError) as caught:
        for event in OllamaEngine(fake_ollama.url).stream_chat(HELLO, threading.Event()):
            if isinstance(event, TextDelta):
                received.append(event.text)
    assert "".join(received) == "one two"
    assert caught.value.kind is ErrorKind.MODEL
    assert caught.value.detail == "CUDA error: out of memory"


@pytest.mark.parametrize(
    ("status", "kind"),
    [(500, ErrorKind.SERVER), (503, ErrorKind.SERVER), (400, ErrorKind.BAD_REQUEST)],
)
def test_http_errors_map_to_kinds(fake_ollama: FakeOllama, status: int, kind: ErrorKind) -> None:
    fake_ollama.chat_scripts.append(
        ChatScript(["x"], http_status=status, error_message="server busy")
    )
    with pytest.raises(EngineError) as caught:
        collect(OllamaEngine(fake_ollama.url))
    assert caught.value.kind is kind
    assert caught.value.status == status
    assert caught.value.detail == "server busy"


def test_unknown_model_is_not_found(fake_ollama: FakeOllama) -> None:
    request = ChatRequest("mistral:7b", (ChatMessage("user", "hi"),))
    with pytest.raises(EngineError) as caught:
        collect(OllamaEngine(fake_ollama.url), request)
    assert caught.value.kind is ErrorKind.NOT_FOUND
    assert "mistral:7b" in caught.value.detail
    assert "try pulling it first" in caught.value.detail


def test_nothing_listening_is_unreachable_and_names_the_host(dead_url: str) -> None:
    engine = OllamaEngine(dead_url)
    for call in (lambda: collect(engine), engine.list_models):
        with pytest.raises(EngineError) as caught:
            call()
        assert caught.value.kind is ErrorKind.UNREACHABLE
        assert "Ollama is not running at " + dead_url in caught.value.detail


def test_connection_cut_mid_reply_is_stream_cut(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(ChatScript(["a", "b", "c", "d"], cut_after=2))
    received, error = text_then_error(fake_ollama.url)
    assert received == "ab"
    assert error.kind is ErrorKind.STREAM_CUT


def test_slow_server_times_out(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(ChatScript(["late"], first_token_delay=3))
    with pytest.raises(EngineError) as caught:
        collect(OllamaEngine(fake_ollama.url, read_timeout=0.3))
    assert caught.value.kind is ErrorKind.TIMEOUT


def test_stop_mid_stream_closes_the_connection(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(ChatScript([f"w{i} " for i in range(400)], token_delay=0.01))
    cancel = threading.Event()
    events: list[StreamEvent] = []
    for event in OllamaEngine(fake_ollama.url).stream_chat(HELLO, cancel):
        events.append(event)
        if len(events) == 5:
            cancel.set()
    assert 5 <= len(events) < 10
    assert not any(isinstance(e, ReplyFinished) for e in events)
    record = fake_ollama.requests_to("/api/chat")[-1]
    assert fake_ollama.wait_for(lambda: record.finished, timeout=5)
    assert record.disconnected
    assert record.lines_sent < 50  # the server stopped generating, not ran to 400


def test_stop_while_the_model_loads_returns_at_once(fake_ollama: FakeOllama) -> None:
    words = [f"w{i} " for i in range(100)]
    fake_ollama.chat_scripts.append(ChatScript(words, first_token_delay=1, token_delay=0.02))
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.perf_counter()
    events = list(OllamaEngine(fake_ollama.url).stream_chat(HELLO, cancel))
    assert events == []
    assert time.perf_counter() - started < 0.9  # did not wait for the first token
    record = fake_ollama.requests_to("/api/chat")[-1]
    # The reader closes the response as soon as the first line finally arrives.
    assert fake_ollama.wait_for(lambda: record.finished, timeout=5)
    assert record.disconnected
    assert record.lines_sent < 20


def test_paced_tokens_arrive_one_by_one_not_held_back(fake_ollama: FakeOllama) -> None:
    # Joining lines must only join what has already arrived, never wait to fill a batch.
    fake_ollama.chat_scripts.append(ChatScript([f"w{i} " for i in range(6)], token_delay=0.05))
    arrivals: list[tuple[float, str]] = []
    for event in OllamaEngine(fake_ollama.url).stream_chat(HELLO, threading.Event()):
        if isinstance(event, TextDelta):
            arrivals.append((time.perf_counter(), event.text))
    assert [text for _at, text in arrivals] == [f"w{i} " for i in range(6)]
    assert arrivals[-1][0] - arrivals[0][0] > 0.2


def test_a_model_going_back_to_thinking_keeps_the_order() -> None:
    engine = OllamaEngine("http://127.0.0.1:9")
    pieces = [_Piece("", "hmm "), _Piece("A", ""), _Piece("", "wait "), _Piece("B", "")]
    events = list(engine._batch_events(list(pieces), None, "m"))
    assert [(type(e), e.text) for e in events if isinstance(e, TextDelta | ThinkingDelta)] == [
        (ThinkingDelta, "hmm "),
        (TextDelta, "A"),
        (ThinkingDelta, "wait "),
        (TextDelta, "B"),
    ]


def test_streams_five_thousand_tokens_quickly(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(ChatScript([f"t{i} " for i in range(5000)]))
    started = time.perf_counter()
    events = collect(OllamaEngine(fake_ollama.url))
    assert text_of(events) == "".join(f"t{i} " for i in range(5000))
    assert finished(events).usage.output_tokens == 5000
    assert time.perf_counter() - started < 10


def test_sends_exactly_the_request_the_official_client_sends(fake_ollama: FakeOllama) -> None:
    # The engine reads the stream itself but sends through the client's own httpx client:
    # same path, body and headers as ollama.Client.chat().
    import ollama

    collect(OllamaEngine(fake_ollama.url))
    for _chunk in ollama.Client(host=fake_ollama.url).chat(
        model="llama3.2", messages=[{"role": "user", "content": "Say hello"}], stream=True
    ):
        pass
    ours, theirs = fake_ollama.requests_to("/api/chat")[-2:]
    assert (ours.method, ours.path) == (theirs.method, theirs.path) == ("POST", "/api/chat")
    assert {k: v for k, v in ours.body.items() if v is not None} == {
        k: v for k, v in theirs.body.items() if v is not None and v != []
    }
    for header in ("user-agent", "content-type", "accept", "host"):
        assert ours.headers[header] == theirs.headers[header], header
    assert ours.headers["user-agent"].startswith("ollama-python/")


def test_chinese_split_inside_a_character_between_reads_arrives_whole(
    fake_ollama: FakeOllama,
) -> None:
    # Ollama writes Chinese as raw UTF-8; a network may deliver a line in two reads, cut
    # inside a three-byte character. Each line below ends '好"},"done":false}' + newline,
    # so cutting 18 bytes from its end splits that character.
    tokens = ["你好", "，世界好", " 🌏 好"]
    fake_ollama.chat_scripts.append(ChatScript(tokens, split_at=-18))
    events = collect(OllamaEngine(fake_ollama.url))
    assert text_of(events) == "".join(tokens)
    assert finished(events).usage.output_tokens == 3


def test_a_stream_compressed_by_a_proxy_is_read(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(ChatScript(["压缩", "的 ", "stream"], gzip=True))
    events = collect(OllamaEngine(fake_ollama.url))
    assert text_of(events) == "压缩的 stream"
    assert finished(events).usage.output_tokens == 3
