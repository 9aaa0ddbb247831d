"""The lead's conversation layer (app/chat/conversation.py) with a real llama.cpp server
and no Ollama: a model reference from the picker routes through ``LocalEngines``, the
reply streams and is stored, and the stored usage row is local and equals the server's
own ``usage`` chunk. This is the wiring ``EngineResolver.route`` needs (see the report)."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.chat.conversation import ChatCore, Route
from app.engines.addresses import format_ref, parse_ref
from app.engines.discovery import discover
from app.engines.local import LocalEngines
from app.storage import repo
from app.storage.records import Conversation
from app.storage.repo import list_usage
from app.storage.writer import SerialWriter
from tests.engines.conftest import ALIAS
from tests.engines.recording_proxy import RecordingProxy


class PickerRouter:
    """What the resolver does for a local conversation whose model is a reference."""

    def __init__(self, engines: LocalEngines) -> None:
        self.engines = engines

    def route(self, conversation: Conversation, local_model: str) -> Route:
        ref = local_model or conversation.model
        engine, model = self.engines.for_ref(ref)
        parsed = parse_ref(ref)
        engine_id = parsed.engine_id if parsed else "ollama"
        return Route(lambda: engine, engine_id, model, engine_id, leaves_machine=False)


def _server_usage(raw: bytes) -> dict[str, object]:
    usage: dict[str, object] = {}
    for line in raw.decode("utf-8", "replace").splitlines():
        if line.startswith("data: {"):
            chunk = json.loads(line[len("data: ") :])
            usage = chunk.get("usage") or usage
    return usage


def test_a_turn_through_the_conversation_layer_with_no_ollama(
    llama_server: str, tmp_path: Path
) -> None:
    proxy = RecordingProxy(int(llama_server.rsplit(":", 1)[1]))
    found = discover("http://127.0.0.1:9", only=[(proxy.url, None)])
    [engine] = found.engines
    ref = format_ref(engine.engine_id, engine.base_url, ALIAS)
    engines = LocalEngines("http://127.0.0.1:9")
    engines.learn(found.engines)
    writer = SerialWriter(tmp_path / "hearth.sqlite3")
    pool = ThreadPoolExecutor(2)
    core = ChatCore(writer, pool.submit, PickerRouter(engines))
    try:
        conversation, _message = core.send(None, "Say hello in one word.", model=ref).result(10)
        assert conversation.model == ref
        shown: list[str] = []
        live = core.reply(conversation.id, ref, shown.append).result(10)
        finished = live.done.result(120)
        assert not finished.error_text, finished.error_text
        stored = writer.call(lambda c: repo.list_messages(c, conversation.id))
        assert stored[-1].role == "assistant" and stored[-1].content == "".join(shown)
        [row] = writer.call(list_usage)
    finally:
        core.close()
        pool.shutdown(wait=True)
        writer.close()
        proxy.close()
    server = _server_usage(bytes(proxy.replies[-1]))
    cached = int((server.get("prompt_tokens_details") or {}).get("cached_tokens") or 0)  # type: ignore[union-attr]
    assert row.is_local and row.engine == "llamacpp" and row.cost_usd is None
    assert row.output_tokens == server["completion_tokens"]
    assert (row.input_tokens or 0) + (row.cached_input_tokens or 0) == server["prompt_tokens"]
    assert (row.cached_input_tokens or 0) == cached
    assert row.outcome == "ok"


def test_stop_in_the_conversation_layer_ends_a_real_reply(
    llama_server: str, tmp_path: Path
) -> None:
    found = discover("http://127.0.0.1:9", only=[(llama_server, None)])
    ref = format_ref("llamacpp", llama_server, ALIAS)
    engines = LocalEngines("http://127.0.0.1:9")
    engines.learn(found.engines)
    writer = SerialWriter(tmp_path / "hearth.sqlite3")
    pool = ThreadPoolExecutor(2)
    core = ChatCore(writer, pool.submit, PickerRouter(engines))
    try:
        conversation, _ = core.send(None, "Tell a very long story.", model=ref).result(10)
        first = []
        live = core.reply(conversation.id, ref, first.append).result(10)
        deadline = time.monotonic() + 60
        while not first and time.monotonic() < deadline:
            time.sleep(0.01)
        stopped = time.perf_counter()
        core.stop(conversation.id)
        finished = live.done.result(10)
        assert time.perf_counter() - stopped < 1.0
        assert finished.usage.outcome == "stopped" and finished.usage.is_local
    finally:
        core.close()
        pool.shutdown(wait=True)
        writer.close()
