"""engine_for: the right engine per provider, keys from the keyring, and local-only mode."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cloud.factory import check_connection, engine_for
from app.cloud.keys import KeyStore
from app.cloud.providers import BASE_URLS, PROVIDERS, base_url, get_provider
from app.core.errors import KnownError
from app.core.settings import LOCAL_ONLY, Settings
from app.engines.anthropic_engine import AnthropicEngine
from app.engines.base import ChatMessage, ChatRequest, EngineError, ErrorKind
from app.engines.openai_engine import OpenAICompatibleEngine
from tests.fakes.anthropic_server import FakeAnthropic
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.openai_server import FakeOpenAI

KEY = "sk-f4ctoryTestKey0123456789abcd"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def keys() -> Iterator[KeyStore]:
    with installed(MemoryKeyring()):
        yield KeyStore()


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=KEY) as server:
        assert isinstance(server, FakeOpenAI)
        yield server


def point(settings: Settings, provider_id: str, url: str) -> None:
    settings.set(BASE_URLS[provider_id], url)


def test_every_preset_has_a_real_url_except_custom() -> None:
    for provider in PROVIDERS:
        if provider.id == "custom":
            assert provider.default_base_url == ""
        else:
            assert provider.default_base_url.startswith(("https://", "http://127.0.0.1:"))
            assert provider.is_local == provider.default_base_url.startswith("http://127.0.0.1")


def test_deepseek_goes_through_the_openai_engine_with_its_key(
    settings: Settings, keys: KeyStore, fake: FakeOpenAI
) -> None:
    keys.set("deepseek", KEY)
    point(settings, "deepseek", fake.base_url)
    engine = engine_for("deepseek", "deepseek-chat", settings, keys, max_retries=0)
    assert isinstance(engine, OpenAICompatibleEngine)
    assert engine.engine_id == "deepseek" and not engine.is_local
    events = list(
        engine.stream_chat(
            ChatRequest("deepseek-chat", (ChatMessage("user", "hi"),)), threading.Event()
        )
    )
    assert events
    assert fake.chat_requests()[-1].headers["authorization"] == f"Bearer {KEY}"


def test_anthropic_gets_the_anthropic_engine(settings: Settings, keys: KeyStore) -> None:
    keys.set("anthropic", KEY)
    with FakeAnthropic(api_key=KEY) as server:
        point(settings, "anthropic", server.base_url)
        engine = engine_for("anthropic", "claude-haiku-4-5", settings, keys, max_retries=0)
        assert isinstance(engine, AnthropicEngine)
        assert engine.list_models()


def test_a_missing_key_is_auth_so_the_ui_can_take_the_person_to_the_key(
    settings: Settings, keys: KeyStore
) -> None:
    with pytest.raises(EngineError) as caught:
        engine_for("openai", "gpt-5", settings, keys)
    assert caught.value.kind is ErrorKind.AUTH
    assert "No API key for OpenAI" in caught.value.detail


def test_custom_needs_a_base_url(settings: Settings, keys: KeyStore) -> None:
    keys.set("custom", KEY)
    with pytest.raises(KnownError, match="no base URL"):
        engine_for("custom", "my-model", settings, keys)


def test_base_url_override_wins_and_bad_urls_are_refused(settings: Settings) -> None:
    provider = get_provider("moonshot")
    assert base_url(provider, settings) == "https://api.moonshot.cn/v1"
    point(settings, "moonshot", "https://api.moonshot.ai/v1/")
    assert base_url(provider, settings) == "https://api.moonshot.ai/v1"
    with pytest.raises(KnownError):
        point(settings, "moonshot", "api.moonshot.ai")


def test_local_only_blocks_cloud_providers_before_any_connection(
    settings: Settings, keys: KeyStore, fake: FakeOpenAI
) -> None:
    keys.set("openai", KEY)
    point(settings, "openai", fake.base_url)
    settings.set(LOCAL_ONLY, True)
    with pytest.raises(EngineError) as caught:
        engine_for("openai", "gpt-5", settings, keys)
    assert caught.value.kind is ErrorKind.BLOCKED
    with pytest.raises(EngineError):
        check_connection("openai", "gpt-5", settings, keys)
    assert fake.connections == 0
    assert fake.requests == []
    # The same setup works once local-only is off: the fake was reachable all along.
    settings.set(LOCAL_ONLY, False)
    assert "2 models" in check_connection("openai", "gpt-5", settings, keys)
    assert fake.connections >= 1


def test_local_servers_stay_allowed_in_local_only_mode(
    settings: Settings, keys: KeyStore, fake: FakeOpenAI
) -> None:
    fake.api_key = None
    settings.set(LOCAL_ONLY, True)
    point(settings, "lmstudio", fake.base_url)
    engine = engine_for("lmstudio", "qwen2.5-7b", settings, keys)
    assert engine.is_local
    assert [m.name for m in engine.list_models()] == ["gpt-4o-mini", "gpt-4.1"]


def test_a_local_preset_pointed_off_the_machine_counts_as_cloud(
    settings: Settings, keys: KeyStore
) -> None:
    settings.set(LOCAL_ONLY, True)
    point(settings, "vllm", "https://gpu.example.com/v1")
    with pytest.raises(EngineError) as caught:
        engine_for("vllm", "llama", settings, keys)
    assert caught.value.kind is ErrorKind.BLOCKED
    point(settings, "vllm", "http://192.168.1.20:8000/v1")
    assert engine_for("vllm", "llama", settings, keys).is_local


def test_check_connection_reports_a_refused_key(
    settings: Settings, keys: KeyStore, fake: FakeOpenAI
) -> None:
    keys.set("openrouter", "sk-or-v1-WrongWrongWrong000000000")
    point(settings, "openrouter", fake.base_url)
    with pytest.raises(EngineError) as caught:
        check_connection("openrouter", "", settings, keys)
    assert caught.value.kind is ErrorKind.AUTH
