"""``hearth ask`` as scripts run it: the real command in a subprocess against the fake
Ollama over HTTP, writing the same database and ledger as the window."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main as cli_main
from app.cloud.keys import KeyStore
from app.cloud.providers import BASE_URLS
from app.core import paths
from app.core.settings import LAST_MODEL, Settings
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.ollama_server import ChatScript, FakeModel, FakeOllama, split_tokens
from tests.fakes.openai_server import FakeOpenAI, Reply


def hearth(
    *args: str, stdin: str | None = None, host: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if host:
        env["OLLAMA_HOST"] = host
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def rows(sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(paths.database_path()) as conn:
        return conn.execute(sql).fetchall()


def test_ask_streams_the_reply_and_stores_it_with_its_usage(fake_ollama: FakeOllama) -> None:
    fake_ollama.chat_scripts.append(ChatScript(split_tokens("天空是蓝色的，因为瑞利散射。")))
    done = hearth("ask", "--model", "llama3.2", "为什么天空是蓝色的？")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "天空是蓝色的，因为瑞利散射。\n"
    assert "Traceback" not in done.stderr
    assert rows("SELECT role, content, status FROM messages ORDER BY id") == [
        ("user", "为什么天空是蓝色的？", "ok"),
        ("assistant", "天空是蓝色的，因为瑞利散射。", "ok"),
    ]
    ((model, is_local, output_tokens, message_id),) = rows(
        "SELECT model, is_local, output_tokens, message_id FROM usage"
    )
    assert (model, is_local) == ("llama3.2", 1)
    assert output_tokens == len(split_tokens("天空是蓝色的，因为瑞利散射。"))
    assert message_id == rows("SELECT max(id) FROM messages")[0][0]


def test_ask_continues_the_last_conversation_from_stdin_with_json(
    fake_ollama: FakeOllama,
) -> None:
    fake_ollama.chat_scripts += [ChatScript(split_tokens("First.")), ChatScript(["Second."])]
    assert hearth("ask", "--model", "llama3.2", "one").returncode == 0
    done = hearth("ask", "--conversation", "last", "--json", stdin="two\n")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["reply"] == "Second." and out["outcome"] == "ok"
    assert out["model"] == "llama3.2"  # the conversation's model
    assert out["usage"]["output_tokens"] == 1 and out["usage"]["input_tokens"] > 0
    sent = fake_ollama.requests_to("/api/chat")[-1].body["messages"]
    assert [m["content"] for m in sent] == ["one", "First.", "two\n"]
    assert rows("SELECT count(DISTINCT conversation_id) FROM messages") == [(1,)]


def test_the_model_is_the_last_used_else_the_first_installed(fake_ollama: FakeOllama) -> None:
    fake_ollama.models = [FakeModel("qwen2.5:7b"), FakeModel("llama3.2")]
    fake_ollama.chat_scripts += [ChatScript(["a"]), ChatScript(["b"])]
    assert hearth("ask", "--new", "hi").returncode == 0
    assert fake_ollama.requests_to("/api/chat")[-1].body["model"] == "qwen2.5:7b"
    settings = Settings(paths.settings_path())
    settings.set(LAST_MODEL, "llama3.2")
    settings.save()
    assert hearth("ask", "--new", "hi").returncode == 0
    assert fake_ollama.requests_to("/api/chat")[-1].body["model"] == "llama3.2"


def test_an_unreachable_engine_is_a_clear_message_and_a_failure(dead_url: str) -> None:
    done = hearth("ask", "hello", host=dead_url)
    assert done.returncode == 1
    assert "Could not reach the model server" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    done = hearth("ask", "--model", "llama3.2", "hello", host=dead_url)
    assert done.returncode == 1 and "Could not reach" in done.stderr
    # The person's words are kept even though no reply came.
    assert ("user", "hello") in rows("SELECT role, content FROM messages")


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["ask", "--conversation", "7", "x"], "There is no conversation 7"),
        (["ask", "--conversation", "abc", "x"], "is not a conversation id"),
        (["ask", "   "], "The message is empty"),
        (["ask", "--conversation", "last", "x"], "There is no conversation yet"),
    ],
)
def test_bad_requests_are_refused_in_words(
    fake_ollama: FakeOllama, args: list[str], complaint: str
) -> None:
    done = hearth(*args)
    assert done.returncode != 0 and complaint in done.stderr and "Traceback" not in done.stderr


@pytest.fixture
def cloud() -> Iterator[FakeOpenAI]:
    with installed(MemoryKeyring()), FakeOpenAI(api_key="sk-ask-0001", models=["gpt-4.1"]) as s:
        KeyStore().set("openai", "sk-ask-0001")
        yield s


def test_ask_a_cloud_provider_records_cloud_usage(
    cloud: FakeOpenAI, fake_ollama: FakeOllama, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    settings = Settings(paths.settings_path())
    settings.set(BASE_URLS["openai"], cloud.base_url)
    settings.save()
    cloud.push(Reply(tokens=["Cloud", " says hi"]))
    assert cli_main(["ask", "--provider", "openai", "--model", "gpt-4.1", "hello"]) == 0
    assert capsys.readouterr().out == "Cloud says hi\n"
    assert fake_ollama.requests_to("/api/chat") == []
    ((provider, is_local, cost),) = rows("SELECT provider, is_local, cost_usd FROM usage")
    assert (provider, is_local) == ("openai", 0) and cost is not None
    assert rows("SELECT cloud_provider, cloud_model FROM conversations") == [("openai", "gpt-4.1")]


def test_ask_reads_the_same_data_dir_as_the_window(fake_ollama: FakeOllama, data_dir: Path) -> None:
    fake_ollama.chat_scripts.append(ChatScript(["ok"]))
    assert hearth("ask", "--model", "llama3.2", "hi").returncode == 0
    assert Path(paths.database_path()).parent == data_dir
