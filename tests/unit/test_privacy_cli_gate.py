"""Destinations from settings, and the findings as ``hearth ask`` prints them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.cloud.providers import BASE_URLS
from app.core.settings import Settings
from app.engines.base import ChatMessage, ChatRequest
from app.privacy.detectors import cn_id_check_char
from app.privacy.gate import Status, check_outbound
from app.privacy.outbound import describe_findings, destination_for, print_findings

AWS = "AKIAIOSFODNN7EXAMPLE"
FIRST17 = "51010419850601201"
CN_ID = FIRST17 + cn_id_check_char(FIRST17)
HOST = "http://127.0.0.1:11434"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


def ask(text: str) -> ChatRequest:
    return ChatRequest("m", (ChatMessage("system", "Answer briefly."), ChatMessage("user", text)))


def test_findings_are_printed_masked_with_the_way_forward(settings: Settings) -> None:
    destination = destination_for("deepseek", "deepseek-chat", settings, ollama_host=HOST)
    check = check_outbound(ask(f"帮我看看{AWS}和{CN_ID}"), destination, local_only=False)
    assert check.status is Status.ASK
    out = io.StringIO()
    print_findings(check, out)
    printed = out.getvalue()
    assert "2 possibly private items" in printed and "--redact" in printed
    assert "--send-anyway" in printed and "DeepSeek" in printed
    assert "  - API key or token (Message 1): AKIA…LE" in describe_findings(check)
    assert AWS not in printed and CN_ID not in printed  # nothing secret echoed to a terminal


@pytest.mark.parametrize(
    ("provider", "model", "host", "leaves"),
    [
        ("anthropic", "claude-sonnet-4-5", HOST, True),
        (None, "llama3.2:latest", HOST, False),
        ("ollama", "gpt-oss:120b-cloud", HOST, True),
        (None, "llama3.2:latest", "http://10.1.2.3:11434", True),
        ("lmstudio", "qwen", HOST, False),
    ],
)
def test_destinations(
    settings: Settings, provider: str | None, model: str, host: str, leaves: bool
) -> None:
    assert destination_for(provider, model, settings, ollama_host=host).leaves_machine is leaves


def test_a_local_preset_moved_elsewhere_counts_as_leaving(settings: Settings) -> None:
    settings.set(BASE_URLS["lmstudio"], "http://192.168.0.7:1234/v1")
    destination = destination_for("lmstudio", "qwen", settings, ollama_host=HOST)
    assert destination.leaves_machine and "192.168.0.7" in destination.host


def test_an_aliased_ollama_cloud_model_is_known_by_its_remote_host(settings: Settings) -> None:
    plain = destination_for(None, "my-alias", settings, ollama_host=HOST)
    listed = destination_for(
        None, "my-alias", settings, ollama_host=HOST, remote_host="https://ollama.com:443"
    )
    assert not plain.leaves_machine and listed.leaves_machine and listed.is_ollama_cloud
