"""The shared input rules: a bad value is refused with words that say why."""

from __future__ import annotations

import pytest

from app.core.validate import MAX_MODEL_NAME, InvalidInputError, model_name, server_url
from app.engines.hosts import ollama_host


@pytest.mark.parametrize(
    "name",
    [
        "llama3.2",
        "qwen3:8b",
        "hf.co/bartowski/Qwen2.5-7B-GGUF:Q4_K_M",
        "gpt-oss:120b-cloud",
        "anthropic/claude-sonnet-4.5",
        "  padded:latest  ",
    ],
)
def test_real_model_names_pass(name: str) -> None:
    assert model_name(name) == name.strip()


def test_a_5000_character_name_is_refused_with_its_length() -> None:
    with pytest.raises(InvalidInputError) as caught:
        model_name("x" * 5000)
    assert "5000" in caught.value.message and str(MAX_MODEL_NAME) in caught.value.message


def test_the_longest_name_ollama_allows_passes() -> None:
    longest = "h" * 350 + "/" + "n" * 80 + "/" + "m" * 80 + ":" + "t" * 80
    assert model_name(longest) == longest
    with pytest.raises(InvalidInputError):
        model_name(longest + "t")


@pytest.mark.parametrize("name", ["", "   ", "llama 3", "llama\n3", "qwen\x00", "a\u202eb"])
def test_empty_spaced_or_control_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidInputError):
        model_name(name)


def test_multibyte_names_are_measured_in_bytes_like_ollama() -> None:
    model_name("模" * 197)  # 591 bytes
    with pytest.raises(InvalidInputError):
        model_name("模" * 198)  # 594 bytes


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("http://[::1", "malformed"),
        ("http://127.0.0.1:99999", "port"),
        ("http://127.0.0.1:0", "port"),
        ("http://host:abc", "port"),
        ("ftp://127.0.0.1:21", "http://"),
        ("http://:11434", "host name"),
    ],
)
def test_bad_server_addresses_are_refused(text: str, reason: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        server_url(text, what="--host")
    assert reason in caught.value.message and "--host" in caught.value.message
    assert "http://127.0.0.1:11434" in caught.value.hint


@pytest.mark.parametrize(
    "text", ["http://127.0.0.1:11434", "https://ollama.example.com:443", "http://[::1]:11434"]
)
def test_good_server_addresses_pass_unchanged(text: str) -> None:
    assert server_url(ollama_host(text)) == text
