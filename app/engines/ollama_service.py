"""Where Ollama stands on this machine: installed? running? any models? and starting it.

Qt-free, so the first-run screen, ``hearth doctor`` and tests share one answer. Starting
the server runs ``ollama serve`` detached (it outlives Hearth, as the Ollama app does)
and waits until ``/api/version`` answers.
"""

from __future__ import annotations

import enum
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.paths import log_dir
from app.engines.base import EngineError, ModelInfo
from app.engines.hosts import ollama_host

log = logging.getLogger(__name__)

DOWNLOAD_URL = "https://ollama.com/download"
LINUX_INSTALL_COMMAND = "curl -fsSL https://ollama.com/install.sh | sh"
_started: list[subprocess.Popen[bytes]] = []
"""Servers this process started: held so their exit status is collected (no zombies)."""
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1", "::", ""}  # noqa: S104 - names, not binds


class OllamaState(enum.Enum):
    NOT_INSTALLED = "not_installed"
    NOT_RUNNING = "not_running"
    NO_MODELS = "no_models"
    READY = "ready"


@dataclass(frozen=True)
class OllamaStatus:
    state: OllamaState
    host: str
    version: str = ""
    models: tuple[ModelInfo, ...] = ()
    binary: Path | None = None
    detail: str = ""
    """Why the server could not be used, in the engine's words (when not reachable)."""

    def describe(self) -> str:
        """One plain sentence for the person."""
        if self.state is OllamaState.NOT_INSTALLED:
            return translate("Ollama", "Ollama is not installed on this computer.")
        if self.state is OllamaState.NOT_RUNNING:
            return translate("Ollama", "Ollama is not running at {host}.").format(host=self.host)
        if self.state is OllamaState.NO_MODELS:
            return translate("Ollama", "Ollama {version} is running but has no models yet.").format(
                version=self.version
            )
        return translate("Ollama", "Ollama {version} is running with {count} model(s).").format(
            version=self.version, count=len(self.models)
        )


def default_install_locations() -> list[Path]:
    """Where the official installers put the ``ollama`` program, besides PATH."""
    if sys.platform == "darwin":
        return [
            Path("/Applications/Ollama.app/Contents/Resources/ollama"),
            Path.home() / "Applications/Ollama.app/Contents/Resources/ollama",
            Path("/usr/local/bin/ollama"),
            Path("/opt/homebrew/bin/ollama"),
        ]
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA", str(Path.home() / "AppData" / "Local"))
        return [Path(local) / "Programs" / "Ollama" / "ollama.exe"]
    return [Path("/usr/local/bin/ollama"), Path("/usr/bin/ollama"), Path("/snap/bin/ollama")]


def find_ollama_binary(locations: Sequence[Path] | None = None) -> Path | None:
    found = shutil.which("ollama")
    if found:
        return Path(found)
    for candidate in default_install_locations() if locations is None else locations:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def is_local_host(host: str) -> bool:
    return (urlsplit(ollama_host(host)).hostname or "") in _LOCAL_HOSTS


def check_status(
    host: str | None = None, *, locations: Sequence[Path] | None = None
) -> OllamaStatus:
    """Ask the server; when it does not answer, tell "not installed" from "not running"."""
    with serial_imports:
        from app.engines.ollama import OllamaEngine  # on the worker thread: see hosts.py

    url = ollama_host(host)
    engine = OllamaEngine(url)
    try:
        version = engine.version()
        models = tuple(engine.list_models())
    except EngineError as exc:
        binary = find_ollama_binary(locations)
        # A server on another machine may well be installed there: never say "install".
        missing = binary is None and is_local_host(url)
        state = OllamaState.NOT_INSTALLED if missing else OllamaState.NOT_RUNNING
        return OllamaStatus(state, url, binary=binary, detail=exc.detail)
    finally:
        engine.close()
    state = OllamaState.READY if models else OllamaState.NO_MODELS
    return OllamaStatus(state, url, version, models, find_ollama_binary(locations))


def _detached_options() -> dict[str, object]:
    if sys.platform == "win32":
        flags = (
            subprocess.DETACHED_PROCESS  # type: ignore[attr-defined,unused-ignore]
            | subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined,unused-ignore]
            | subprocess.CREATE_NO_WINDOW  # type: ignore[attr-defined,unused-ignore]
        )
        return {"creationflags": flags}
    return {"start_new_session": True}


def start_server(binary: Path, host: str | None = None, timeout: float = 15) -> None:
    """Run ``ollama serve`` detached and wait until it answers; KnownError if it does not."""
    url = ollama_host(host)
    env = {**os.environ, "OLLAMA_HOST": url}
    log_path = log_dir() / "ollama-serve.log"
    hint = translate("Ollama", "Its output is in {path}.").format(path=log_path)
    try:
        with log_path.open("ab") as output:
            process = subprocess.Popen(
                [str(binary), "serve"],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                **_detached_options(),  # type: ignore[call-overload]
            )
    except OSError as exc:
        raise KnownError(
            translate("Ollama", "Hearth could not start Ollama ({program}).").format(
                program=binary
            ),
            hint=exc.strerror or str(exc),
        ) from exc
    log.info("started %s serve (pid %d) for %s", binary, process.pid, url)
    _started.append(process)
    with serial_imports:
        from app.engines.ollama import OllamaEngine  # see hosts.py

    engine = OllamaEngine(url)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if engine.ping():
                return
            code = process.poll()
            if code is not None:
                raise KnownError(
                    translate(
                        "Ollama", "Ollama stopped right after starting (exit code {code})."
                    ).format(code=code),
                    hint=hint,
                )
            time.sleep(0.2)
    finally:
        engine.close()
    process.terminate()  # it never answered: do not leave a half-started server behind
    raise KnownError(
        translate("Ollama", "Ollama did not start within {seconds} seconds at {host}.").format(
            seconds=round(timeout), host=url
        ),
        hint=hint,
    )


def install_instructions() -> dict[str, str]:
    """How to install Ollama, per platform, in the person's language."""
    download = translate(
        "Ollama", "Download Ollama from {url}, open the installer, then start Ollama."
    ).format(url=DOWNLOAD_URL)
    return {
        "macOS": download,
        "Windows": download,
        "Linux": translate(
            "Ollama", "Install Ollama by running this in a terminal: {command}"
        ).format(command=LINUX_INSTALL_COMMAND),
    }


def current_platform_name() -> str:
    """The key of ``install_instructions()`` for this machine."""
    if sys.platform == "darwin":
        return "macOS"
    return "Windows" if sys.platform == "win32" else "Linux"
