"""Issues 15/16 against a real llama.cpp ``llama-server`` (SmolLM2-135M, started with
``-c 4096``): Hearth reads the context the server really runs with from ``/props``, knows
it cannot change it, and a conversation's temperature and seed reach the server (the
same seed gives the same reply; another seed another)."""

from __future__ import annotations

import threading

import httpx

from app.chat.options import ModelOptions, request_options
from app.engines.base import ChatMessage, ChatRequest, ReplyFinished, TextDelta
from app.engines.context import ContextSource, fixed_context, warning_due
from app.engines.discovery import discover
from app.engines.local import local_engine, running_context
from tests.engines.conftest import ALIAS, CONTEXT

STORY = (ChatMessage("user", "Tell me a short story about a cat and a lantern."),)


def reply_text(server: str, options: ModelOptions) -> str:
    engine = local_engine("llamacpp", server)
    request = ChatRequest(ALIAS, STORY, max_output_tokens=48, options=request_options(options))
    events = list(engine.stream_chat(request, threading.Event()))
    assert isinstance(events[-1], ReplyFinished)
    return "".join(e.text for e in events if isinstance(e, TextDelta))


def test_the_context_is_what_props_says_and_cannot_be_changed_from_hearth(
    llama_server: str,
) -> None:
    props = httpx.get(f"{llama_server}/props", timeout=10).json()
    real = int(props["default_generation_settings"]["n_ctx"])
    assert real == CONTEXT  # the server's own answer, not Hearth's assumption

    [engine] = discover("http://127.0.0.1:9", only=[(llama_server, None)]).engines
    running = running_context(engine, engine.models[0])
    effective = fixed_context(running.tokens, engine.models[0].max_context_length)
    assert effective.tokens == real
    assert effective.source is ContextSource.ENGINE and not effective.adjustable
    # The warning uses that number: 3,000 tokens (+512 for the reply) of 4,096 is nearly
    # full; 3,600 no longer fits.
    assert warning_due(3000, effective.tokens, frozenset())[1] == f"{real}:near"
    assert warning_due(3600, effective.tokens, frozenset())[1] == f"{real}:over"


def test_temperature_and_seed_reach_the_real_server(llama_server: str) -> None:
    hot = ModelOptions(temperature=1.4, seed=1234)
    first, again = reply_text(llama_server, hot), reply_text(llama_server, hot)
    assert first and first == again  # the seed was applied: the same reply twice
    other = reply_text(llama_server, ModelOptions(temperature=1.4, seed=98765))
    assert other != first  # and it is this seed that decided it
    # A context Hearth cannot set is not sent: the server still answers normally.
    capped = reply_text(llama_server, ModelOptions(temperature=0.0, num_ctx=8192))
    assert capped
