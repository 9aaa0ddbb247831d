"""Hearth against a real llama.cpp ``llama-server`` (SmolLM2-135M): discovery, the
context it runs with, streaming, Stop, and usage stored exactly as the server reported."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from app.chat.service import run_reply
from app.engines.addresses import LLAMACPP
from app.engines.base import ChatMessage, ChatRequest, ReplyFinished, TextDelta
from app.engines.discovery import discover, find_engine_for_model
from app.engines.local import local_engine, running_context
from app.storage.db import open_database
from app.storage.repo import list_usage, record_usage
from tests.engines.conftest import ALIAS, CONTEXT
from tests.engines.recording_proxy import RecordingProxy

QUESTION = ChatRequest(
    ALIAS, (ChatMessage("user", "Name three colours of the rainbow."),), max_output_tokens=40
)


def _server_usage(raw: bytes) -> dict[str, object]:
    """The ``usage`` object of the last SSE chunk the server sent."""
    usage: dict[str, object] | None = None
    for line in raw.decode("utf-8", "replace").splitlines():
        if line.startswith("data: {"):
            chunk = json.loads(line[len("data: ") :])
            if chunk.get("usage"):
                usage = chunk["usage"]
    assert usage is not None, raw[-2000:]
    return usage


def test_discovery_finds_the_server_its_model_and_its_context(llama_server: str) -> None:
    # Given as a vLLM address: llama.cpp is recognised by what it answers, not the port.
    found = discover("http://127.0.0.1:9", only=[(llama_server, None)])
    [engine] = found.engines
    assert engine.kind is LLAMACPP
    assert [m.name for m in engine.models] == [ALIAS]
    assert engine.running_context == CONTEXT
    model = engine.models[0]
    assert running_context(engine, model).tokens == CONTEXT
    match = find_engine_for_model(ALIAS, found)
    assert match is not None and match[0].base_url == llama_server


def test_a_chat_streams_and_the_stored_usage_is_the_servers_own(
    llama_server: str, tmp_path: Path
) -> None:
    proxy = RecordingProxy(int(llama_server.rsplit(":", 1)[1]))
    try:
        engine = local_engine("llamacpp", proxy.url)
        assert engine.is_local and engine.engine_id == "llamacpp"
        pieces: list[str] = []
        reply = run_reply(engine, QUESTION, threading.Event(), pieces.append)
    finally:
        proxy.close()
    assert reply.outcome == "ok", reply.error
    assert len(pieces) > 1 and reply.content == "".join(pieces)
    server = _server_usage(bytes(proxy.replies[-1]))
    record = reply.usage
    cached = int((server.get("prompt_tokens_details") or {}).get("cached_tokens") or 0)  # type: ignore[union-attr]
    assert record.output_tokens == server["completion_tokens"]
    assert (record.input_tokens or 0) + (record.cached_input_tokens or 0) == server["prompt_tokens"]
    assert (record.cached_input_tokens or 0) == cached
    assert record.is_local and not record.usage_estimated and record.cost_usd is None
    opened = open_database(tmp_path / "hearth.db")
    record_usage(opened.connection, record)
    [stored] = list_usage(opened.connection)
    assert (stored.input_tokens, stored.cached_input_tokens, stored.output_tokens) == (
        record.input_tokens,
        record.cached_input_tokens,
        record.output_tokens,
    )
    assert stored.is_local and stored.engine == "llamacpp"


def test_stop_ends_the_reply_at_once(llama_server: str) -> None:
    engine = local_engine("llamacpp", llama_server)
    long = ChatRequest(ALIAS, (ChatMessage("user", "Write a very long story about a lighthouse."),))
    cancel = threading.Event()
    events = []
    stopped_at = 0.0
    for event in engine.stream_chat(long, cancel):
        events.append(event)
        if len(events) == 3:
            stopped_at = time.perf_counter()
            cancel.set()
    ended = time.perf_counter() - stopped_at
    assert ended < 0.5
    assert not any(isinstance(e, ReplyFinished) for e in events)
    # The server is free again: the next reply is answered in full.
    again = list(engine.stream_chat(QUESTION, threading.Event()))
    assert isinstance(again[-1], ReplyFinished)
    assert any(isinstance(e, TextDelta) for e in again)


def test_hearth_models_lists_the_real_server_with_no_ollama(llama_server: str) -> None:
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "models",
            "--host",
            "http://127.0.0.1:9",
            "--address",
            llama_server,
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if ALIAS in line)
    assert row.startswith("llama.cpp") and "4,096" in row
