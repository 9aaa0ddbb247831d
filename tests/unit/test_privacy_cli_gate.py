"""The gate as ``hearth ask`` uses it: exit codes, printed findings, --redact/--send-anyway."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.cloud.providers import BASE_URLS
from app.core.settings import LOCAL_ONLY, Settings
from app.engines.base import ChatMessage, ChatRequest
from app.privacy.detectors import cn_id_check_char
from app.privacy.outbound import EXIT_BLOCKED, EXIT_FINDINGS, destination_for, gate_for_cli

AWS = "AKIAIOSFODNN7EXAMPLE"
FIRST17 = "51010419850601201"
CN_ID = FIRST17 + cn_id_check_char(FIRST17)
HOST = "http://127.0.0.1:11434"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


def ask(text: str) -> ChatRequest:
    return ChatRequest("m", (ChatMessage("system", "Answer briefly."), ChatMessage("user", text)))


def test_findings_stop_with_exit_3_and_are_printed_masked(settings: Settings) -> None:
    err = io.StringIO()
    destination = destination_for("deepseek", "deepseek-chat", settings, ollama_host=HOST)
    result = gate_for_cli(ask(f"帮我看看{AWS}和{CN_ID}"), destination, settings, err=err)
    assert result.exit_code == EXIT_FINDINGS == 3 and result.outbound is None
    printed = err.getvalue()
    assert "2 possibly private items" in printed and "--redact" in printed
    assert "API key or token (Message 1): AKIA…LE" in printed
    assert AWS not in printed and CN_ID not in printed  # nothing secret echoed to the terminal


def test_redact_and_send_anyway_answer_in_advance(settings: Settings) -> None:
    destination = destination_for("deepseek", "deepseek-chat", settings, ollama_host=HOST)
    redacted = gate_for_cli(
        ask(f"key {AWS}"), destination, settings, redact=True, err=io.StringIO()
    )
    assert redacted.exit_code == 0 and redacted.outbound is not None
    assert redacted.outbound.request.messages[1].content == "key [API_KEY]"
    verbatim = gate_for_cli(
        ask(f"key {AWS}"), destination, settings, send_anyway=True, err=io.StringIO()
    )
    assert verbatim.outbound is not None
    assert verbatim.outbound.request.messages[1].content == f"key {AWS}"


def test_nothing_private_or_local_goes_straight_through(settings: Settings) -> None:
    cloud = destination_for("anthropic", "claude-sonnet-4-5", settings, ollama_host=HOST)
    clean = gate_for_cli(ask("What is 2+2?"), cloud, settings, err=io.StringIO())
    assert clean.exit_code == 0 and clean.outbound is not None
    local = destination_for(None, "llama3.2:latest", settings, ollama_host=HOST)
    settings.set(LOCAL_ONLY, True)
    mine = gate_for_cli(ask(f"key {AWS}"), local, settings, err=io.StringIO())
    assert mine.exit_code == 0  # it never leaves this computer


@pytest.mark.parametrize(
    ("provider", "model", "host"),
    [
        ("openai", "gpt-5", HOST),
        (None, "gpt-oss:120b-cloud", HOST),
        ("ollama", "llama3.2:latest", "http://10.1.2.3:11434"),
    ],
)
def test_local_only_refuses_every_cloud_with_exit_4(
    settings: Settings, provider: str | None, model: str, host: str
) -> None:
    settings.set(LOCAL_ONLY, True)
    err = io.StringIO()
    destination = destination_for(provider, model, settings, ollama_host=host)
    result = gate_for_cli(ask("hello"), destination, settings, send_anyway=True, err=err)
    assert result.exit_code == EXIT_BLOCKED == 4 and result.outbound is None
    assert "Local-only mode is on" in err.getvalue()


def test_a_local_preset_moved_elsewhere_counts_as_leaving(settings: Settings) -> None:
    settings.set(BASE_URLS["lmstudio"], "http://192.168.0.7:1234/v1")
    destination = destination_for("lmstudio", "qwen", settings, ollama_host=HOST)
    assert destination.leaves_machine
    result = gate_for_cli(ask(f"key {AWS}"), destination, settings, err=io.StringIO())
    assert result.exit_code == EXIT_FINDINGS
