"""The interface every chat engine implements.

The chat view and the chat service only know these types, so a new engine (a cloud
provider, an OpenAI-compatible local server) plugs in without touching either.
Engines are synchronous iterators run on a background thread; cancellation is a
``threading.Event`` checked between chunks.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class ChatMessage:
    role: Role
    content: str
    images: tuple[bytes, ...] = ()
    """Raw image bytes (PNG/JPEG); engines encode them as their wire format wants."""


@dataclass(frozen=True)
class ChatRequest:
    model: str
    messages: tuple[ChatMessage, ...]
    max_output_tokens: int | None = None
    options: Mapping[str, int | float | str | bool] | None = None
    """Engine options for this request, e.g. ``{"num_ctx": 16384}`` for Ollama (the
    context the person chose for this conversation). None: the engine's defaults (for
    Ollama, Hearth's machine default, see ``OllamaEngine.default_options``). Engines
    ignore options they do not know."""
    think: bool | str | None = None
    """Issue 16: think before answering -- True/False, or a level ("low", "medium",
    "high") for models that take one; None sends nothing (the model's default). Each
    engine puts it in its provider's own field (app/chat/thinking.py)."""


@dataclass(frozen=True)
class TextDelta:
    text: str


@dataclass(frozen=True)
class ThinkingDelta:
    text: str


@dataclass(frozen=True)
class ReplyUsage:
    """What the engine reported about one reply. ``None`` means "not reported".

    Ollama omits zero metrics and, depending on its version, reports only re-evaluated
    prompt tokens when its cache hits; cloud providers report billed tokens. Keep what was
    reported as reported; the full-context estimate is computed by the chat service.
    """

    input_tokens: int | None = None
    """Prompt tokens evaluated afresh, *excluding* cached and cache-write tokens
    (Ollama ``prompt_eval_count``; Anthropic ``input_tokens``; OpenAI
    ``prompt_tokens - prompt_tokens_details.cached_tokens``)."""
    cached_input_tokens: int | None = None
    """Prompt tokens served from a cache (Ollama ``prompt_eval_cached_count``, Anthropic
    ``cache_read_input_tokens``, OpenAI ``cached_tokens``)."""
    cache_write_tokens: int | None = None
    """Anthropic ``cache_creation_input_tokens``."""
    output_tokens: int | None = None
    load_duration_ns: int | None = None
    prompt_eval_duration_ns: int | None = None
    eval_duration_ns: int | None = None
    total_duration_ns: int | None = None
    done_reason: str | None = None
    estimated: bool = False
    """True when the provider reported no usage and the numbers are Hearth's estimate."""
    remote_host: str | None = None
    """Issue 12: set when a local server proxied the reply to another machine (an Ollama
    cloud model's chat lines carry ``remote_host``): then the reply is cloud use."""


@dataclass(frozen=True)
class ReplyFinished:
    usage: ReplyUsage


StreamEvent = TextDelta | ThinkingDelta | ReplyFinished


class ErrorKind(enum.Enum):
    UNREACHABLE = "unreachable"  # nothing listening, DNS, connection refused
    TIMEOUT = "timeout"
    AUTH = "auth"  # 401: bad or missing key
    PERMISSION = "permission"  # 403
    NOT_FOUND = "not_found"  # 404: unknown model
    RATE_LIMIT = "rate_limit"  # 429
    SERVER = "server"  # 5xx, overloaded
    STREAM_CUT = "stream_cut"  # the connection ended before the reply did
    BAD_REQUEST = "bad_request"  # 400 and other refusals
    MODEL = "model"  # the model itself failed (an {"error": ...} line mid-stream)
    BLOCKED = "blocked"  # refused by Hearth (local-only mode)


class EngineError(Exception):
    """A failure talking to an engine, with the server's own words where it gave any."""

    def __init__(
        self,
        kind: ErrorKind,
        detail: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        successor: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.status = status
        self.retry_after = retry_after
        self.successor = successor
        """The model id that replaces a retired one, when the provider retired it."""


@dataclass(frozen=True)
class ModelInfo:
    name: str
    size_bytes: int | None = None
    parameter_size: str = ""
    quantization: str = ""
    family: str = ""
    modified_at: str = ""
    # Issue 12: Ollama (>= 0.12) lists cloud models beside local ones; their /api/tags
    # entries carry these, and Ollama sends what they are given to remote_host.
    remote_model: str = ""
    remote_host: str = ""

    @property
    def is_remote(self) -> bool:
        """True when chatting with this model leaves the machine (an Ollama cloud model)."""
        return bool(self.remote_host or self.remote_model)


@dataclass(frozen=True)
class ModelDetails:
    name: str
    capabilities: frozenset[str] = field(default_factory=frozenset)
    context_length: int | None = None
    remote_host: str = ""
    """Issue 12: where Ollama runs this model when it is a cloud model (/api/show)."""
    num_ctx: int | None = None
    """Issue 15: the context the model itself asks for (an Ollama Modelfile's ``PARAMETER
    num_ctx``), which Ollama prefers to its own default."""
    architecture: tuple[int, int, int] | None = None
    """(layers, KV heads, head dim) for the KV-cache cost (app/engines/context.py)."""

    @property
    def vision(self) -> bool:
        return "vision" in self.capabilities


class ChatEngine(Protocol):
    @property
    def engine_id(self) -> str:
        """Stable id stored with each reply: ``ollama``, ``anthropic``, ``openai``, …"""
        ...

    @property
    def is_local(self) -> bool:
        """True when replies cost no API money (Ollama, LM Studio, llama.cpp, …)."""
        ...

    def list_models(self) -> list[ModelInfo]: ...

    def model_details(self, model: str) -> ModelDetails: ...

    def stream_chat(self, request: ChatRequest, cancel: threading.Event) -> Iterator[StreamEvent]:
        """Yield deltas, then exactly one ``ReplyFinished``; raise ``EngineError``.

        When ``cancel`` is set the engine stops reading and returns without
        ``ReplyFinished`` (the caller records the reply as stopped).
        """
        ...
