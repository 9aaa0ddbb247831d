"""``hearth ask`` to a cloud passes the same gate as the window: exit 3 on findings unless
--redact or --send-anyway, exit 4 for any cloud in local-only mode. Real HTTP to fakes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from app.cli import main as cli_main
from app.cloud.keys import KeyStore
from app.cloud.providers import BASE_URLS
from app.core import paths
from app.core.settings import LOCAL_ONLY, Settings
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.ollama_server import ChatScript, FakeOllama, cloud_models, default_models
from tests.fakes.openai_server import FakeOpenAI, Reply

AWS = "AKIAIOSFODNN7EXAMPLE"
PHONE = "13912345678"


@pytest.fixture
def cloud() -> Iterator[FakeOpenAI]:
    with installed(MemoryKeyring()), FakeOpenAI(api_key="sk-ask-0001", models=["gpt-4.1"]) as s:
        KeyStore().set("openai", "sk-ask-0001")
        settings = Settings(paths.settings_path())
        settings.set(BASE_URLS["openai"], s.base_url)
        settings.save()
        yield s


@pytest.fixture
def ollama(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOllama]:
    with FakeOllama(default_models() + cloud_models()) as fake:
        monkeypatch.setenv("OLLAMA_HOST", fake.url)
        yield fake


def stored_messages() -> list[tuple[str, str]]:
    with sqlite3.connect(paths.database_path()) as conn:
        return conn.execute("SELECT role, content FROM messages ORDER BY id").fetchall()


def ask(*args: str) -> int:
    return cli_main(["ask", "--provider", "openai", "--model", "gpt-4.1", *args])


def test_findings_stop_the_request_with_exit_3(
    cloud: FakeOpenAI, ollama: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ask(f"call me on {PHONE}, key {AWS}") == 3
    err = capsys.readouterr().err
    assert "2 possibly private items" in err and "--redact" in err and "--send-anyway" in err
    assert AWS not in err and PHONE not in err
    assert cloud.chat_requests() == []
    assert stored_messages() == [("user", f"call me on {PHONE}, key {AWS}")]  # kept


def test_redact_sends_the_labels_and_send_anyway_the_words(
    cloud: FakeOpenAI, ollama: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    cloud.push(Reply(tokens=["ok"]), Reply(tokens=["ok"]))
    assert ask("--redact", f"key {AWS}") == 0
    assert cloud.chat_requests()[-1].body["messages"][-1]["content"] == "key [API_KEY]"
    assert stored_messages()[0] == ("user", f"key {AWS}")  # the stored words are untouched
    assert ask("--send-anyway", f"key {AWS} again") == 0
    assert cloud.chat_requests()[-1].body["messages"][-1]["content"] == f"key {AWS} again"


def test_local_only_refuses_providers_and_ollama_cloud_models_with_exit_4(
    cloud: FakeOpenAI, ollama: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(paths.settings_path())
    settings.set(LOCAL_ONLY, True)
    settings.save()
    assert ask("--send-anyway", "hello") == 4
    assert cli_main(["ask", "--model", "gpt-oss:120b-cloud", "--send-anyway", "hello"]) == 4
    err = capsys.readouterr().err
    assert "Local-only mode is on" in err and "Traceback" not in err
    assert cloud.chat_requests() == [] and ollama.requests_to("/api/chat") == []
    ollama.chat_scripts.append(ChatScript(["local is fine"]))
    assert cli_main(["ask", "--model", "llama3.2:latest", f"key {AWS}"]) == 0


def test_an_ollama_cloud_model_is_checked_like_any_cloud(
    ollama: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["ask", "--model", "gpt-oss:120b-cloud", f"key {AWS}"]) == 3
    assert "ollama.com" in capsys.readouterr().err
    assert ollama.requests_to("/api/chat") == []
    ollama.chat_scripts.append(ChatScript(["fine"]))
    assert cli_main(["ask", "--model", "gpt-oss:120b-cloud", "--redact", f"key {AWS}"]) == 0
    sent = ollama.requests_to("/api/chat")[-1].body["messages"][-1]["content"]
    assert sent == "key [API_KEY]"
