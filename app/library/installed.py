"""Models already in Ollama: what is installed (``/api/tags``), what is loaded and how
much VRAM it holds (``/api/ps``), details (``/api/show``), and delete (``/api/delete``).

Blocking calls with short timeouts: run them on a worker thread in the GUI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports

# httpx and the ollama client are imported when the library first asks Ollama something:
# this module is loaded while the window opens (see app/engines/hosts.py).


@dataclass(frozen=True)
class InstalledModel:
    name: str
    size_bytes: int
    modified_at: datetime | None
    parameter_size: str = ""
    quantization: str = ""
    family: str = ""
    loaded: bool = False
    vram_bytes: int | None = None
    """Memory the loaded model holds on the GPU (``size_vram``)."""
    loaded_bytes: int | None = None
    """All memory the loaded model holds (``size``): VRAM plus what spilled to RAM."""


@dataclass(frozen=True)
class ModelCard:
    name: str
    capabilities: tuple[str, ...]
    context_length: int | None
    parameter_size: str
    quantization: str
    family: str
    parameters: str
    license_head: str


class LibraryClient:
    def __init__(self, host: str, *, timeout: float = 15.0) -> None:
        with serial_imports:
            import httpx

        with serial_imports:
            from app.engines.ollama import client_for

        self.host = host
        self._client = client_for(host, httpx.Timeout(timeout, connect=3.0))

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]

    def installed(self) -> list[InstalledModel]:
        try:
            tags = self._client.list()
            running = self._client.ps()
        except Exception as exc:
            raise self._error(exc) from exc
        loaded = {entry.model: entry for entry in running.models if entry.model}
        models = []
        for entry in tags.models:
            name = entry.model or ""
            details = entry.details
            live = loaded.get(name)
            models.append(
                InstalledModel(
                    name=name,
                    size_bytes=int(entry.size or 0),
                    modified_at=entry.modified_at,
                    parameter_size=(details.parameter_size or "") if details else "",
                    quantization=(details.quantization_level or "") if details else "",
                    family=(details.family or "") if details else "",
                    loaded=live is not None,
                    vram_bytes=int(live.size_vram) if live and live.size_vram is not None else None,
                    loaded_bytes=int(live.size) if live and live.size is not None else None,
                )
            )
        return sorted(models, key=lambda m: m.name)

    def details(self, name: str) -> ModelCard:
        try:
            shown = self._client.show(name)
        except Exception as exc:
            raise self._error(exc, name) from exc
        info: dict[str, Any] = dict(shown.modelinfo or {})
        arch = info.get("general.architecture")
        context = info.get(f"{arch}.context_length") if arch else None
        details = shown.details
        return ModelCard(
            name=name,
            capabilities=tuple(shown.capabilities or ()),
            context_length=int(context) if isinstance(context, int | float) else None,
            parameter_size=(details.parameter_size or "") if details else "",
            quantization=(details.quantization_level or "") if details else "",
            family=(details.family or "") if details else "",
            parameters=shown.parameters or "",
            license_head=(shown.license or "").strip().splitlines()[0] if shown.license else "",
        )

    def delete(self, name: str) -> None:
        try:
            self._client.delete(name)
        except Exception as exc:
            raise self._error(exc, name) from exc

    def _error(self, exc: Exception, name: str = "") -> Exception:
        with serial_imports:
            import httpx
        with serial_imports:
            import ollama

        if isinstance(exc, ConnectionError | httpx.ConnectError | httpx.TimeoutException):
            return KnownError(
                translate("Library", "Ollama is not running at {host}.").format(host=self.host),
                hint=translate("Library", "Start Ollama, then try again."),
            )
        if isinstance(exc, ollama.ResponseError):
            return KnownError(
                translate("Library", "Ollama refused ({name}): {reason}").format(
                    name=name or self.host, reason=exc.error
                )
            )
        return exc
