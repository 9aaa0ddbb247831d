"""Shared fixtures. Qt runs offscreen; every test gets its own data dir."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.fakes.ollama_server import FakeOllama

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test writes under its own HEARTH_DATA_DIR, never the person's real one."""
    path = tmp_path / "hearth-data"
    monkeypatch.setenv("HEARTH_DATA_DIR", str(path))
    # Nothing in a test asks the real Ollama registry (the library reads exact sizes
    # from it): port 9 on this machine refuses at once. Tests that want sizes start
    # tests/fakes/ollama_registry.py and point this at it.
    monkeypatch.setenv("HEARTH_OLLAMA_REGISTRY", "http://127.0.0.1:9")
    yield path


@pytest.fixture
def fake_ollama(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOllama]:
    """A fake Ollama server on 127.0.0.1 (real HTTP, Ollama's wire format); OLLAMA_HOST
    points at it for the test."""
    from tests.fakes.ollama_server import FakeOllama

    with FakeOllama() as fake:
        monkeypatch.setenv("OLLAMA_HOST", fake.url)
        yield fake


@pytest.fixture
def dead_url() -> str:
    """A 127.0.0.1 URL where nothing listens (a port just freed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
