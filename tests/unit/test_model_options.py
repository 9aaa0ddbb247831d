"""Per-conversation model options, end to end without Qt: typed in the person's locale,
stored in a real SQLite file, and on the wire of each engine over real HTTP (the fake
Ollama, OpenAI and Anthropic servers record what arrived)."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.chat.conversation import ChatCore
from app.chat.options import (
    ModelOptions,
    OptionsInputError,
    load_options,
    note_warning,
    parse_options,
    request_options,
    sampling_params,
    save_options,
    set_num_ctx,
    warnings_given,
)
from app.chat.routes import EngineResolver
from app.core.settings import Settings
from app.engines import machine_context
from app.engines.anthropic_engine import AnthropicEngine
from app.engines.base import ChatMessage, ChatRequest
from app.engines.context import GIB
from app.engines.ollama import OllamaEngine
from app.engines.openai_engine import OpenAICompatibleEngine
from app.hardware import Gpu, Machine
from app.storage import repo
from app.storage.writer import SerialWriter
from tests.fakes.anthropic_server import FakeAnthropic
from tests.fakes.ollama_server import FakeModel, FakeOllama
from tests.fakes.openai_server import FakeOpenAI

MODEL = "llama3.2"
HELLO = ChatRequest(MODEL, (ChatMessage("user", "Hello?"),))


def machine_with(vram_gib: float) -> Machine:
    gpus = (Gpu("NVIDIA GeForce RTX 4090", int(vram_gib * GIB), int(vram_gib * GIB), "560"),)
    return Machine(gpus, "", None, None, 64 * GIB, 48 * GIB, Path("/tmp"), None)


@pytest.fixture
def on_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Pretend Hearth runs on a machine with this much VRAM (NVML measured)."""
    monkeypatch.delenv("OLLAMA_CONTEXT_LENGTH", raising=False)
    machine_context.forget()

    def use(vram_gib: float) -> None:
        machine_context.forget()
        monkeypatch.setattr("app.hardware.probe_machine", lambda: machine_with(vram_gib))

    yield use
    machine_context.forget()


def chat_options(fake: FakeOllama) -> dict[str, object]:
    return dict(fake.requests_to("/api/chat")[-1].body.get("options") or {})


# --- typed in the person's locale ------------------------------------------------------------


def test_options_are_read_in_the_persons_locale() -> None:
    assert parse_options("0.7", "0.9", "42", None, "en_US") == ModelOptions(0.7, 0.9, 42)
    assert parse_options("0,7", "", "", 8192, "de_DE") == ModelOptions(0.7, num_ctx=8192)
    # A Chinese input method types full-width digits and a full-width point.
    assert parse_options("０．７", "", "１２３", None, "zh_CN") == ModelOptions(0.7, seed=123)
    assert parse_options("", "", "", None, "zh_TW") == ModelOptions()
    assert ModelOptions().empty and request_options(ModelOptions()) is None


@pytest.mark.parametrize(
    ("temperature", "top_p", "seed", "names"),
    [
        ("3", "", "", "Temperature"),
        ("-0.1", "", "", "Temperature"),
        ("warm", "", "", "Temperature"),
        ("", "0", "", "Top P"),
        ("", "1.5", "", "Top P"),
        ("", "", "1.5", "Seed"),
        ("", "", "-1", "Seed"),
        ("", "", "99999999999", "Seed"),
    ],
)
def test_bad_options_name_the_field_and_keep_nothing(
    temperature: str, top_p: str, seed: str, names: str
) -> None:
    with pytest.raises(OptionsInputError) as caught:
        parse_options(temperature, top_p, seed, None, "en_US")
    assert str(caught.value).startswith(names)


def test_a_german_thousands_looking_temperature_is_refused_not_guessed() -> None:
    # "1.500" in de_DE could be 1500 or 1.5: numbers.py refuses such a guess.
    with pytest.raises(OptionsInputError):
        parse_options("1.500", "", "", None, "de_DE")


# --- stored per conversation --------------------------------------------------------------


def test_options_are_stored_per_conversation_and_old_ones_have_none(
    writer: SerialWriter,
) -> None:
    def work(conn):  # type: ignore[no-untyped-def]
        old = repo.create_conversation(conn, "from 0.1.0", MODEL)
        mine = repo.create_conversation(conn, "mine", MODEL)
        save_options(conn, mine.id, ModelOptions(0.2, None, 7, 16384))
        raised = set_num_ctx(conn, mine.id, 32768)
        note_warning(conn, mine.id, "4096:near")
        note_warning(conn, mine.id, "4096:near")
        return (
            load_options(conn, old.id),
            load_options(conn, mine.id),
            raised,
            warnings_given(conn, mine.id),
            warnings_given(conn, old.id),
        )

    old, mine, raised, given, none = writer.call(work)
    assert old == ModelOptions()
    assert mine == raised == ModelOptions(0.2, None, 7, 32768)
    assert given == {"4096:near"} and none == frozenset()


# --- on the wire ------------------------------------------------------------------------------


def test_ollama_gets_num_ctx_on_every_chat_by_default_what_it_would_pick(
    writer: SerialWriter,
    pool: ThreadPoolExecutor,
    fake_ollama: FakeOllama,
    data_dir: Path,
    on_machine,  # type: ignore[no-untyped-def]
) -> None:
    on_machine(8)  # an 8 GB gaming card: Ollama's 4k tier
    core = ChatCore(
        writer, pool.submit, EngineResolver(Settings(data_dir / "s.json"), fake_ollama.url)
    )
    target, _ = core.send(None, "Hello?", model=MODEL).result(10)
    core.reply(target.id, MODEL).result(10).done.result(20)
    assert chat_options(fake_ollama) == {"num_ctx": 4096}

    # The person raises this conversation's context and sets a temperature and seed.
    writer.call(lambda c: save_options(c, target.id, ModelOptions(0.3, 0.95, 11, 8192)))
    core.send(writer.call(lambda c: repo.get_conversation(c, target.id)), "More?").result(10)
    core.reply(target.id, MODEL).result(10).done.result(20)
    assert chat_options(fake_ollama) == {
        "num_ctx": 8192,
        "temperature": 0.3,
        "top_p": 0.95,
        "seed": 11,
    }
    # Ollama loaded it with that context, and says so in /api/ps.
    ps = OllamaEngine(fake_ollama.url)._quick_client.ps()
    assert [m.context_length for m in ps.models] == [8192]


@pytest.mark.parametrize(("vram_gib", "expected"), [(23.99, 32768), (48, 262144)])
def test_the_default_follows_the_machines_vram(
    fake_ollama: FakeOllama, data_dir: Path, on_machine, vram_gib: float, expected: int
) -> None:  # type: ignore[no-untyped-def]
    on_machine(vram_gib)
    engine = EngineResolver(Settings(data_dir / "s.json"), fake_ollama.url).local()
    list(engine.stream_chat(HELLO, threading.Event()))
    assert chat_options(fake_ollama) == {"num_ctx": expected}


def test_a_modelfiles_own_num_ctx_is_kept_not_overridden(
    data_dir: Path,
    on_machine,  # type: ignore[no-untyped-def]
) -> None:
    on_machine(8)
    custom = FakeModel("coder:16k", parameters="num_ctx                        16384")
    with FakeOllama([custom]) as fake:
        engine = EngineResolver(Settings(data_dir / "s.json"), fake.url).local()
        list(engine.stream_chat(ChatRequest("coder:16k", HELLO.messages), threading.Event()))
        assert chat_options(fake) == {"num_ctx": 16384}
        assert engine.model_details("coder:16k").num_ctx == 16384


def test_an_ollama_on_another_computer_gets_no_default_from_this_ones_vram(
    data_dir: Path,
    on_machine,  # type: ignore[no-untyped-def]
) -> None:
    on_machine(48)
    resolver = EngineResolver(Settings(data_dir / "s.json"), "http://192.168.1.20:11434")
    assert resolver.local().default_options == {}


def test_openai_compatible_engines_get_temperature_top_p_and_seed_not_num_ctx() -> None:
    with FakeOpenAI(api_key="sk-test") as fake:
        assert isinstance(fake, FakeOpenAI)
        engine = OpenAICompatibleEngine(
            api_key="sk-test", base_url=fake.base_url, max_retries=0, timeout=5.0
        )
        options = {"temperature": 0.4, "top_p": 0.8, "seed": 5, "num_ctx": 8192}
        request = ChatRequest("gpt-4o-mini", HELLO.messages, options=options)
        list(engine.stream_chat(request, threading.Event()))
        body = fake.chat_requests()[-1].body
        assert (body["temperature"], body["top_p"], body["seed"]) == (0.4, 0.8, 5)
        assert "num_ctx" not in body and "options" not in body
        # No options: none of these fields (the server's defaults).
        list(engine.stream_chat(ChatRequest("gpt-4o-mini", HELLO.messages), threading.Event()))
        assert not {"temperature", "top_p", "seed"} & set(fake.chat_requests()[-1].body)


@pytest.mark.parametrize(
    ("options", "sent"),
    [
        ({"temperature": 0.4, "seed": 5}, {"temperature": 0.4}),  # no seed in the API
        ({"temperature": 1.6}, {"temperature": 1.0}),  # Anthropic's range is 0-1
        ({"temperature": 0.4, "top_p": 0.8}, {"temperature": 0.4}),  # never both
        ({"top_p": 0.8, "num_ctx": 8192}, {"top_p": 0.8}),
        ({}, {}),
    ],
)
def test_anthropic_gets_what_it_accepts(options: dict[str, float], sent: dict[str, float]) -> None:
    assert sampling_params(options, anthropic=True) == sent
    with FakeAnthropic(api_key="sk-ant-test") as fake:
        assert isinstance(fake, FakeAnthropic)
        engine = AnthropicEngine(
            api_key="sk-ant-test", base_url=fake.base_url, max_retries=0, timeout=5.0
        )
        request = ChatRequest("claude-haiku-4-5", HELLO.messages, options=options or None)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            events = list(engine.stream_chat(request, threading.Event()))
        assert events  # the fake refuses what the real API refuses (400): none was sent
        body = fake.message_requests()[-1].body
        assert {k: body[k] for k in ("temperature", "top_p", "seed") if k in body} == sent
