"""A real llama.cpp ``llama-server`` with SmolLM2-135M-Instruct, for the engine tests.

The binary and the model are built/fetched by tests/engines/build_llama_server.py (run
by tests/run_all.py before pytest, cached in ~/.cache/hearth/). Outside CI a developer
without the cache gets a skip that says how to build it; in CI (``CI`` set) a missing
binary fails the tests, because there they must run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.engines.build_llama_server import cached_binary, cached_model

ALIAS = "smollm2"
CONTEXT = 4096


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _missing(what: str) -> None:
    message = (
        f"the real llama.cpp server needs {what}; build it with "
        "`.venv/bin/python tests/engines/build_llama_server.py` (about 15 minutes, once)"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The root URL of a running llama-server (``/v1`` below it)."""
    binary, model = cached_binary(), cached_model()
    if binary is None:
        _missing("its binary")
    if model is None:
        _missing("the SmolLM2 GGUF")
    assert binary is not None and model is not None
    port = _free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(binary),
                "-m",
                str(model),
                "--alias",
                ALIAS,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "-c",
                str(CONTEXT),
                "-t",
                "2",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llama-server exited ({process.returncode}):\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"llama-server did not become healthy:\n{log.read_text()[-4000:]}")
