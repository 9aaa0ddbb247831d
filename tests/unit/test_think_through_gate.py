"""Issue 16: a Think choice survives the outbound gate (which rebuilds the request it
reviews) and reaches a cloud provider in that provider's own field -- DeepSeek through
ChatCore, the real gate, the real OpenAI SDK and a fake over real HTTP. Its reasoning
comes back as thinking, is stored, and is billed as the output it is."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.chat.conversation import ChatCore
from app.chat.routes import EngineResolver
from app.chat.thinking import think_support, wire_think
from app.cloud.keys import KeyStore
from app.cloud.providers import BASE_URLS
from app.core.settings import Settings
from app.privacy.gate import Check, Decision
from app.privacy.review import ConversationGate
from app.storage import repo
from app.storage.writer import SerialWriter
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.ollama_server import FakeOllama
from tests.fakes.openai_server import FakeOpenAI, Reply

KEY = "sk-DeepSeekThinkTest0123456789abcdef"
THOUGHT = ["先算一下：", "9.11 和 9.9 比较，", "9.9 更大。"]


def never_asked(_conversation_id: int, check: Check) -> Decision | None:
    raise AssertionError(f"nothing private here, yet the gate asked: {check}")


@pytest.fixture
def deepseek() -> Iterator[FakeOpenAI]:
    with installed(MemoryKeyring()), FakeOpenAI(api_key=KEY, models=["deepseek-flash"]) as fake:
        KeyStore().set("deepseek", KEY)
        yield fake


@pytest.fixture
def core(
    data_dir: Path, deepseek: FakeOpenAI, fake_ollama: FakeOllama
) -> Iterator[tuple[ChatCore, SerialWriter]]:
    data_dir.mkdir(parents=True, exist_ok=True)
    writer = SerialWriter(data_dir / "hearth.sqlite3")
    writer.opened().result(10)
    settings = Settings(data_dir / "settings.json")
    settings.set(BASE_URLS["deepseek"], deepseek.base_url)
    resolver = EngineResolver(settings, fake_ollama.url)
    gate = ConversationGate(
        writer,
        settings,
        fake_ollama.url,
        never_asked,
        ollama_details=resolver.local().model_details,
    )
    pool = ThreadPoolExecutor(2)
    yield ChatCore(writer, pool.submit, resolver, gate=gate), writer
    pool.shutdown(wait=True, cancel_futures=True)
    writer.close()


@pytest.mark.parametrize(("choice", "kind"), [("on", "enabled"), ("off", "disabled")])
def test_deepseek_think_passes_the_gate_and_comes_back_as_thinking(
    core: tuple[ChatCore, SerialWriter], deepseek: FakeOpenAI, choice: str, kind: str
) -> None:
    chat, writer = core
    target, _ = chat.send(None, "9.11 和 9.9 哪个大？", model="llama3.2").result(10)
    chat.escalate(target.id, "deepseek", "deepseek-flash").result(10)
    chat.set_think(target.id, choice).result(10)
    support = think_support("deepseek", "deepseek-flash")
    deepseek.push(Reply(reasoning=THOUGHT, tokens=["9.9 更大。"], prompt_tokens=30))
    think = wire_think(support, choice)
    live = chat.reply(target.id, "llama3.2", think=think).result(10)
    finished = live.done.result(30)

    assert finished.reply.outcome == "ok", finished.error_text
    assert deepseek.chat_requests()[-1].body["thinking"] == {"type": kind}
    thinks = choice == "on"
    assert finished.reply.thinking == ("".join(THOUGHT) if thinks else "")
    stored = writer.call(lambda c: repo.list_messages(c, target.id))[-1]
    assert stored.thinking == finished.reply.thinking
    assert (stored.thinking_ms is not None) is thinks
    (usage,) = writer.call(repo.list_usage)
    # completion_tokens (reasoning included) as DeepSeek reported it, billed as output.
    assert (
        usage.output_tokens == usage.output_tokens_estimate == 1 + (len(THOUGHT) if thinks else 0)
    )
    assert not usage.is_local
