"""``hearth models`` and ``hearth pull`` against the fake Ollama over real HTTP."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.library import pending
from app.storage.writer import SerialWriter
from tests.fakes.ollama_server import FakeOllama, PullScript

ROOT = Path(__file__).resolve().parents[2]
LAYERS = [("sha256:" + "d4" * 32, 4_000_000), ("sha256:" + "e5" * 32, 1_000)]


def test_models_lists_installed_with_fit(
    fake_ollama: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_ollama.loaded.append("llama3.2:latest")
    assert main(["models"]) == 0
    out = capsys.readouterr().out
    header, *rows = out.strip().splitlines()
    assert header.split()[:2] == ["NAME", "SIZE"]
    llama = next(r for r in rows if r.startswith("llama3.2:latest"))
    assert "2.0 GB" in llama and "2025-09-30" in llama and "VRAM" in llama
    assert any(badge in llama for badge in ("runs on", "partly on GPU", "too large"))


def test_models_catalog_filters_by_use(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "--catalog", "--use", "vision"]) == 0
    out = capsys.readouterr().out
    assert "llama3.2-vision:11b" in out and "gemma3:4b" in out
    assert "codellama:7b" not in out
    assert "compiled" in out


def test_models_with_ollama_down_exits_non_zero(
    dead_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "--host", dead_url]) == 1
    assert "not running" in capsys.readouterr().err


def test_pull_shows_progress_and_succeeds(
    fake_ollama: FakeOllama, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    fake_ollama.pull_scripts["tiny:1b"] = PullScript(layers=LAYERS, chunk_bytes=400_000)
    assert main(["pull", "ollama pull tiny:1b"]) == 0
    out = capsys.readouterr().out
    assert "100%" in out and "tiny:1b is ready." in out
    assert fake_ollama.find_model("tiny:1b") is not None
    writer = SerialWriter(data_dir / "hearth.sqlite3")
    assert writer.call(pending.list_pending) == []
    writer.close()


def test_failed_pull_exits_non_zero_with_the_servers_reason(
    fake_ollama: FakeOllama, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    fake_ollama.pull_scripts["bad:1b"] = PullScript(
        layers=LAYERS,
        error_after_bytes=1_000_000,
        error_message="digest mismatch, file must be downloaded again",
    )
    assert main(["pull", "bad:1b"]) == 1
    assert "digest mismatch, file must be downloaded again" in capsys.readouterr().err
    writer = SerialWriter(data_dir / "hearth.sqlite3")
    rows = writer.call(pending.list_pending)
    writer.close()
    assert [r.name for r in rows] == ["bad:1b"] and "digest mismatch" in rows[0].last_error


# `python -m app`, but with Ctrl+C raising KeyboardInterrupt as at a terminal: a shell's
# background job inherits SIGINT ignored, and Python then never raises it.
RUN_WITH_CTRL_C = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('app', run_name='__main__', alter_sys=True)"
)


def test_ctrl_c_stops_cleanly_and_says_pulling_again_resumes(fake_ollama: FakeOllama) -> None:
    fake_ollama.pull_scripts["slow:1b"] = PullScript(layers=LAYERS, chunk_bytes=100_000, delay=0.05)
    env = {**os.environ, "OLLAMA_HOST": fake_ollama.url, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN_WITH_CTRL_C, "pull", "slow:1b"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert fake_ollama.wait_for(
        lambda: any(r.lines_sent > 5 for r in fake_ollama.requests_to("/api/pull")), timeout=20
    )
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 130, (out, err)
    assert "again to continue where it stopped" in err
    assert "Traceback" not in err
    request = fake_ollama.requests_to("/api/pull")[0]
    assert fake_ollama.wait_for(lambda: request.finished, timeout=5)
    assert request.disconnected
    assert fake_ollama.find_model("slow:1b") is None
    assert fake_ollama.blob_progress[LAYERS[0][0]] > 0  # kept: pulling again continues
