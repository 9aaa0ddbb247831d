"""A fake Ollama server on 127.0.0.1 that speaks Ollama's real wire format.

Real HTTP/1.1 with keep-alive; streaming replies are ``application/x-ndjson`` sent with
``Transfer-Encoding: chunked``, one JSON object per chunk, flushed as written. The quirks
are reproduced on purpose (see /work/shared/PROTOCOLS.md): zero metrics are omitted
(Go ``omitempty``), ``prompt_eval_count`` can be missing or cache-reduced, errors arrive
as ``{"error": ...}`` lines inside a 200 stream, and a pull resumes where the previous
one stopped. Tests drive it through ``ChatScript`` / ``PullScript`` and read what the
client sent from ``requests``.

Standalone: ``python -m tests.fakes.ollama_server --port 11434 [--token-delay 0.02]``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any, Literal

from tests.fakes.ollama_handler import OllamaHandler

METRIC_KEYS = (
    "total_duration",
    "load_duration",
    "prompt_eval_count",
    "prompt_eval_duration",
    "eval_count",
    "eval_duration",
)


def _hex_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def split_tokens(text: str) -> list[str]:
    """Word-sized pieces whose concatenation is exactly ``text``."""
    return re.findall(r"\s+|\S+\s*", text)


@dataclass
class FakeModel:
    name: str
    size: int = 2_019_393_189
    parameter_size: str = "3.2B"
    quantization: str = "Q4_K_M"
    family: str = "llama"
    capabilities: list[str] = field(default_factory=lambda: ["completion", "tools"])
    context_length: int = 131072
    modified_at: str = "2025-09-30T10:12:41.523421+02:00"
    digest: str = ""
    remote_model: str = ""
    """Issue 12: a cloud model (Ollama >= 0.12) names the model it runs on ``remote_host``;
    ``/api/tags``, ``/api/show`` and every chat line then carry both (Go omitempty)."""
    remote_host: str = ""
    parameters: str = 'stop                           "<|eot_id|>"'
    """``/api/show`` ``parameters``: the Modelfile's PARAMETER lines (``num_ctx  8192``)."""

    def __post_init__(self) -> None:
        if not self.digest:
            self.digest = _hex_digest(self.name)

    def details(self) -> dict[str, Any]:
        return {
            "parent_model": "",
            "format": "gguf",
            "family": self.family,
            "families": [self.family],
            "parameter_size": self.parameter_size,
            "quantization_level": self.quantization,
        }


def default_models() -> list[FakeModel]:
    return [
        FakeModel("llama3.2:latest"),
        FakeModel(
            "gemma3:4b",
            size=3_338_801_804,
            parameter_size="4.3B",
            family="gemma3",
            capabilities=["completion", "vision"],
        ),
    ]


def thinking_models() -> list[FakeModel]:
    """Local reasoning models as /api/show describes them: qwen3 (Think on/off) and
    gpt-oss (Think levels). Their chat replies carry ``ChatScript.thinking`` unless the
    request says ``"think": false`` (gpt-oss ignores that)."""
    return [
        FakeModel(
            "qwen3:8b",
            size=5_225_388_164,
            parameter_size="8.2B",
            family="qwen3",
            capabilities=["completion", "tools", "thinking"],
            context_length=40960,
        ),
        FakeModel(
            "gpt-oss:20b",
            size=13_780_173_734,
            parameter_size="20.9B",
            quantization="MXFP4",
            family="gptoss",
            capabilities=["completion", "tools", "thinking"],
        ),
    ]


def cloud_models() -> list[FakeModel]:
    """Ollama cloud models as a local Ollama lists them once pulled (``ollama pull
    gpt-oss:120b-cloud``): a manifest of a few hundred bytes, no weights, and
    ``remote_model`` / ``remote_host`` naming where the text really goes (ollama/ollama
    api/types.go ListModelResponse, ShowResponse, ChatResponse; read 2026-12-01)."""
    return [
        FakeModel(
            "gpt-oss:120b-cloud",
            size=384,
            parameter_size="116.8B",
            quantization="MXFP4",
            family="gptoss",
            capabilities=["completion", "tools", "thinking"],
            remote_model="gpt-oss:120b",
            remote_host="https://ollama.com:443",
        ),
        FakeModel(
            "qwen3-vl:235b-cloud",
            size=382,
            parameter_size="235B",
            quantization="",
            family="qwen3vl",
            capabilities=["completion", "vision", "tools", "thinking"],
            remote_model="qwen3-vl:235b",
            remote_host="https://ollama.com:443",
        ),
    ]


@dataclass
class ChatScript:
    tokens: list[str]
    token_delay: float = 0.0
    first_token_delay: float = 0.0
    done_reason: str = "stop"
    metrics: dict[str, int] | None = None
    omit_prompt_eval_count: bool = False
    cache_reduced: bool = False
    error_after: int | None = None
    error_message: str = "model runner has unexpectedly stopped"
    cut_after: int | None = None
    thinking: list[str] = field(default_factory=list)
    http_status: int = 200
    odd_lines: dict[int, dict[str, Any]] = field(default_factory=dict)
    """Token index → the object sent instead of that token's line (a misbehaving server)."""
    split_at: int | None = None
    """Send each line in two TCP segments, cut at this byte (see ``OllamaHandler._line``)."""
    gzip: bool = False
    """Compress the stream, as a proxy in front of Ollama might."""
    headers_with_first_line: bool = False
    """Send the response headers only with the first line, as real Ollama does (Go's
    gin writes them on the first flush): until then a client waits for the headers."""


@dataclass
class PullScript:
    layers: list[tuple[str, int]]
    """(``sha256:<hex>`` digest, total bytes) per layer, in the order Ollama pulls them."""
    chunk_bytes: int = 1_000_000
    delay: float = 0.0
    """Seconds between progress lines."""
    stall_after_bytes: int | None = None
    """Position in the whole download (all layers) where progress stops for a while."""
    stall_seconds: float = 0.0
    stall_then: Literal["continue", "close"] = "continue"
    error_after_bytes: int | None = None
    """Position in the whole download where an ``{"error": ...}`` line ends the pull."""
    error_message: str = "max retries exceeded: unexpected EOF"
    model: FakeModel | None = None
    """Added to ``models`` on success; by default one built from the name and layers."""


@dataclass
class RecordedRequest:
    method: str
    path: str
    body: Any
    disconnected: bool = False
    """The client closed the connection before the reply was fully written."""
    lines_sent: int = 0
    """NDJSON lines written (streaming replies)."""
    finished: bool = False
    """The handler has finished with this request (written, cut, or disconnected)."""
    headers: dict[str, str] = field(default_factory=dict)
    """Request headers, names in lower case."""
    disconnected_at: float | None = None
    """``time.monotonic()`` when the fake saw the client close the connection while it
    was waiting to send the next line (a Stop before the first token)."""


def _omit_zero(values: dict[str, int]) -> dict[str, int]:
    return {key: value for key, value in values.items() if value}


def estimate_prompt_tokens(messages: list[dict[str, Any]]) -> int:
    """About what a llama tokenizer plus chat template gives: ~4 chars a token."""
    total = 1  # BOS
    for message in messages:
        total += 5 + max(1, len(str(message.get("content", ""))) // 4)
        total += 576 * len(message.get("images") or [])
    return total


class FakeOllama:
    version: str = "0.12.6"

    def __init__(self, models: list[FakeModel] | None = None) -> None:
        self.models: list[FakeModel] = default_models() if models is None else list(models)
        self.chat_scripts: list[ChatScript] = []
        self.default_chat = ChatScript(tokens=split_tokens("Hello! How can I help you today?"))
        self.pull_scripts: dict[str, PullScript] = {}
        self.requests: list[RecordedRequest] = []
        self.loaded: list[str] = []
        self.loaded_context: dict[str, int] = {}
        """The context each model was loaded with: the request's num_ctx, else the
        Modelfile's, else 4096 (this fake's "VRAM"), cut to the model's maximum -- what
        /api/ps reports as ``context_length`` (server/sched.go effectiveContext)."""
        self.blob_progress: dict[str, int] = {}
        """Bytes completed per layer digest, kept across pulls (Ollama's -partial blobs)."""
        self.url = ""
        self.lock = threading.RLock()
        self.stopping = threading.Event()
        self._last_prompt_tokens: dict[str, int] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ----------------------------------------------------------------------

    def start(self, port: int = 0) -> str:
        handler = type("BoundOllamaHandler", (OllamaHandler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), name="fake-ollama", daemon=True
        )
        self._thread.start()
        return self.url

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeOllama:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    # --- helpers for tests --------------------------------------------------------------

    def requests_to(self, path: str) -> list[RecordedRequest]:
        with self.lock:
            return [r for r in self.requests if r.path == path]

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.01)
        return predicate()

    def find_model(self, name: str) -> FakeModel | None:
        """Ollama's lookup: ``llama3.2`` means ``llama3.2:latest``."""
        with self.lock:
            for model in self.models:
                if name in (model.name, model.name.removesuffix(":latest")):
                    return model
        return None

    # --- used by the handler ------------------------------------------------------------

    def find_pull_script(self, name: str) -> PullScript | None:
        with self.lock:
            script = self.pull_scripts.get(name)
            if script is None:
                script = self.pull_scripts.get(name.removesuffix(":latest"))
            if script is None and ":" not in name.rsplit("/", 1)[-1]:
                script = self.pull_scripts.get(name + ":latest")
            return script

    def next_chat_script(self) -> ChatScript:
        with self.lock:
            return self.chat_scripts.pop(0) if self.chat_scripts else self.default_chat

    def final_metrics(
        self, model: FakeModel, messages: list[dict[str, Any]], script: ChatScript, tokens: int
    ) -> dict[str, int]:
        prompt_tokens = estimate_prompt_tokens(messages)
        with self.lock:
            previous = self._last_prompt_tokens.get(model.name, 0)
            self._last_prompt_tokens[model.name] = prompt_tokens
            was_loaded = model.name in self.loaded
            if not was_loaded:
                self.loaded.append(model.name)
        if script.metrics is not None:
            metrics = dict(script.metrics)
        else:
            counted = max(prompt_tokens - previous, 0) if script.cache_reduced else prompt_tokens
            per_token = max(script.token_delay, 0.015)
            metrics = {
                "load_duration": 0 if was_loaded else 1_234_567_890,
                "prompt_eval_count": counted,
                "prompt_eval_duration": counted * 400_000,
                "eval_count": tokens,
                "eval_duration": int(tokens * per_token * 1e9),
            }
            metrics["total_duration"] = sum(
                metrics[k] for k in ("load_duration", "prompt_eval_duration", "eval_duration")
            ) + int(script.first_token_delay * 1e9)
        if script.omit_prompt_eval_count:
            metrics.pop("prompt_eval_count", None)
            metrics.pop("prompt_eval_duration", None)
        return _omit_zero(metrics)

    def add_pulled_model(self, name: str, script: PullScript) -> None:
        if ":" not in name.rsplit("/", 1)[-1]:
            name += ":latest"
        model = script.model or FakeModel(name, size=sum(total for _d, total in script.layers))
        with self.lock:
            if self.find_model(model.name) is None:
                self.models.append(model)


MARKDOWN_REPLY = """\
## Reading a CSV file in Python

Here is a short way to load a CSV file and summarise it:

1. Open the file with the `csv` module.
2. Read each row as a dictionary.
3. Add up the column you care about.

| Approach | Speed | Extra packages |
|----------|-------|----------------|
| `csv` module | Good | None |
| `pandas.read_csv` | Fast | pandas |
| `polars.read_csv` | Fastest | polars |

```python
import csv
from pathlib import Path


def total_sales(path: Path) -> float:
    with path.open(newline="", encoding="utf-8") as handle:
        return sum(float(row["amount"]) for row in csv.DictReader(handle))


print(total_sales(Path("sales.csv")))
```

**Tip:** for files larger than memory, read them in chunks.
"""


def markdown_tokens(count: int | None = None) -> list[str]:
    tokens = split_tokens(MARKDOWN_REPLY)
    if count is None:
        return tokens
    repeated = tokens * (count // len(tokens) + 1)
    return repeated[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the fake Ollama server standalone.")
    parser.add_argument("--port", type=int, default=11434)
    parser.add_argument("--token-delay", type=float, default=0.0)
    parser.add_argument("--first-token-delay", type=float, default=0.0)
    parser.add_argument("--tokens", type=int, default=None, help="reply length in tokens")
    args = parser.parse_args(argv)
    fake = FakeOllama()
    fake.default_chat = ChatScript(
        tokens=markdown_tokens(args.tokens),
        token_delay=args.token_delay,
        first_token_delay=args.first_token_delay,
    )
    url = fake.start(args.port)
    print(f"fake Ollama listening on {url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
