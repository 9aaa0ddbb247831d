"""Discovery of local engines against fakes that speak each engine's real wire format."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.settings import SettingError, Settings
from app.engines.addresses import (
    EXTRA_ADDRESSES,
    JAN,
    LLAMACPP,
    LMSTUDIO,
    OLLAMA,
    TEXTGEN,
    VLLM,
    add_address,
    address_problem,
    format_ref,
    normalize_url,
    parse_ref,
    split_addresses,
)
from app.engines.base import ChatMessage, ChatRequest, EngineError, ErrorKind, ReplyFinished
from app.engines.discovery import candidates, discover, find_engine_for_model
from app.engines.local import local_engine, running_context
from tests.fakes.local_engines import (
    FakeJan,
    FakeLlamaCpp,
    FakeLMStudio,
    FakeTextGen,
    FakeVLLM,
)
from tests.fakes.ollama_server import FakeModel, FakeOllama
from tests.fakes.openai_server import Reply


@pytest.fixture
def fleet() -> Iterator[dict[str, str]]:
    """Every kind of engine running at once, each on its own free port."""
    ollama = FakeOllama(
        [FakeModel("qwen2.5:7b"), FakeModel("gpt-oss:120b-cloud"), FakeModel("llama3.2:latest")]
    )
    ollama.start()
    ollama.loaded.append("qwen2.5:7b")
    others = {
        "lmstudio": FakeLMStudio().start(),
        "llamacpp": FakeLlamaCpp(n_ctx=8192).start(),
        "jan": FakeJan().start(),
        "vllm": FakeVLLM().start(),
        "textgen": FakeTextGen().start(),
    }
    try:
        yield {"ollama": ollama.url, **{k: v.root_url for k, v in others.items()}}
    finally:
        ollama.stop()
        for fake in others.values():
            fake.stop()


def _everything(urls: dict[str, str], jan_key: str | None = "secret-key-123"):  # type: ignore[no-untyped-def]
    hints = {"ollama": OLLAMA, "lmstudio": LMSTUDIO, "llamacpp": LLAMACPP, "jan": JAN,
             "vllm": VLLM, "textgen": TEXTGEN}  # fmt: skip
    return discover(
        urls["ollama"],
        only=[(url, hints[kind]) for kind, url in urls.items()],
        keys=lambda engine: jan_key if engine == "jan" else None,
    )


def test_every_engine_is_found_with_its_models_and_contexts(fleet: dict[str, str]) -> None:
    found = _everything(fleet)
    by_id = {engine.engine_id: engine for engine in found.engines}
    assert list(by_id) == ["ollama", "lmstudio", "llamacpp", "jan", "vllm", "textgen"]
    ollama = by_id["ollama"]
    qwen = ollama.find("qwen2.5:7b")
    assert qwen is not None and qwen.loaded and qwen.context_length == 4096  # /api/ps
    assert ollama.find("llama3.2:latest") is not None
    lm = by_id["lmstudio"]
    assert [m.name for m in lm.models] == ["qwen2.5-7b-instruct", "qwen2-vl-7b-instruct"]
    assert lm.models[0].context_length == 8192 and lm.models[0].loaded
    assert lm.models[1].vision and lm.models[1].max_context_length == 32768
    assert by_id["llamacpp"].running_context == 8192
    assert [m.name for m in by_id["jan"].models] == ["jan-v3-4b-base-instruct"]
    vllm = by_id["vllm"].models[0]
    assert vllm.name == "Qwen/Qwen2.5-7B-Instruct" and vllm.context_length == 32768
    assert [m.name for m in by_id["textgen"].models] == ["Qwen2.5-7B-Instruct-Q4_K_M.gguf"]
    assert by_id["lmstudio"].api_url == fleet["lmstudio"] + "/v1"


def test_jan_without_its_key_is_listed_with_what_to_do(fleet: dict[str, str]) -> None:
    jan = next(e for e in _everything(fleet, jan_key=None).engines if e.engine_id == "jan")
    assert jan.models == ()
    assert "API key" in jan.problem and fleet["jan"] in jan.problem


def test_an_engine_is_recognised_by_what_it_answers_not_its_port(fleet: dict[str, str]) -> None:
    # A llama-server started on vLLM's port, vLLM on LM Studio's, LM Studio unhinted.
    found = discover(
        "http://127.0.0.1:9",
        only=[(fleet["llamacpp"], VLLM), (fleet["vllm"], LMSTUDIO), (fleet["lmstudio"], None)],
    )
    assert [e.engine_id for e in found.engines] == ["llamacpp", "vllm", "lmstudio"]


def test_nothing_listening_and_a_hung_server_do_not_hold_up_the_rest(
    fleet: dict[str, str], dead_url: str
) -> None:
    hung = socket.create_server(("127.0.0.1", 0))  # accepts, never answers
    hung_url = f"http://127.0.0.1:{hung.getsockname()[1]}"
    try:
        started = time.perf_counter()
        found = discover(
            "http://127.0.0.1:9",
            only=[(dead_url, OLLAMA), (hung_url, None), (fleet["llamacpp"], None)],
        )
        took = time.perf_counter() - started
    finally:
        hung.close()
    assert [e.engine_id for e in found.engines] == ["llamacpp"]
    assert took < 4.0  # one read timeout (2 s) at most, not one per address


def test_probes_run_at_the_same_time() -> None:
    # Five servers that each take 0.4 s to answer: concurrently about 0.4 s, not 2 s.
    slow = [FakeLlamaCpp() for _ in range(5)]
    original = FakeLlamaCpp.handle

    def sluggish(self, handler, request):  # type: ignore[no-untyped-def]
        time.sleep(0.4)
        original(self, handler, request)

    for fake in slow:
        fake.handle = sluggish.__get__(fake)  # type: ignore[method-assign]
        fake.start()
    try:
        started = time.perf_counter()
        found = discover("http://127.0.0.1:9", only=[(f.root_url, LLAMACPP) for f in slow])
        took = time.perf_counter() - started
    finally:
        for fake in slow:
            fake.stop()
    assert len(found.engines) == 5
    assert took < 1.6  # two requests each (props + models): ~0.8 s side by side


def test_candidates_are_the_documented_defaults_then_the_persons_own() -> None:
    urls = [url for url, _ in candidates("http://127.0.0.1:11434", ["192.168.1.20:8080/v1"])]
    assert urls == [
        "http://127.0.0.1:11434",
        "http://127.0.0.1:1234",
        "http://127.0.0.1:8080",
        "http://127.0.0.1:1337",
        "http://127.0.0.1:8000",
        "http://127.0.0.1:5000",
        "http://192.168.1.20:8080",
    ]
    # An added address equal to a default is not probed twice.
    assert len(candidates("http://127.0.0.1:11434", ["localhost:1234", "127.0.0.1:1234"])) == 7


def test_find_engine_for_model(fleet: dict[str, str]) -> None:
    found = _everything(fleet)

    def where(name: str) -> tuple[str, str] | None:
        match = find_engine_for_model(name, found)
        return (match[0].engine_id, match[1].name) if match else None

    assert where("qwen2.5:7b") == ("ollama", "qwen2.5:7b")
    assert where("llama3.2") == ("ollama", "llama3.2:latest")  # :latest implied
    assert where("QWEN2.5-7B-INSTRUCT") == ("lmstudio", "qwen2.5-7b-instruct")
    assert where("smollm2") == ("llamacpp", "smollm2")
    assert where("llamacpp:smollm2") == ("llamacpp", "smollm2")
    assert where("vllm/Qwen/Qwen2.5-7B-Instruct") == ("vllm", "Qwen/Qwen2.5-7B-Instruct")
    ref = format_ref("jan", fleet["jan"], "jan-v3-4b-base-instruct")
    assert where(ref) == ("jan", "jan-v3-4b-base-instruct")
    assert where("no-such-model") is None


def test_model_references_round_trip() -> None:
    ref = format_ref("llamacpp", "127.0.0.1:8080/v1/", "hf.co/user/repo:Q4_K_M")
    assert ref == "llamacpp|http://127.0.0.1:8080|hf.co/user/repo:Q4_K_M"
    parsed = parse_ref(ref)
    assert parsed is not None and str(parsed) == ref
    assert parsed.model == "hf.co/user/repo:Q4_K_M"
    assert parse_ref("qwen2.5:7b") is None  # a bare name from an older Hearth
    assert parse_ref("a||b") is None


def test_addresses_are_checked_before_they_are_saved(tmp_path: Path) -> None:
    assert normalize_url(" localhost:1234/v1/ ") == "http://localhost:1234"
    assert address_problem("192.168.1.20:8080") is None
    assert address_problem("http://[::1]:8080") is None
    assert "not on this computer" in (address_problem("api.openai.com") or "")
    assert "port" in (address_problem("127.0.0.1:99999") or "")
    assert address_problem("ftp://127.0.0.1") is not None
    settings = Settings(tmp_path / "settings.json")
    settings.set(EXTRA_ADDRESSES, add_address("", "127.0.0.1:9999"))
    settings.set(EXTRA_ADDRESSES, add_address(settings.get(EXTRA_ADDRESSES), "127.0.0.1:9999/v1"))
    assert split_addresses(settings.get(EXTRA_ADDRESSES)) == ["http://127.0.0.1:9999"]
    with pytest.raises(SettingError):
        settings.set(EXTRA_ADDRESSES, "http://example.com:8080")
    with pytest.raises(ValueError, match="not on this computer"):
        add_address("", "https://example.com")


@pytest.mark.parametrize("kind", ["lmstudio", "jan", "vllm", "textgen", "llamacpp"])
def test_chatting_with_each_engine_is_local_and_keeps_its_usage(
    fleet: dict[str, str], kind: str
) -> None:
    engine = local_engine(kind, fleet[kind], keys=lambda _e: "secret-key-123")
    assert engine.is_local and engine.engine_id == kind
    found = _everything(fleet)
    model = next(e for e in found.engines if e.engine_id == kind).models[0].name
    events = list(
        engine.stream_chat(ChatRequest(model, (ChatMessage("user", "hi"),)), threading.Event())
    )
    finished = events[-1]
    assert isinstance(finished, ReplyFinished)
    assert finished.usage.input_tokens == Reply().prompt_tokens
    assert finished.usage.output_tokens == len(Reply().tokens)
    assert not finished.usage.estimated


def test_a_cloud_address_is_never_built_as_a_local_engine() -> None:
    with pytest.raises(EngineError) as caught:
        local_engine("lmstudio", "https://api.example.com")
    assert caught.value.kind is ErrorKind.BLOCKED


def test_running_context_for_ollama_prefers_what_it_reports(fleet: dict[str, str]) -> None:
    found = _everything(fleet)
    ollama = found.engines[0]
    loaded, idle = ollama.find("qwen2.5:7b"), ollama.find("llama3.2:latest")
    assert loaded is not None and idle is not None
    assert running_context(ollama, loaded).tokens == 4096
    assert running_context(ollama, loaded, num_ctx=4096).source == "engine"
    # Loaded at 4k, but Hearth now asks for 32k: Ollama reloads with the request's size.
    assert running_context(ollama, loaded, num_ctx=32768).tokens == 32768
    assert running_context(ollama, idle, num_ctx=32768).source == "requested"
    assert running_context(ollama, idle).source == "unknown"
    textgen = next(e for e in found.engines if e.engine_id == "textgen")
    assert running_context(textgen, textgen.models[0]).tokens is None


def test_local_engines_know_which_models_see_images(fleet: dict[str, str]) -> None:
    found = _everything(fleet)
    lm = next(e for e in found.engines if e.engine_id == "lmstudio")
    engine = local_engine("lmstudio", lm.base_url, models=lm.models)
    assert engine.model_details("qwen2-vl-7b-instruct").vision
    text_only = engine.model_details("qwen2.5-7b-instruct")
    assert not text_only.vision and text_only.context_length == 8192
    llama = next(e for e in found.engines if e.engine_id == "llamacpp")
    details = local_engine("llamacpp", llama.base_url, models=llama.models).model_details("smollm2")
    assert not details.vision and details.context_length == 8192


def test_local_engines_are_built_once_per_server_from_references(fleet: dict[str, str]) -> None:
    from app.engines.local import LocalEngines

    engines = LocalEngines(fleet["ollama"], default_num_ctx=32768)
    found = _everything(fleet)
    engines.learn(found.engines)
    ref = format_ref("lmstudio", fleet["lmstudio"], "qwen2-vl-7b-instruct")
    engine, model = engines.for_ref(ref)
    assert engine.engine_id == "lmstudio" and model == "qwen2-vl-7b-instruct"
    assert engine.model_details(model).vision  # learnt from discovery
    assert engines.for_ref(ref)[0] is engine
    old, name = engines.for_ref("qwen2.5:7b")  # a bare name from an older Hearth
    assert old.engine_id == "ollama" and name == "qwen2.5:7b"
    events = list(
        old.stream_chat(ChatRequest(name, (ChatMessage("user", "hi"),)), threading.Event())
    )
    assert isinstance(events[-1], ReplyFinished)


def test_configured_addresses_and_a_keyring_that_fails(tmp_path: Path) -> None:
    from app.cloud.keys import KeyringUnavailableError
    from app.cloud.providers import BASE_URLS
    from app.engines.local import configured_addresses, keyring_lookup

    settings = Settings(tmp_path / "settings.json")
    settings.set(EXTRA_ADDRESSES, "192.168.1.20:8080\n127.0.0.1:9999")
    settings.set(BASE_URLS["lmstudio"], "http://127.0.0.1:4321/v1")
    settings.set(BASE_URLS["vllm"], "https://vllm.example.com/v1")  # not local: ignored
    assert configured_addresses(settings) == [
        "http://192.168.1.20:8080",
        "http://127.0.0.1:9999",
        "http://127.0.0.1:4321",
    ]

    class Broken:
        def get(self, provider_id: str) -> str | None:
            raise KeyringUnavailableError("no keyring")

    class Stored:
        def get(self, provider_id: str) -> str | None:
            return "k" if provider_id == "jan" else None

    assert keyring_lookup(Broken())("jan") is None
    assert keyring_lookup(Stored())("jan") == "k"
    assert keyring_lookup(Stored())("vllm") is None


def test_ollama_cloud_models_are_listed_as_remote_and_found_only_by_their_own_name() -> None:
    from tests.fakes.ollama_server import cloud_models

    with FakeOllama([FakeModel("llama3.2:latest"), *cloud_models()]) as ollama:
        found = discover(ollama.url, only=[(ollama.url, OLLAMA)])
    [engine] = found.engines
    cloud = engine.find("gpt-oss:120b-cloud")
    assert cloud is not None and cloud.remote
    local = engine.find("llama3.2:latest")
    assert local is not None and not local.remote
    match = find_engine_for_model("gpt-oss:120b-cloud", found)
    assert match is not None and match[1].remote  # the caller's gate decides
    assert find_engine_for_model("llama3.2", found) == (engine, local)
