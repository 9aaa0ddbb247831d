"""The Anthropic engine, with the real ``anthropic`` SDK against a fake over HTTP."""

from __future__ import annotations

import base64
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.engines.anthropic_engine import AnthropicEngine
from app.engines.base import (
    ChatMessage,
    ChatRequest,
    EngineError,
    ErrorKind,
    ReplyFinished,
    TextDelta,
    ThinkingDelta,
)
from tests.fakes.anthropic_server import ERRORS, FakeAnthropic, Reply, rate_limited

KEY = "sk-ant-api03-FakeTestKey0123456789abcdef"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16
MODEL = "claude-haiku-4-5"


@pytest.fixture
def fake() -> Iterator[FakeAnthropic]:
    with FakeAnthropic(api_key=KEY) as server:
        assert isinstance(server, FakeAnthropic)
        yield server


def engine(fake: FakeAnthropic, key: str = KEY, **kwargs: object) -> AnthropicEngine:
    options: dict[str, object] = {"max_retries": 0, "timeout": 5.0, **kwargs}
    return AnthropicEngine(api_key=key, base_url=fake.base_url, **options)  # type: ignore[arg-type]


def request(*messages: ChatMessage) -> ChatRequest:
    return ChatRequest(MODEL, messages or (ChatMessage("user", "Hello?"),))


def collect(
    eng: AnthropicEngine, req: ChatRequest, cancel: threading.Event | None = None
) -> list[object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return list(eng.stream_chat(req, cancel or threading.Event()))


def fails(eng: AnthropicEngine) -> EngineError:
    with pytest.raises(EngineError) as caught:
        collect(eng, request())
    return caught.value


def test_streams_text_and_usage_from_message_start_and_delta(fake: FakeAnthropic) -> None:
    fake.push(
        Reply(
            tokens=["Hi", " there"],
            input_tokens=30,
            cache_read_input_tokens=2000,
            cache_creation_input_tokens=500,
            output_tokens=7,
            stop_reason="max_tokens",
        )
    )
    events = collect(engine(fake), request())
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["Hi", " there"]
    finished = events[-1]
    assert isinstance(finished, ReplyFinished)
    usage = finished.usage
    assert (usage.input_tokens, usage.cached_input_tokens, usage.cache_write_tokens) == (
        30,
        2000,
        500,
    )
    assert usage.output_tokens == 7  # from message_delta, not message_start's 1
    assert usage.done_reason == "max_tokens"
    assert usage.estimated is False


def test_system_prompt_images_and_max_tokens_use_the_messages_api_shape(
    fake: FakeAnthropic,
) -> None:
    collect(
        engine(fake),
        request(
            ChatMessage("system", "You are terse."),
            ChatMessage("user", "What is this?", images=(JPEG,)),
        ),
    )
    body = fake.message_requests()[-1].body
    assert body["system"] == "You are terse."
    assert body["stream"] is True
    assert body["max_tokens"] > 0
    blocks = body["messages"][0]["content"]
    assert blocks[0]["type"] == "image"
    assert blocks[0]["source"]["media_type"] == "image/jpeg"
    assert base64.b64decode(blocks[0]["source"]["data"]) == JPEG
    assert blocks[1] == {"type": "text", "text": "What is this?"}


def test_thinking_blocks_become_thinking(fake: FakeAnthropic) -> None:
    fake.push(Reply(thinking=["Considering…"], tokens=["Yes."]))
    events = collect(engine(fake), replace(request(), think=True))
    assert [e.text for e in events if isinstance(e, ThinkingDelta)] == ["Considering…"]
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["Yes."]


def test_list_models_from_the_api(fake: FakeAnthropic) -> None:
    names = [m.name for m in engine(fake).list_models()]
    assert names == ["claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001"]


def test_a_refused_key_is_auth(fake: FakeAnthropic) -> None:
    error = fails(engine(fake, key="sk-ant-api03-WrongKey00000000000000"))
    assert error.kind is ErrorKind.AUTH
    assert error.detail.startswith("The key for Anthropic was refused.")
    assert "WrongKey" not in error.detail


@pytest.mark.parametrize(
    ("error", "kind", "status", "words"),
    [
        (ERRORS["forbidden"](), ErrorKind.PERMISSION, 403, "refused access"),
        (
            ERRORS["not_found"](MODEL),
            ErrorKind.NOT_FOUND,
            404,
            f"does not know the model “{MODEL}”",
        ),
        (ERRORS["server"](), ErrorKind.SERVER, 500, "had a problem on its side"),
        (ERRORS["overloaded"](), ErrorKind.SERVER, 529, "overloaded right now"),
    ],
)
def test_http_errors_map_to_plain_words(
    fake: FakeAnthropic, error: object, kind: ErrorKind, status: int, words: str
) -> None:
    fake.push(Reply(error=error))  # type: ignore[arg-type]
    raised = fails(engine(fake))
    assert raised.kind is kind
    assert raised.status == status
    assert words in raised.detail


def test_rate_limit_carries_retry_after(fake: FakeAnthropic) -> None:
    fake.push(Reply(error=rate_limited(42)))
    error = fails(engine(fake))
    assert error.kind is ErrorKind.RATE_LIMIT
    assert error.retry_after == 42
    assert "Try again in 42 seconds" in error.detail


def test_an_overloaded_error_event_mid_stream(fake: FakeAnthropic) -> None:
    fake.push(Reply(tokens=["Part"], stream_error=("overloaded_error", "Overloaded")))
    error = fails(engine(fake))
    assert error.kind is ErrorKind.SERVER
    assert "overloaded" in error.detail


def test_a_stream_cut_before_message_stop_is_stream_cut(fake: FakeAnthropic) -> None:
    fake.push(Reply(tokens=["a", "b", "c"], cut_after=1))
    seen: list[object] = []
    with pytest.raises(EngineError) as caught:
        for event in engine(fake).stream_chat(request(), threading.Event()):
            seen.append(event)
    assert caught.value.kind is ErrorKind.STREAM_CUT
    assert seen == [TextDelta("a")]


def test_timeout_and_unreachable(fake: FakeAnthropic) -> None:
    fake.push(Reply(first_delay=1.5))
    assert fails(engine(fake, timeout=0.5)).kind is ErrorKind.TIMEOUT
    with FakeAnthropic() as dead:
        url = dead.base_url
    gone = AnthropicEngine(api_key=KEY, base_url=url, max_retries=0, timeout=2.0)
    assert fails(gone).kind is ErrorKind.UNREACHABLE


def test_stop_ends_a_slow_reply_promptly(fake: FakeAnthropic) -> None:
    fake.push(Reply(tokens=["x"] * 10, delay=2.0))
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    events = collect(engine(fake), request(), cancel)
    assert time.monotonic() - started < 1.5
    assert events == [TextDelta("x")]


def test_is_a_cloud_engine(fake: FakeAnthropic) -> None:
    eng = engine(fake)
    assert eng.engine_id == "anthropic"
    assert eng.is_local is False
    assert eng.model_details(MODEL).vision


def test_overloaded_is_tried_again_then_the_reply_streams(fake: FakeAnthropic) -> None:
    fake.push(Reply(error=ERRORS["overloaded"]()), Reply(tokens=["Back"]))
    events = collect(engine(fake, max_retries=2), request())
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["Back"]
    assert len(fake.message_requests()) == 2


def test_a_long_rate_limit_fails_at_once(fake: FakeAnthropic) -> None:
    fake.push(Reply(error=rate_limited(42)))
    started = time.monotonic()
    error = fails(engine(fake, max_retries=2))
    assert time.monotonic() - started < 5
    assert error.kind is ErrorKind.RATE_LIMIT and error.retry_after == 42
    assert len(fake.message_requests()) == 1
