"""Installed models against the fake Ollama, and unfinished downloads in a real database."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import KnownError
from app.library import pending
from app.library.installed import LibraryClient
from app.storage.writer import SerialWriter
from tests.fakes.ollama_server import FakeOllama


def test_installed_lists_size_date_and_loaded_vram(fake_ollama: FakeOllama) -> None:
    fake_ollama.loaded.append("gemma3:4b")
    client = LibraryClient(fake_ollama.url)
    models = {m.name: m for m in client.installed()}
    assert set(models) == {"llama3.2:latest", "gemma3:4b"}
    gemma, llama = models["gemma3:4b"], models["llama3.2:latest"]
    assert gemma.size_bytes == 3_338_801_804
    assert gemma.parameter_size == "4.3B" and gemma.quantization == "Q4_K_M"
    assert gemma.modified_at is not None and gemma.modified_at.year == 2025
    assert gemma.loaded and gemma.vram_bytes == 3_338_801_804 + 400_000_000
    assert not llama.loaded and llama.vram_bytes is None


def test_details_show_capabilities_and_context(fake_ollama: FakeOllama) -> None:
    card = LibraryClient(fake_ollama.url).details("gemma3:4b")
    assert "vision" in card.capabilities
    assert card.context_length == 131072
    assert card.family == "gemma3"


def test_delete_removes_the_model(fake_ollama: FakeOllama) -> None:
    client = LibraryClient(fake_ollama.url)
    client.delete("llama3.2:latest")
    assert [m.name for m in client.installed()] == ["gemma3:4b"]
    with pytest.raises(KnownError) as caught:
        client.delete("llama3.2:latest")
    assert "not found" in caught.value.message


def test_server_down_is_a_plain_message(dead_url: str) -> None:
    with pytest.raises(KnownError) as caught:
        LibraryClient(dead_url).installed()
    assert "not running" in caught.value.message


def test_unfinished_downloads_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "hearth.sqlite3"
    writer = SerialWriter(path)
    writer.call(lambda c: pending.remember(c, "qwq:32b", 0, 20_000_000_000))
    writer.call(lambda c: pending.remember(c, "qwq:32b", 7_000_000_000, 20_000_000_000, "stalled"))
    writer.call(lambda c: pending.remember(c, "gemma3:4b", 100, 3_300_000_000))
    writer.call(lambda c: pending.forget(c, "gemma3:4b"))
    writer.close()

    reopened = SerialWriter(path)
    rows = reopened.call(pending.list_pending)
    reopened.close()
    assert [r.name for r in rows] == ["qwq:32b"]
    assert rows[0].completed_bytes == 7_000_000_000
    assert rows[0].fraction == pytest.approx(0.35)
    assert rows[0].last_error == "stalled"
