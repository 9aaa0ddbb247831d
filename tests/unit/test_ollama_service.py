"""Ollama's states and starting it: a fake ``ollama`` program on PATH runs the fake
server as a real process, and Hearth talks to it over real HTTP."""

from __future__ import annotations

import os
import signal
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import KnownError
from app.engines.ollama_service import (
    LINUX_INSTALL_COMMAND,
    OllamaState,
    check_status,
    find_ollama_binary,
    install_instructions,
    is_local_host,
    start_server,
)
from tests.fakes.ollama_server import FakeOllama

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="the fake `ollama` program is a POSIX shell script"
)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); its /proc status says it has exited.
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "zombie" in status.read_text())


class FakeOllamaProgram:
    """Writes an executable ``ollama`` into ``folder`` whose ``serve`` does ``body``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "ollama"
        self.pid_file = folder / "serve.pid"

    def write(self, body: str) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path.write_text(
            "#!/bin/sh\n"
            '[ "$1" = serve ] || exit 2\n'
            f'echo $$ > "{self.pid_file}"\n'
            f'cd "{REPO}"\n'
            f"{body}\n"
        )
        self.path.chmod(self.path.stat().st_mode | stat.S_IXUSR)
        return self.path

    def serving_fake(self) -> Path:
        """``ollama serve`` that runs the fake server on OLLAMA_HOST's port."""
        return self.write(
            'port="${OLLAMA_HOST##*:}"\n'
            f'exec "{sys.executable}" -m tests.fakes.ollama_server --port "$port"'
        )

    def pid(self) -> int:
        return int(self.pid_file.read_text().strip())


@pytest.fixture
def program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOllamaProgram]:
    fake = FakeOllamaProgram(tmp_path / "bin")
    fake.folder.mkdir()
    monkeypatch.setenv("PATH", f"{fake.folder}{os.pathsep}{os.environ['PATH']}")
    yield fake
    if fake.pid_file.exists() and alive(fake.pid()):
        os.kill(fake.pid(), signal.SIGTERM)


def test_finds_ollama_on_path(program: FakeOllamaProgram) -> None:
    path = program.write("exit 0")
    assert find_ollama_binary(locations=[]) == path


def test_finds_ollama_in_an_install_location(
    tmp_path: Path, program: FakeOllamaProgram, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    installed = program.write("exit 0")
    assert find_ollama_binary(locations=[tmp_path / "nowhere" / "ollama", installed]) == installed
    assert find_ollama_binary(locations=[tmp_path / "nowhere" / "ollama"]) is None


def test_ready_with_version_and_models(fake_ollama: FakeOllama) -> None:
    status = check_status(fake_ollama.url)
    assert status.state is OllamaState.READY
    assert status.version == "0.12.6"
    assert [m.name for m in status.models] == ["llama3.2:latest", "gemma3:4b"]
    assert "2 model" in status.describe()


def test_running_without_models() -> None:
    with FakeOllama(models=[]) as empty:
        status = check_status(empty.url)
    assert status.state is OllamaState.NO_MODELS
    assert status.models == ()
    assert "no models" in status.describe()


def test_installed_but_not_running(program: FakeOllamaProgram, dead_url: str) -> None:
    program.write("exit 0")
    status = check_status(dead_url, locations=[])
    assert status.state is OllamaState.NOT_RUNNING
    assert status.binary == program.path
    assert status.describe() == f"Ollama is not running at {dead_url}."
    assert "not running" in status.detail


def test_not_installed(tmp_path: Path, dead_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    status = check_status(dead_url, locations=[tmp_path / "ollama"])
    assert status.state is OllamaState.NOT_INSTALLED
    assert status.binary is None
    assert "not installed" in status.describe()


def test_a_remote_host_is_never_called_not_installed() -> None:
    assert is_local_host("127.0.0.1:11434")
    assert is_local_host("http://localhost:11434")
    assert not is_local_host("http://gpu-box.lan:11434")


def test_start_server_runs_ollama_serve_until_it_answers(
    program: FakeOllamaProgram, dead_url: str
) -> None:
    written = program.serving_fake()
    binary = find_ollama_binary(locations=[])
    assert binary == written
    assert check_status(dead_url).state is OllamaState.NOT_RUNNING

    start_server(binary, dead_url, timeout=20)

    status = check_status(dead_url)
    assert status.state is OllamaState.READY
    assert status.version == "0.12.6"
    assert alive(program.pid())
    log_file = Path(os.environ["HEARTH_DATA_DIR"]) / "logs" / "ollama-serve.log"
    assert "listening on " + dead_url in log_file.read_text()


def test_start_server_reports_an_early_exit(program: FakeOllamaProgram, dead_url: str) -> None:
    binary = program.write("echo 'Error: could not create directory' >&2; exit 1")
    with pytest.raises(KnownError) as caught:
        start_server(binary, dead_url, timeout=10)
    assert "exit code 1" in caught.value.message
    assert "ollama-serve.log" in caught.value.hint


def test_start_server_gives_up_and_stops_a_silent_server(
    program: FakeOllamaProgram, dead_url: str
) -> None:
    binary = program.write("exec sleep 30")
    started = time.monotonic()
    with pytest.raises(KnownError) as caught:
        start_server(binary, dead_url, timeout=1)
    assert time.monotonic() - started < 5
    assert "did not start within 1 seconds" in caught.value.message
    deadline = time.monotonic() + 5
    while alive(program.pid()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(program.pid())


def test_start_server_with_a_broken_program(tmp_path: Path, dead_url: str) -> None:
    not_a_program = tmp_path / "ollama"
    not_a_program.write_text("not executable")
    with pytest.raises(KnownError) as caught:
        start_server(not_a_program, dead_url, timeout=1)
    assert "could not start Ollama" in caught.value.message


def test_install_instructions_per_platform() -> None:
    steps = install_instructions()
    assert set(steps) == {"macOS", "Windows", "Linux"}
    assert LINUX_INSTALL_COMMAND in steps["Linux"]
    assert "https://ollama.com/download" in steps["macOS"]
    assert "https://ollama.com/download" in steps["Windows"]
