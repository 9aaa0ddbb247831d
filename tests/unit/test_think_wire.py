"""Issue 16: the Think choice on the wire, per provider, through the real clients over
real HTTP to the fakes -- and what each sends back and bills."""

from __future__ import annotations

import json
import threading
import warnings
from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest

from app.chat.service import run_reply
from app.chat.thinking import think_support, wire_think
from app.engines.anthropic_engine import (
    DEFAULT_MAX_OUTPUT_TOKENS,
    THINKING_BUDGET,
    AnthropicEngine,
)
from app.engines.base import (
    ChatMessage,
    ChatRequest,
    EngineError,
    ErrorKind,
    ReplyFinished,
    TextDelta,
    ThinkingDelta,
)
from app.engines.ollama import OllamaEngine
from app.engines.openai_engine import OpenAICompatibleEngine
from tests.fakes.anthropic_server import SIGNATURE, FakeAnthropic
from tests.fakes.anthropic_server import Reply as ClaudeReply
from tests.fakes.ollama_server import ChatScript, FakeOllama, thinking_models
from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.openai_server import Reply as OpenAIReply

ASK = (ChatMessage("user", "How many r in strawberry?"),)
THOUGHT = ["Count ", "the ", "letters: ", "s-t-r-a-w-b-e-r-r-y."]


def events_of(engine: object, request: ChatRequest) -> list[object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return list(engine.stream_chat(request, threading.Event()))  # type: ignore[attr-defined]


def thinking_of(events: list[object]) -> str:
    return "".join(e.text for e in events if isinstance(e, ThinkingDelta))


def text_of(events: list[object]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


# --- Ollama ----------------------------------------------------------------------------


@pytest.fixture
def ollama(fake_ollama: FakeOllama) -> FakeOllama:
    fake_ollama.models.extend(thinking_models())
    return fake_ollama


@pytest.mark.parametrize(
    ("think", "sent", "thinks"),
    [(True, True, True), (False, False, False), (None, None, True)],
)
def test_ollama_sends_think_as_asked_and_thinks_accordingly(
    ollama: FakeOllama, think: bool | None, sent: bool | None, thinks: bool
) -> None:
    ollama.chat_scripts.append(ChatScript(["Three."], thinking=THOUGHT))
    events = events_of(OllamaEngine(ollama.url), ChatRequest("qwen3:8b", ASK, think=think))
    body = ollama.requests[-1].body
    assert body.get("think") == sent
    assert ("think" in body) is (sent is not None)  # None: nothing sent, the model's default
    assert thinking_of(events) == ("".join(THOUGHT) if thinks else "")
    assert text_of(events) == "Three."
    # eval_count counts the thinking too: it is output the model produced.
    final = events[-1]
    assert isinstance(final, ReplyFinished)
    assert final.usage.output_tokens == 1 + (len(THOUGHT) if thinks else 0)


def test_ollama_thinking_lines_come_first_with_empty_content(ollama: FakeOllama) -> None:
    """The fake's lines are the real server's: thinking with content "" first."""
    ollama.chat_scripts.append(ChatScript(["Three."], thinking=THOUGHT))
    body = {"model": "qwen3:8b", "messages": [{"role": "user", "content": "?"}], "think": True}
    with httpx.stream("POST", f"{ollama.url}/api/chat", json=body) as response:
        lines = [json.loads(line) for line in response.iter_lines() if line]
    thinking_lines = lines[: len(THOUGHT)]
    assert [line["message"] for line in thinking_lines] == [
        {"role": "assistant", "content": "", "thinking": piece} for piece in THOUGHT
    ]
    assert lines[len(THOUGHT)]["message"] == {"role": "assistant", "content": "Three."}
    assert "thinking" not in lines[-1]["message"] and lines[-1]["done"] is True


def test_gpt_oss_takes_a_level_and_cannot_be_turned_off(ollama: FakeOllama) -> None:
    support = think_support("ollama", "gpt-oss:20b", ["completion", "thinking"])
    assert support.mode == "levels"
    ollama.chat_scripts.append(ChatScript(["Three."], thinking=THOUGHT))
    request = ChatRequest("gpt-oss:20b", ASK, think=wire_think(support, "high"))
    events = events_of(OllamaEngine(ollama.url), request)
    assert ollama.requests[-1].body["think"] == "high"
    assert thinking_of(events) == "".join(THOUGHT)
    # "Off" is as little as gpt-oss goes: the lowest level, never a bool it ignores.
    assert wire_think(support, "off") == "low"
    assert wire_think(support, None) == "medium"


def test_think_true_to_a_model_that_cannot_think_is_refused_plainly(
    ollama: FakeOllama,
) -> None:
    with pytest.raises(EngineError) as caught:
        events_of(OllamaEngine(ollama.url), ChatRequest("llama3.2:latest", ASK, think=True))
    assert caught.value.kind is ErrorKind.BAD_REQUEST
    assert "does not support thinking" in caught.value.detail
    # Which is why Hearth sends nothing for such a model.
    assert think_support("ollama", "llama3.2:latest", ["completion", "tools"]).mode == "none"
    assert wire_think(think_support("ollama", "llama3.2", ["completion"]), "on") is None


# --- DeepSeek (OpenAI-compatible) ------------------------------------------------------


@pytest.fixture
def openai_fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key="sk-test") as server:
        assert isinstance(server, FakeOpenAI)
        yield server


def _compatible(fake: FakeOpenAI, engine_id: str) -> OpenAICompatibleEngine:
    return OpenAICompatibleEngine(
        api_key="sk-test", base_url=fake.base_url, engine_id=engine_id, max_retries=0, timeout=5
    )


@pytest.mark.parametrize(("think", "kind"), [(True, "enabled"), (False, "disabled")])
def test_deepseek_gets_its_thinking_switch(openai_fake: FakeOpenAI, think: bool, kind: str) -> None:
    openai_fake.push(OpenAIReply(reasoning=THOUGHT, tokens=["Three."]))
    request = ChatRequest("deepseek-flash", ASK, think=think)
    events = events_of(_compatible(openai_fake, "deepseek"), request)
    body = openai_fake.chat_requests()[-1].body
    assert body["thinking"] == {"type": kind}
    assert thinking_of(events) == ("".join(THOUGHT) if think else "")
    final = events[-1]
    assert isinstance(final, ReplyFinished)
    # completion_tokens includes the reasoning tokens, and is kept as reported.
    assert final.usage.output_tokens == 1 + (len(THOUGHT) if think else 0)


def test_other_compatible_servers_get_no_thinking_field(openai_fake: FakeOpenAI) -> None:
    events_of(_compatible(openai_fake, "lmstudio"), ChatRequest("qwen3", ASK, think=False))
    assert "thinking" not in openai_fake.chat_requests()[-1].body


def test_an_estimate_without_usage_counts_the_reasoning(openai_fake: FakeOpenAI) -> None:
    reasoning = ["x" * 400]  # about 100 tokens
    openai_fake.push(OpenAIReply(reasoning=reasoning, tokens=["Three."], usage=False))
    events = events_of(_compatible(openai_fake, "deepseek"), ChatRequest("deepseek-flash", ASK))
    final = events[-1]
    assert isinstance(final, ReplyFinished) and final.usage.estimated
    assert final.usage.output_tokens is not None and final.usage.output_tokens >= 100


# --- Anthropic -------------------------------------------------------------------------


@pytest.fixture
def claude() -> Iterator[FakeAnthropic]:
    with FakeAnthropic(api_key="sk-ant-test") as server:
        assert isinstance(server, FakeAnthropic)
        yield server


def _claude(fake: FakeAnthropic) -> AnthropicEngine:
    return AnthropicEngine(api_key="sk-ant-test", base_url=fake.base_url, max_retries=0, timeout=5)


def test_anthropic_extended_thinking_on(claude: FakeAnthropic) -> None:
    claude.push(ClaudeReply(thinking=THOUGHT, tokens=["Three."]))
    events = events_of(_claude(claude), ChatRequest("claude-sonnet-4-5", ASK, think=True))
    body = claude.message_requests()[-1].body
    assert body["thinking"] == {"type": "enabled", "budget_tokens": THINKING_BUDGET}
    # The budget must be below max_tokens; the answer keeps its own room on top.
    assert body["max_tokens"] == DEFAULT_MAX_OUTPUT_TOKENS + THINKING_BUDGET
    assert thinking_of(events) == "".join(THOUGHT)  # the signature_delta is not text
    assert SIGNATURE not in thinking_of(events) + text_of(events)
    final = events[-1]
    assert isinstance(final, ReplyFinished)
    assert final.usage.output_tokens == 1 + len(THOUGHT)  # thinking is billed output


def test_the_choice_fits_each_model() -> None:
    claude = think_support("anthropic", "claude-sonnet-4-5")
    assert (claude.mode, claude.default) == ("toggle", "off")
    assert wire_think(claude, None) is None  # off unless asked: nothing sent
    assert (wire_think(claude, "on"), wire_think(claude, "off")) == (True, False)
    assert wire_think(claude, "high") is True  # a level chosen for gpt-oss means "on"
    deepseek = think_support("deepseek", "deepseek-v4-pro")
    assert wire_think(deepseek, None) is True  # DeepSeek thinks by default
    qwen = think_support("ollama", "qwen3:8b", ["completion", "thinking"])
    assert (wire_think(qwen, None), wire_think(qwen, "off")) == (True, False)
    namespaced = think_support("ollama", "hf.co/someone/gpt-oss-20b-GGUF:Q4", ["thinking"])
    assert namespaced.mode == "levels"
    assert think_support("openai", "gpt-5").mode == "levels"  # reasoning_effort
    assert think_support("lmstudio", "qwen3", ["thinking"]).mode == "none"


def test_anthropic_thinking_off_and_unset(claude: FakeAnthropic) -> None:
    claude.push(ClaudeReply(thinking=THOUGHT, tokens=["Three."]))
    events = events_of(_claude(claude), ChatRequest("claude-sonnet-4-5", ASK, think=False))
    assert claude.message_requests()[-1].body["thinking"] == {"type": "disabled"}
    assert thinking_of(events) == ""
    events_of(_claude(claude), ChatRequest("claude-sonnet-4-5", ASK))
    assert "thinking" not in claude.message_requests()[-1].body


# --- the ledger --------------------------------------------------------------------------


def test_a_stopped_thinking_reply_is_counted_with_its_thinking(ollama: FakeOllama) -> None:
    """No usage line (stopped while thinking): the estimate counts what it thought."""
    ollama.chat_scripts.append(
        ChatScript(["Three."], thinking=["word " * 50] * 4, token_delay=0.05)
    )
    cancel = threading.Event()
    seen: list[str] = []

    def on_thinking(piece: str) -> None:
        seen.append(piece)
        if len(seen) >= 2:
            cancel.set()

    reply = run_reply(
        OllamaEngine(ollama.url),
        replace(ChatRequest("qwen3:8b", ASK), think=True),
        cancel,
        lambda _text: None,
        on_thinking=on_thinking,
    )
    assert reply.outcome == "stopped"
    assert reply.content == ""
    assert reply.thinking.startswith("word ")
    assert reply.usage.output_tokens is None
    assert reply.usage.output_tokens_estimate >= 2 * 50  # ~4 characters a token


def test_claude_thinking_sets_the_conversations_sampling_aside(claude: FakeAnthropic) -> None:
    """With thinking on, Claude refuses a changed temperature (and a top_p below 0.95):
    the conversation's own sampling is left out while Think is on, kept when it is off."""
    options = {"temperature": 0.3, "top_p": 0.5, "seed": 7}
    events_of(_claude(claude), ChatRequest("claude-sonnet-4-5", ASK, options=options, think=True))
    body = claude.message_requests()[-1].body
    assert body["thinking"]["type"] == "enabled"
    assert "temperature" not in body and "top_p" not in body
    events_of(_claude(claude), ChatRequest("claude-sonnet-4-5", ASK, options=options, think=False))
    assert claude.message_requests()[-1].body["temperature"] == 0.3
    wide = {"top_p": 0.97}
    events_of(_claude(claude), ChatRequest("claude-sonnet-4-5", ASK, options=wide, think=True))
    assert claude.message_requests()[-1].body["top_p"] == 0.97  # allowed with thinking


@pytest.mark.parametrize(
    ("engine_id", "model", "think", "field", "value"),
    [
        ("zhipu", "glm-4.7", False, "thinking", {"type": "disabled"}),
        ("zai", "glm-5", True, "thinking", {"type": "enabled"}),
        ("ark", "doubao-seed-1-6-251015", False, "thinking", {"type": "disabled"}),
        ("qwen", "qwen-plus", True, "enable_thinking", True),
        ("qwen", "qwen3-32b", False, "enable_thinking", False),
        ("openai", "o4-mini", "high", "reasoning_effort", "high"),
    ],
)
def test_each_provider_gets_its_own_think_field(
    openai_fake: FakeOpenAI,
    engine_id: str,
    model: str,
    think: bool | str,
    field: str,
    value: object,
) -> None:
    """The Think choice reaches each provider in the field it documents (sources in
    app/chat/thinking.py), through the real OpenAI client, and no other Think field."""
    openai_fake.push(OpenAIReply(tokens=["Three."]))
    events_of(_compatible(openai_fake, engine_id), ChatRequest(model, ASK, think=think))
    body = openai_fake.chat_requests()[-1].body
    assert body[field] == value
    others = {"thinking", "enable_thinking", "reasoning_effort"} - {field}
    assert not others & set(body)


@pytest.mark.parametrize(
    ("provider", "model", "mode", "default"),
    [
        ("zhipu", "glm-4.5-air", "toggle", "on"),
        ("zhipu", "glm-4-plus", "none", ""),  # before GLM-4.5: one mode
        ("ark", "doubao-seed-1-6-flash-250828", "toggle", "on"),
        ("ark", "doubao-1-5-pro-32k", "none", ""),
        ("qwen", "qwen-plus-latest", "toggle", "off"),
        ("qwen", "qwen3-235b-a22b-instruct-2507", "none", ""),  # 2507 instruct: no switch
        ("qwen", "qwq-plus", "none", ""),
        ("openai", "gpt-5-mini", "levels", "medium"),
        ("openai", "gpt-4.1", "none", ""),
        ("openai", "gpt-5-chat-latest", "none", ""),
        ("moonshot", "kimi-k2.6", "none", ""),
    ],
)
def test_which_cloud_models_take_a_think_choice(
    provider: str, model: str, mode: str, default: str
) -> None:
    support = think_support(provider, model)
    assert (support.mode, support.default) == (mode, default)
