"""``hearth doctor`` against the fake Ollama server (in-process and as a real command)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.engines.ollama_service import (
    current_platform_name,
    find_ollama_binary,
    install_instructions,
)
from app.storage.db import open_database
from app.storage.schema import SCHEMA_VERSION
from tests.fakes.ollama_server import FakeOllama

REPO = Path(__file__).resolve().parents[2]


def test_reachable_ollama_lists_models_and_exits_zero(
    fake_ollama: FakeOllama, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_ollama.version = "0.12.9"
    open_database(data_dir / "hearth.sqlite3").connection.close()

    assert main(["doctor"]) == 0

    out = capsys.readouterr().out
    assert "Hearth: 0.1.0" in out
    assert f"Data folder: {data_dir}" in out
    assert f"schema {SCHEMA_VERSION} (this Hearth understands {SCHEMA_VERSION})" in out
    assert f"Ollama host: {fake_ollama.url}" in out
    assert "running, version 0.12.9" in out
    assert "  - llama3.2:latest (2.0 GB, 3.2B, Q4_K_M)" in out
    assert "  - gemma3:4b (3.3 GB, 4.3B, Q4_K_M)" in out
    assert "GPU: " in out
    assert "RAM: " in out
    assert "Keyring: " in out
    assert fake_ollama.requests_to("/api/tags")


def test_no_models_is_reachable_with_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    with FakeOllama(models=[]) as empty:
        assert main(["doctor", "--host", empty.url]) == 0
    out = capsys.readouterr().out
    assert "Installed models: none" in out
    assert "ollama pull" in out


def test_database_is_read_not_created_or_migrated(
    fake_ollama: FakeOllama, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["doctor"]) == 0
    assert "not created yet" in capsys.readouterr().out
    assert not (data_dir / "hearth.sqlite3").exists()


def test_not_running_exits_non_zero_and_says_how_to_start_it(
    dead_url: str, data_dir: Path, tmp_path: Path
) -> None:
    program = tmp_path / "bin" / "ollama"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    env = {
        **os.environ,
        "OLLAMA_HOST": dead_url,
        "HEARTH_DATA_DIR": str(data_dir),
        "PATH": f"{program.parent}{os.pathsep}{os.environ['PATH']}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "app", "doctor"],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert f"Ollama host: {dead_url}" in done.stdout
    assert "Ollama: not reachable" in done.stdout
    assert f"Ollama program: {program}" in done.stdout
    assert f"Ollama is not running at {dead_url}." in done.stderr
    assert "ollama serve" in done.stderr


def test_not_installed_says_how_to_install(
    dead_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    if find_ollama_binary() is not None:
        pytest.skip("Ollama is really installed here, so doctor cannot report it missing")
    assert main(["doctor", "--host", dead_url]) == 1
    captured = capsys.readouterr()
    assert "Ollama: not reachable" in captured.out
    assert "Ollama is not installed on this computer." in captured.err
    assert install_instructions()[current_platform_name()] in captured.err
