"""A retired model id names its successor wherever a cloud model is used: the provider's
own "model not found" error through the real SDK, the chat's words for it, hearth ask."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from app.chat.errors import describe_engine_error
from app.chat.service import run_reply
from app.cloud.factory import engine_for
from app.cloud.keys import KeyStore
from app.cloud.providers import BASE_URLS, PROVIDERS, retired_message
from app.cloud.retired import name_successor
from app.core.settings import Settings
from app.engines.base import ChatMessage, ChatRequest, EngineError, ErrorKind
from app.engines.sdk_errors import from_sdk_error
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.openai_server import FakeOpenAI, Reply, openai_error

KEY = "sk-retiredTestKey0123456789abcdef"


def model_not_exist() -> Reply:
    """DeepSeek's answer to a retired or unknown id: HTTP 400, not 404, with this exact
    body (as its users report it: deepwn/addi#13, langbot-app/LangBot#1643)."""
    return Reply(
        error=openai_error(400, "Model Not Exist", "invalid_request_error", "invalid_request_error")
    )


@pytest.fixture
def deepseek(tmp_path: Path) -> Iterator[tuple[FakeOpenAI, Settings]]:
    settings = Settings(tmp_path / "settings.json")
    with installed(MemoryKeyring()), FakeOpenAI(api_key=KEY) as server:
        assert isinstance(server, FakeOpenAI)
        KeyStore().set("deepseek", KEY)
        settings.set(BASE_URLS["deepseek"], server.base_url)
        yield server, settings


def ask(settings: Settings, model: str) -> EngineError:
    """One reply through the chat's own path (``run_reply``), as the window and hearth ask
    send it; the engine's error reaches the chat there."""
    engine = engine_for("deepseek", model, settings, KeyStore(), max_retries=0)
    request = ChatRequest(model, (ChatMessage("user", "你好"),))
    reply = run_reply(engine, request, threading.Event(), lambda _t: None, provider="deepseek")
    assert reply.error is not None and reply.outcome != "ok"
    return reply.error


def test_deepseeks_model_not_exist_for_a_retired_id_names_the_successor(
    deepseek: tuple[FakeOpenAI, Settings],
) -> None:
    server, settings = deepseek
    server.push(model_not_exist())
    error = ask(settings, "deepseek-chat")
    assert error.kind is ErrorKind.NOT_FOUND and error.status == 400
    assert error.successor == "deepseek-v4-flash"
    assert error.detail == (
        "DeepSeek retired “deepseek-chat” on 2026-07-24; use “deepseek-v4-flash” instead."
    )
    words = describe_engine_error(error)
    assert words.startswith(
        "This model has been retired. Choose “deepseek-v4-flash” in Send to cloud… to go on."
    )
    assert server.chat_requests()[-1].body["model"] == "deepseek-chat"  # it really was sent


def test_the_same_error_for_a_current_id_stays_a_plain_refusal(
    deepseek: tuple[FakeOpenAI, Settings],
) -> None:
    """A typo is not a retirement: no successor is invented."""
    server, settings = deepseek
    server.push(model_not_exist())
    error = ask(settings, "deepseek-v5-typo")
    assert error.kind is ErrorKind.BAD_REQUEST and error.successor is None
    assert "Model Not Exist" in error.detail
    assert "retired" not in describe_engine_error(error)


def test_another_400_for_a_retired_id_is_not_taken_for_the_retirement(
    deepseek: tuple[FakeOpenAI, Settings],
) -> None:
    server, settings = deepseek
    server.push(
        Reply(
            error=openai_error(
                400,
                "max_tokens must be <= 393216",
                "invalid_request_error",
                "invalid_request_error",
            )
        )
    )
    error = ask(settings, "deepseek-reasoner")
    assert error.kind is ErrorKind.BAD_REQUEST and error.successor is None


def test_an_openai_style_404_for_a_retired_id_names_it_too() -> None:
    class NotFoundError(Exception):
        status_code = 404
        body: ClassVar[dict[str, object]] = {
            "error": {
                "message": "The model `deepseek-reasoner` does not exist",
                "type": "invalid_request_error",
                "code": "model_not_found",
            }
        }

    plain = from_sdk_error(NotFoundError(), "DeepSeek", model="deepseek-reasoner")
    error = name_successor(plain, "deepseek", "deepseek-reasoner")
    assert (error.kind, error.successor) == (ErrorKind.NOT_FOUND, "deepseek-v4-flash")


def test_presets_list_no_retired_id() -> None:
    for provider in PROVIDERS:
        for model in provider.models:
            assert retired_message(provider.id, model) == "", (provider.id, model)


def test_hearth_ask_refuses_a_retired_id_before_storing_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main as cli_main

    code = cli_main(["ask", "--provider", "deepseek", "--model", "deepseek-reasoner", "hello"])
    err = capsys.readouterr().err
    assert code != 0
    assert "DeepSeek retired “deepseek-reasoner” on 2026-07-24" in err
    assert "--provider deepseek --model deepseek-v4-flash" in err
    from app.core import paths

    db = paths.database_path()
    if db.exists():
        import sqlite3

        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
