"""What leaves the machine: hosts, Ollama cloud models, and the labels that say so."""

from __future__ import annotations

import pytest

from app.privacy.egress import (
    is_loopback_url,
    is_ollama_cloud_name,
    model_label,
    ollama_destination,
    ollama_host_label,
    provider_destination,
    where_label,
)


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:11434", True),
        ("http://localhost:11434", True),
        ("127.0.0.1:11434", True),
        ("http://127.8.9.10:1", True),
        ("http://[::1]:11434", True),
        ("http://[::ffff:127.0.0.1]:11434", True),
        ("http://0.0.0.0:11434", True),
        ("http://192.168.1.20:11434", False),
        ("http://10.0.0.5:11434", False),
        ("http://my-box.local:11434", False),
        ("https://ollama.com", False),
        ("http://localhost.evil.com:11434", False),
        ("", False),
    ],
)
def test_only_loopback_is_this_machine(url: str, local: bool) -> None:
    assert is_loopback_url(url) is local


@pytest.mark.parametrize(
    ("name", "cloud"),
    [
        ("gpt-oss:120b-cloud", True),
        ("deepseek-v3.1:671b-cloud", True),
        ("minimax-m2:cloud", True),
        ("GPT-OSS:20B-CLOUD", True),
        ("gpt-oss:20b", False),
        ("cloudy:latest", False),
        ("llama3.2:latest", False),
        ("hf.co/user/cloud-model:Q4_K_M", False),
    ],
)
def test_cloud_model_names(name: str, cloud: bool) -> None:
    assert is_ollama_cloud_name(name) is cloud


def test_ollama_destinations() -> None:
    local = ollama_destination("http://127.0.0.1:11434", "llama3.2:latest")
    assert not local.leaves_machine
    listed = ollama_destination(
        "http://127.0.0.1:11434",
        "my-alias",
        remote_host="https://ollama.com:443",
        remote_model="gpt-oss:120b",
    )
    assert listed.leaves_machine and listed.is_ollama_cloud
    by_name = ollama_destination("http://127.0.0.1:11434", "gpt-oss:120b-cloud")
    assert by_name.leaves_machine and by_name.remote_host == "https://ollama.com:443"
    lan = ollama_destination("http://192.168.1.20:11434", "llama3.2:latest")
    assert lan.leaves_machine and not lan.is_ollama_cloud
    assert "192.168.1.20" in where_label(lan)
    assert "ollama.com" in where_label(by_name)
    assert local.key != lan.key


def test_provider_destinations() -> None:
    cloud = provider_destination(
        "deepseek", "deepseek-chat", "https://api.deepseek.com", is_local=False
    )
    assert cloud.leaves_machine
    studio = provider_destination("lmstudio", "qwen", "http://127.0.0.1:1234/v1", is_local=True)
    assert not studio.leaves_machine
    moved = provider_destination("lmstudio", "qwen", "http://10.0.0.9:1234/v1", is_local=True)
    assert moved.leaves_machine


def test_labels_mark_cloud_models_and_remote_hosts() -> None:
    assert model_label("llama3.2:latest") == "llama3.2:latest"
    assert "☁" in model_label("gpt-oss:120b-cloud")
    assert "☁" in model_label("alias", remote_host="https://ollama.com:443")
    assert ollama_host_label("http://127.0.0.1:11434") == ""
    assert "192.168.1.20" in ollama_host_label("http://192.168.1.20:11434")
