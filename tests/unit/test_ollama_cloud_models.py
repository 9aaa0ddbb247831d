"""Ollama cloud models over real HTTP: listed, shown, chatted with, and booked as cloud use."""

from __future__ import annotations

import threading

import httpx

from app.chat.service import run_reply
from app.engines.base import ChatMessage, ChatRequest, ReplyFinished
from app.engines.ollama import OllamaEngine
from app.privacy.egress import model_label, ollama_destination
from tests.fakes.ollama_server import FakeOllama, cloud_models, default_models


class _Probe:
    def __init__(self) -> None:
        self.ended = 0

    def begin(self) -> object:
        return None

    def end(self, handle: object, wall_seconds: float) -> tuple[float | None, str]:
        self.ended += 1
        return 12.0, "configured"


def test_the_fake_lists_cloud_models_as_ollama_does() -> None:
    with FakeOllama(default_models() + cloud_models()) as fake:
        tags = httpx.get(f"{fake.url}/api/tags").json()["models"]
        by_name = {entry["name"]: entry for entry in tags}
        cloud = by_name["gpt-oss:120b-cloud"]
        assert list(cloud)[:4] == ["name", "model", "remote_model", "remote_host"]
        assert cloud["remote_model"] == "gpt-oss:120b"
        assert cloud["remote_host"] == "https://ollama.com:443"
        assert "remote_host" not in by_name["llama3.2:latest"]  # Go omitempty
        shown = httpx.post(f"{fake.url}/api/show", json={"model": "gpt-oss:120b-cloud"}).json()
        assert shown["remote_host"] == "https://ollama.com:443"
        body = {"model": "gpt-oss:120b-cloud", "messages": [{"role": "user", "content": "hi"}]}
        with httpx.stream("POST", f"{fake.url}/api/chat", json=body) as response:
            lines = [line for line in response.iter_lines() if line]
        assert all('"remote_host":"https://ollama.com:443"' in line for line in lines)


def test_engine_keeps_the_remote_fields() -> None:
    with FakeOllama(default_models() + cloud_models()) as fake:
        engine = OllamaEngine(fake.url)
        models = {info.name: info for info in engine.list_models()}
        assert models["gpt-oss:120b-cloud"].is_remote
        assert models["gpt-oss:120b-cloud"].remote_model == "gpt-oss:120b"
        assert not models["llama3.2:latest"].is_remote
        details = engine.model_details("gpt-oss:120b-cloud")
        assert details.remote_host == "https://ollama.com:443"
        assert engine.model_details("llama3.2:latest").remote_host == ""
        info = models["gpt-oss:120b-cloud"]
        assert "☁" in model_label(info.name, remote_host=info.remote_host)
        destination = ollama_destination(
            engine.host, info.name, remote_host=info.remote_host, remote_model=info.remote_model
        )
        assert destination.leaves_machine  # although the address is 127.0.0.1
        engine.close()


def test_a_cloud_models_reply_is_cloud_use_not_savings() -> None:
    with FakeOllama(default_models() + cloud_models()) as fake:
        engine = OllamaEngine(fake.url)
        probe = _Probe()
        cloud = run_reply(
            engine,
            ChatRequest("gpt-oss:120b-cloud", (ChatMessage("user", "hi"),)),
            threading.Event(),
            lambda _t: None,
            provider="ollama",
            energy_probe=probe,
        )
        assert cloud.outcome == "ok"
        assert cloud.usage.is_local is False
        assert cloud.usage.cost_usd is None  # price unknown
        assert "price unknown" in cloud.usage.price_source
        assert cloud.usage.energy_j is None and probe.ended == 0

        local = run_reply(
            engine,
            ChatRequest("llama3.2:latest", (ChatMessage("user", "hi"),)),
            threading.Event(),
            lambda _t: None,
            provider="ollama",
            energy_probe=probe,
        )
        assert local.usage.is_local is True and probe.ended == 1
        events = list(
            engine.stream_chat(
                ChatRequest("gpt-oss:120b-cloud", (ChatMessage("user", "x"),)), threading.Event()
            )
        )
        final = next(e for e in events if isinstance(e, ReplyFinished))
        assert final.usage.remote_host == "https://ollama.com:443"
        engine.close()
