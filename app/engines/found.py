"""What a look around for local engines found: plain records, no HTTP client.

Kept apart from :mod:`app.engines.discovery` (which imports httpx to probe) so that the
window's model picker and the resolver can hold them without loading the HTTP stack
while the window opens. ``discovery`` re-exports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.engines.addresses import EngineKind, format_ref, normalize_url

KeyLookup = Callable[[str], str | None]
"""engine id → API key (Jan's), or None."""


@dataclass(frozen=True)
class LocalModel:
    name: str
    context_length: int | None = None
    """The context the engine runs this model with, when it says (loaded models)."""
    max_context_length: int | None = None
    """The most the model supports, when the engine says."""
    loaded: bool | None = None
    vision: bool | None = None
    size_bytes: int | None = None
    remote: bool = False
    """Ollama's cloud models (``remote_host``): listed by a local server, answered by a
    cloud. Discovery lists them but they are not local."""
    remote_host: str = ""
    parameter_size: str = ""
    """Ollama's ``details.parameter_size`` (e.g. "7.6B"), shown beside the name."""
    quantization: str = ""
    """Ollama's ``details.quantization_level`` (e.g. "Q4_K_M")."""


@dataclass(frozen=True)
class FoundEngine:
    kind: EngineKind
    base_url: str
    """The server's root, e.g. ``http://127.0.0.1:1234``."""
    models: tuple[LocalModel, ...] = ()
    version: str = ""
    problem: str = ""
    """Reachable but not usable as is (Jan without its key), in the person's words."""
    running_context: int | None = None
    """The context the server runs every model with (llama.cpp ``n_ctx``), if one."""

    @property
    def engine_id(self) -> str:
        return self.kind.id

    @property
    def name(self) -> str:
        return self.kind.name

    @property
    def api_url(self) -> str:
        """Where an OpenAI-compatible client points (``…/v1``); Ollama's host for Ollama."""
        return self.base_url + self.kind.api_path

    def ref(self, model: str) -> str:
        return format_ref(self.kind.id, self.base_url, model)

    def find(self, model: str) -> LocalModel | None:
        return next((m for m in self.models if m.name == model), None)


@dataclass
class Discovery:
    """The result of one look around: the engines found, in the order of the candidates."""

    engines: list[FoundEngine] = field(default_factory=list)

    def all_models(self) -> list[tuple[FoundEngine, LocalModel]]:
        return [(engine, model) for engine in self.engines for model in engine.models]

    def engine_at(self, engine_id: str, base_url: str) -> FoundEngine | None:
        url = normalize_url(base_url)
        return next(
            (e for e in self.engines if e.engine_id == engine_id and e.base_url == url), None
        )
