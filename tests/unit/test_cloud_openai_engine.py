"""The OpenAI-compatible engine, with the real ``openai`` SDK against a fake over HTTP."""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Iterator

import pytest

from app.engines.base import (
    ChatMessage,
    ChatRequest,
    EngineError,
    ErrorKind,
    ReplyFinished,
    TextDelta,
    ThinkingDelta,
)
from app.engines.openai_engine import OpenAICompatibleEngine
from tests.fakes.openai_server import ERRORS, FakeOpenAI, Reply, rate_limited

KEY = "sk-proj-T3stKeyForTheFake0123456789"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=KEY) as server:
        assert isinstance(server, FakeOpenAI)
        yield server


def engine(fake: FakeOpenAI, key: str = KEY, **kwargs: object) -> OpenAICompatibleEngine:
    options: dict[str, object] = {"max_retries": 0, "timeout": 5.0, **kwargs}
    return OpenAICompatibleEngine(api_key=key, base_url=fake.base_url, **options)  # type: ignore[arg-type]


def request(*messages: ChatMessage, model: str = "gpt-4o-mini") -> ChatRequest:
    return ChatRequest(model, messages or (ChatMessage("user", "Hello?"),))


def collect(
    eng: OpenAICompatibleEngine, req: ChatRequest, cancel: threading.Event | None = None
) -> list[object]:
    return list(eng.stream_chat(req, cancel or threading.Event()))


def fails(eng: OpenAICompatibleEngine, req: ChatRequest | None = None) -> EngineError:
    with pytest.raises(EngineError) as caught:
        collect(eng, req or request())
    return caught.value


def test_streams_text_then_the_reported_usage_minus_cached_tokens(fake: FakeOpenAI) -> None:
    fake.push(Reply(tokens=["Bon", "jour", "!"], prompt_tokens=1200, cached_tokens=1000))
    events = collect(engine(fake), request())
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["Bon", "jour", "!"]
    finished = events[-1]
    assert isinstance(finished, ReplyFinished)
    assert finished.usage.input_tokens == 200  # prompt_tokens - cached_tokens
    assert finished.usage.cached_input_tokens == 1000
    assert finished.usage.output_tokens == 3
    assert finished.usage.done_reason == "stop"
    assert finished.usage.estimated is False


def test_asks_for_usage_and_sends_the_key_as_bearer(fake: FakeOpenAI) -> None:
    collect(engine(fake), request(ChatMessage("system", "Be brief."), ChatMessage("user", "Hi")))
    sent = fake.chat_requests()[-1]
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert sent.body["stream"] is True
    assert sent.body["stream_options"] == {"include_usage": True}
    assert sent.body["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
    ]


def test_images_go_as_data_urls(fake: FakeOpenAI) -> None:
    collect(engine(fake), request(ChatMessage("user", "What is this?", images=(PNG,))))
    content = fake.chat_requests()[-1].body["messages"][0]["content"]
    assert content[0] == {"type": "text", "text": "What is this?"}
    url = content[1]["image_url"]["url"]
    assert url.startswith("data:image/png;base64,")
    assert base64.b64decode(url.split(",", 1)[1]) == PNG


def test_a_provider_without_usage_gets_an_estimate_marked_estimated(fake: FakeOpenAI) -> None:
    fake.push(Reply(tokens=["word "] * 40, usage=False))
    finished = collect(engine(fake), request(ChatMessage("user", "x" * 400)))[-1]
    assert isinstance(finished, ReplyFinished)
    assert finished.usage.estimated is True
    assert finished.usage.input_tokens is not None and finished.usage.input_tokens >= 100
    assert finished.usage.output_tokens == 50  # 200 characters ≈ 50 tokens


def test_reasoning_content_becomes_thinking(fake: FakeOpenAI) -> None:
    fake.push(Reply(reasoning=["Let me ", "think."], tokens=["42"]))
    events = collect(engine(fake), request())
    assert [e.text for e in events if isinstance(e, ThinkingDelta)] == ["Let me ", "think."]
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["42"]


def test_list_models_comes_from_the_provider(fake: FakeOpenAI) -> None:
    fake.models = ["deepseek-chat", "deepseek-reasoner"]
    assert [m.name for m in engine(fake).list_models()] == ["deepseek-chat", "deepseek-reasoner"]


def test_a_provider_without_a_model_list_uses_the_preset_list(fake: FakeOpenAI) -> None:
    eng = engine(fake, preset_models=("qwen-plus", "qwen-max"), lists_models=False)
    assert [m.name for m in eng.list_models()] == ["qwen-plus", "qwen-max"]
    assert fake.requests == []


def test_refused_key_is_auth_and_never_echoes_the_key(fake: FakeOpenAI) -> None:
    wrong = "sk-proj-WrongKeyThatMustNotLeak9876"
    error = fails(engine(fake, key=wrong))
    assert error.kind is ErrorKind.AUTH
    assert error.status == 401
    assert "The key for OpenAI was refused." in error.detail
    assert wrong not in error.detail
    assert wrong not in str(error)


@pytest.mark.parametrize(
    ("reply", "kind", "status"),
    [
        (Reply(error=ERRORS["forbidden"]()), ErrorKind.PERMISSION, 403),
        (Reply(error=ERRORS["not_found"]("gpt-9")), ErrorKind.NOT_FOUND, 404),
        (Reply(error=ERRORS["server"]()), ErrorKind.SERVER, 500),
        (Reply(error=ERRORS["overloaded"]()), ErrorKind.SERVER, 503),
    ],
)
def test_http_errors_map_to_kinds_with_the_servers_words(
    fake: FakeOpenAI, reply: Reply, kind: ErrorKind, status: int
) -> None:
    fake.push(reply)
    error = fails(engine(fake), request(model="gpt-9"))
    assert error.kind is kind
    assert error.status == status
    assert "The server said:" in error.detail


def test_unknown_model_names_the_model(fake: FakeOpenAI) -> None:
    fake.push(Reply(error=ERRORS["not_found"]("gpt-9")))
    error = fails(engine(fake), request(model="gpt-9"))
    assert "does not know the model “gpt-9”" in error.detail


def test_rate_limit_says_when_to_retry(fake: FakeOpenAI) -> None:
    fake.push(Reply(error=rate_limited(17)))
    error = fails(engine(fake))
    assert error.kind is ErrorKind.RATE_LIMIT
    assert error.retry_after == 17
    assert "Try again in 17 seconds" in error.detail


def test_a_cut_stream_is_stream_cut_not_a_finished_reply(fake: FakeOpenAI) -> None:
    fake.push(Reply(tokens=["one", " two", " three"], cut_after=2))
    received: list[str] = []
    with pytest.raises(EngineError) as caught:
        for event in engine(fake).stream_chat(request(), threading.Event()):
            assert not isinstance(event, ReplyFinished)
            if isinstance(event, TextDelta):
                received.append(event.text)
    assert caught.value.kind is ErrorKind.STREAM_CUT
    assert received == ["one", " two"]


def test_an_error_event_inside_the_stream_is_reported(fake: FakeOpenAI) -> None:
    fake.push(Reply(stream_error={"error": {"message": "model crashed", "type": "server_error"}}))
    error = fails(engine(fake))
    assert error.kind is ErrorKind.SERVER
    assert "model crashed" in error.detail


def test_nothing_listening_is_unreachable() -> None:
    with FakeOpenAI() as dead:
        url = dead.base_url
    eng = OpenAICompatibleEngine(api_key=KEY, base_url=url, max_retries=0, timeout=2.0)
    error = fails(eng)
    assert error.kind is ErrorKind.UNREACHABLE
    assert url in error.detail


def test_a_slow_first_token_beyond_the_timeout_is_timeout(fake: FakeOpenAI) -> None:
    fake.push(Reply(first_delay=1.5))
    error = fails(engine(fake, timeout=0.5))
    assert error.kind is ErrorKind.TIMEOUT


def test_a_short_rate_limit_is_waited_out_then_the_reply_streams(fake: FakeOpenAI) -> None:
    fake.push(Reply(error=rate_limited(1)), Reply(tokens=["ok"]))
    started = time.monotonic()
    events = collect(engine(fake, max_retries=2), request())
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["ok"]
    assert len(fake.chat_requests()) == 2
    assert time.monotonic() - started >= 1.0  # as long as the server asked


def test_a_long_rate_limit_fails_at_once_saying_how_long(fake: FakeOpenAI) -> None:
    # The SDK would sleep through it silently, twice, and Stop could not end the wait.
    fake.push(Reply(error=rate_limited(45)))
    started = time.monotonic()
    error = fails(engine(fake, max_retries=2))
    assert time.monotonic() - started < 5
    assert error.kind is ErrorKind.RATE_LIMIT and error.retry_after == 45
    assert len(fake.chat_requests()) == 1


def test_stop_ends_the_wait_before_a_retry(fake: FakeOpenAI) -> None:
    fake.push(Reply(error=rate_limited(8)), Reply(tokens=["late"]))
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    events = collect(engine(fake, max_retries=2), request(), cancel)
    assert time.monotonic() - started < 2
    assert events == []  # stopped: no text, no error
    assert len(fake.chat_requests()) == 1


def test_a_server_error_is_tried_again_once_then_succeeds(fake: FakeOpenAI) -> None:
    fake.push(Reply(error=ERRORS["server"]()), Reply(tokens=["ok"]))
    events = collect(engine(fake, max_retries=1), request())
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["ok"]
    assert len(fake.chat_requests()) == 2


def test_stop_closes_a_slow_stream_at_once(fake: FakeOpenAI) -> None:
    fake.push(Reply(tokens=["a"] * 20, delay=2.0))
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    events = collect(engine(fake), request(), cancel)
    assert time.monotonic() - started < 1.5  # not waiting for the next 2-second token
    assert events == [TextDelta("a")]  # no ReplyFinished: the caller records "stopped"


def test_local_servers_need_no_key_and_are_local(fake: FakeOpenAI) -> None:
    fake.api_key = None
    eng = OpenAICompatibleEngine(
        api_key=None, base_url=fake.base_url, engine_id="lmstudio", is_local=True, max_retries=0
    )
    assert eng.is_local and eng.engine_id == "lmstudio"
    assert isinstance(collect(eng, request())[-1], ReplyFinished)
