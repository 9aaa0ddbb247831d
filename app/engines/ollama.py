"""Chat with a local Ollama server through the official ``ollama`` client.

The stream is read on its own thread and handed over through a queue, so a Stop ends
``stream_chat`` at once even while Ollama is still loading the model and has sent
nothing; the reader closes the HTTP response (ending the generation on the server)
as soon as its next chunk arrives. The reader passes the body on unparsed and the
consumer parses every line that has arrived in one go: per line, the client's own
parsing cost more than reading. Every failure becomes an ``EngineError`` whose kind
says what the person can do about it.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import queue
import threading
import time
from collections.abc import Generator, Iterator, Mapping
from typing import Any, NamedTuple, cast

import httpx
import ollama
import pydantic

from app.core.i18n import translate
from app.engines.abortable import Abort, abortable_transport, tracking
from app.engines.base import (
    ChatRequest,
    EngineError,
    ErrorKind,
    ModelDetails,
    ModelInfo,
    ReplyFinished,
    ReplyUsage,
    StreamEvent,
    TextDelta,
    ThinkingDelta,
)
from app.engines.context import architecture_from_model_info, modelfile_num_ctx
from app.engines.hosts import ollama_host

log = logging.getLogger(__name__)

_POLL_SECONDS = 0.05
"""How often a waiting ``stream_chat`` looks at the cancel event."""
_GATHER_SECONDS = 0.001


def client_for(host: str, timeout: httpx.Timeout, **options: Any) -> ollama.Client:
    """An ``ollama.Client`` for ``host``. For a plain-HTTP host (the usual local Ollama)
    no TLS context is built: loading the CA bundle costs ~30 ms a client, on start-up.
    Redirects are then not followed, so nothing can be sent on to an unchecked HTTPS."""
    if host.startswith("http://"):
        options = {"verify": False, "follow_redirects": False, **options}
    return ollama.Client(host=host, timeout=timeout, **options)


class _ChatChunk(ollama.ChatResponse):
    """``ChatResponse`` plus the newer fields the client library does not know yet."""

    prompt_eval_cached_count: int | None = None
    remote_host: str | None = None  # issue 12: an Ollama cloud model answered


# Issue 12: ollama-python drops ``remote_model`` / ``remote_host``, which mark a cloud
# model (/api/tags, /api/show); these keep them.
class _ListedModel(ollama.ListResponse.Model):
    remote_model: str | None = None
    remote_host: str | None = None


class _Listing(ollama.ListResponse):
    models: list[_ListedModel]


class _Shown(ollama.ShowResponse):
    remote_model: str | None = None
    remote_host: str | None = None


class _Piece(NamedTuple):
    """A line before the last: only its text matters."""

    content: str
    thinking: str


def _parse_line(part: dict[str, Any]) -> _ChatChunk | _Piece:
    """What a streamed line means. Building a pydantic model per token took about a
    quarter of the reader's time, so a plain text line is checked by hand; the last line
    (metrics) and anything unusual still go through ``ChatResponse``."""
    message = part.get("message")
    if not part.get("done") and isinstance(message, dict):
        content = message.get("content", "")
        thinking = message.get("thinking") or ""
        if isinstance(content, str) and isinstance(thinking, str):
            return _Piece(content, thinking)
    return _ChatChunk(**part)


def _parse_lines(data: bytes) -> tuple[list[_ChatChunk | _Piece], BaseException | None]:
    """The complete NDJSON lines in ``data``, and the failure that stops reading if one
    cannot be read (a malformed line, or Ollama's ``{"error": ...}`` line) -- after the
    lines before it, whose text the person should still see."""
    lines = [line for line in data.split(b"\n") if line.strip()]
    try:
        # One C call for the whole batch; a line per call cost more than reading it.
        parts = json.loads(b"[" + b",".join(lines) + b"]")
    except ValueError:
        parts = None
    if not isinstance(parts, list) or len(parts) != len(lines):
        parts = None  # some line is not one JSON value: find it, line by line
    parsed: list[_ChatChunk | _Piece] = []
    for index, line in enumerate(lines):
        try:
            part = parts[index] if parts is not None else json.loads(line)
            if not isinstance(part, dict):
                raise ValueError(f"not a JSON object: {line[:200]!r}")
            if error := part.get("error"):
                return parsed, ollama.ResponseError(str(error))
            parsed.append(_parse_line(part))
        except (ValueError, pydantic.ValidationError) as exc:
            return parsed, exc
    return parsed, None


_STATUS_KINDS = {
    400: ErrorKind.BAD_REQUEST,
    401: ErrorKind.AUTH,
    403: ErrorKind.PERMISSION,
    404: ErrorKind.NOT_FOUND,
    408: ErrorKind.TIMEOUT,
    429: ErrorKind.RATE_LIMIT,
}


class OllamaEngine:
    """A ``ChatEngine`` for Ollama; also answers version and model questions."""

    def __init__(
        self,
        host: str | None = None,
        *,
        client: ollama.Client | None = None,
        read_timeout: float = 600.0,
        default_options: Mapping[str, Any] | None = None,
    ) -> None:
        self.host = ollama_host(host)
        self.default_options: dict[str, Any] = dict(default_options or {})
        self._known: dict[str, ModelDetails] = {}  # /api/show answers, for num_ctx_for
        """Sent with every chat unless the request sets its own (Hearth's ``num_ctx``:
        what Ollama would pick for this machine, see app/engines/context.py)."""
        # Model loading can take minutes before the first byte, so chat reads wait long;
        # questions about models and versions should answer quickly or not at all. Chat
        # connections can be ended from the consumer's thread (app/engines/abortable.py).
        self._chat_client = client or client_for(
            self.host,
            httpx.Timeout(read_timeout, connect=5.0),
            transport=abortable_transport(verify=False)
            if self.host.startswith("http://")
            else abortable_transport(),
        )
        self._quick_client = client or client_for(self.host, httpx.Timeout(15.0, connect=3.0))

    @property
    def engine_id(self) -> str:
        return "ollama"

    @property
    def is_local(self) -> bool:
        return True

    def close(self) -> None:
        self._chat_client.close()  # type: ignore[no-untyped-call]
        self._quick_client.close()  # type: ignore[no-untyped-call]

    # --- questions ----------------------------------------------------------------------

    def version(self) -> str:
        # ollama-python has no call for /api/version; it is one small GET.
        try:
            response = httpx.get(f"{self.host}/api/version", timeout=httpx.Timeout(5.0))
            response.raise_for_status()
            return str(response.json().get("version", ""))
        except httpx.HTTPStatusError as exc:
            raise self._map_error(
                ollama.ResponseError(exc.response.text, exc.response.status_code)
            ) from exc
        except (httpx.HTTPError, ValueError) as exc:
            raise self._map_error(exc) from exc

    def ping(self) -> bool:
        """True when an Ollama server answers at ``host``."""
        try:
            self.version()
        except EngineError:
            return False
        return True

    def list_models(self) -> list[ModelInfo]:
        try:
            listing = self._quick_client._request(_Listing, "GET", "/api/tags")
        except Exception as exc:
            raise self._map_error(exc) from exc
        models = []
        for entry in listing.models:
            details = entry.details
            models.append(
                ModelInfo(
                    name=entry.model or "",
                    size_bytes=int(entry.size) if entry.size is not None else None,
                    parameter_size=(details.parameter_size or "") if details else "",
                    quantization=(details.quantization_level or "") if details else "",
                    family=(details.family or "") if details else "",
                    modified_at=entry.modified_at.isoformat() if entry.modified_at else "",
                    remote_model=entry.remote_model or "",
                    remote_host=entry.remote_host or "",
                )
            )
        return models

    def model_details(self, model: str) -> ModelDetails:
        try:
            shown = self._quick_client._request(_Shown, "POST", "/api/show", json={"model": model})
        except Exception as exc:
            raise self._map_error(exc, model) from exc
        info: dict[str, Any] = dict(shown.modelinfo or {})
        arch = info.get("general.architecture")
        length = info.get(f"{arch}.context_length") if arch else None
        details = ModelDetails(
            name=model,
            capabilities=frozenset(shown.capabilities or ()),
            context_length=int(length) if isinstance(length, int | float) else None,
            remote_host=shown.remote_host
            or ("https://ollama.com:443" if shown.remote_model else ""),
            num_ctx=modelfile_num_ctx(shown.parameters or ""),
            architecture=architecture_from_model_info(info),
        )
        self._known[model] = details
        return details

    def num_ctx_for(self, model: str) -> int | None:
        """Issue 15: the ``num_ctx`` Hearth sends when the conversation chose none: the
        model's own (its Modelfile's), else Hearth's machine default — what Ollama itself
        would use, so the person's model behaves as before, but now Hearth knows it."""
        default = self.default_options.get("num_ctx")
        if default is None:
            return None
        details = self._known.get(model)
        if details is None:
            with contextlib.suppress(EngineError):
                details = self.model_details(model)
        if details is not None and details.num_ctx:
            return details.num_ctx
        return int(default)

    # --- chat ---------------------------------------------------------------------------

    def stream_chat(self, request: ChatRequest, cancel: threading.Event) -> Iterator[StreamEvent]:
        if cancel.is_set():
            return
        received: queue.SimpleQueue[bytes | BaseException | None] = queue.SimpleQueue()
        consumer_gone = threading.Event()
        abort = Abort()
        reader = threading.Thread(
            target=self._read_stream,
            args=(self._chat_body(request), received, cancel, consumer_gone, abort),
            name="ollama-chat",
            daemon=True,
        )
        reader.start()
        unfinished = b""  # the start of a line whose end has not arrived yet
        finished = False
        try:
            while True:
                try:
                    batch = [received.get(timeout=_POLL_SECONDS)]
                except queue.Empty:
                    if cancel.is_set():
                        return
                    continue
                # Let more arrive, then read it all at once. Woken for every line, this
                # thread would take the GIL from the reader once per token (two thread
                # switches each), which cost more than reading the line. A millisecond is
                # nothing to a person and gathers dozens of lines.
                time.sleep(_GATHER_SECONDS)
                with contextlib.suppress(queue.Empty):
                    while True:
                        batch.append(received.get_nowait())
                ended = not isinstance(batch[-1], bytes)  # the reader sends nothing after
                data = unfinished + b"".join(cast(list[bytes], batch[:-1] if ended else batch))
                cut = len(data) if ended else data.rfind(b"\n") + 1  # whole lines only
                data, unfinished = data[:cut], data[cut:]
                lines, failure = _parse_lines(data)
                if failure is None and ended:  # before Ollama's last line, or it would be done
                    failure = cast(BaseException | None, batch[-1]) or _cut_short()
                finished = yield from self._batch_events(lines, failure, request.model)
                if finished or cancel.is_set():
                    return
        finally:
            consumer_gone.set()
            if not finished:
                # Stopped (or failed) before the last line, perhaps before Ollama sent
                # anything at all: end the connection now, so Ollama stops computing.
                abort.now()

    def _batch_events(
        self,
        lines: list[_ChatChunk | _Piece],
        failure: BaseException | None,
        model: str,
    ) -> Generator[StreamEvent, None, bool]:
        """The events of a run of lines, in order, consecutive texts of a kind joined;
        then the failure, if reading stopped on one. True once the last line is read."""
        thinking: list[str] = []
        content: list[str] = []

        def pending() -> Iterator[StreamEvent]:
            if thinking:
                yield ThinkingDelta("".join(thinking))
                thinking.clear()
            if content:
                yield TextDelta("".join(content))
                content.clear()

        for line in lines:
            if isinstance(line, _Piece):
                if line.thinking:
                    if content:  # keep the order if a model goes back to thinking
                        yield from pending()
                    thinking.append(line.thinking)
                if line.content:
                    content.append(line.content)
                continue
            yield from pending()
            yield from self._events(line)
            if line.done:
                return True  # nothing is read after the last line
        yield from pending()
        if failure is not None:
            raise self._map_error(failure, model) from failure
        return False

    def _read_stream(
        self,
        body: dict[str, Any],
        received: queue.SimpleQueue[bytes | BaseException | None],
        cancel: threading.Event,
        consumer_gone: threading.Event,
        abort: Abort,
    ) -> None:
        """Runs on the reader thread: hands on the body as it arrives, unparsed, then None
        when it ends (or the exception that ended it). Parsing is left to the consumer,
        which reads many lines at once; leaving the ``with`` closes the HTTP response,
        which ends the generation on the server."""
        try:
            # The same request the client's chat() sends, through the client's own
            # httpx client (its headers, timeouts and host); its per-line parsing into
            # pydantic models is what we skip, and it would drop prompt_eval_cached_count.
            http = self._chat_client._client
            with tracking(abort), http.stream("POST", "/api/chat", json=body) as response:
                if response.is_error:
                    response.read()
                    raise ollama.ResponseError(response.text, response.status_code)
                # Ollama does not compress its stream; a proxy in front of it might.
                encoded = response.headers.get("content-encoding", "identity") != "identity"
                for data in response.iter_bytes() if encoded else response.iter_raw():
                    received.put(data)
                    if cancel.is_set() or consumer_gone.is_set():
                        return
            received.put(None)
        except Exception as exc:  # noqa: BLE001 - handed to the consumer, which maps it
            received.put(exc)

    def _chat_body(self, request: ChatRequest) -> dict[str, Any]:
        messages = []
        for message in request.messages:
            entry: dict[str, Any] = {"role": message.role, "content": message.content}
            if message.images:
                entry["images"] = [base64.b64encode(image).decode() for image in message.images]
            messages.append(entry)
        body: dict[str, Any] = {"model": request.model, "messages": messages, "stream": True}
        options = {**self.default_options, **(request.options or {})}
        if "num_ctx" not in (request.options or {}) and "num_ctx" in options:
            options["num_ctx"] = self.num_ctx_for(request.model)
        if request.max_output_tokens:
            options["num_predict"] = request.max_output_tokens
        if options:
            body["options"] = options
        if request.think is not None:  # issue 16: a bool, or gpt-oss's level
            body["think"] = request.think
        return body

    @staticmethod
    def _events(chunk: _ChatChunk) -> Iterator[StreamEvent]:
        message = chunk.message
        if message.thinking:
            yield ThinkingDelta(message.thinking)
        if message.content:
            yield TextDelta(message.content)
        if chunk.done:
            yield ReplyFinished(_usage(chunk))

    # --- errors -------------------------------------------------------------------------

    def _map_error(self, exc: BaseException, model: str = "") -> EngineError:
        if isinstance(exc, EngineError):
            return exc
        if isinstance(exc, ollama.ResponseError):
            return self._map_response_error(exc, model)
        if isinstance(exc, ConnectionError | httpx.ConnectError | httpx.ConnectTimeout):
            kind = ErrorKind.UNREACHABLE
            detail = translate(
                "Ollama",
                "Ollama is not running at {host}. Start Ollama, or install it from "
                "https://ollama.com/download.",
            )
        elif isinstance(exc, httpx.TimeoutException):
            kind = ErrorKind.TIMEOUT
            detail = translate("Ollama", "Ollama at {host} did not answer in time.")
        elif isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
            kind = ErrorKind.STREAM_CUT
            detail = translate("Ollama", "The connection to Ollama broke off: {detail}")
        else:
            if not isinstance(exc, ValueError | pydantic.ValidationError | httpx.HTTPError):
                log.error("unexpected failure talking to Ollama", exc_info=exc)
            kind = ErrorKind.SERVER
            detail = translate("Ollama", "Ollama sent a reply Hearth could not read: {detail}")
        return EngineError(kind, detail.format(host=self.host, detail=exc))

    @staticmethod
    def _map_response_error(exc: ollama.ResponseError, model: str) -> EngineError:
        status = exc.status_code
        if status == -1:  # an {"error": ...} line inside a 200 stream: the model failed
            return EngineError(ErrorKind.MODEL, exc.error)
        if status == 404 and model:
            detail = translate(
                "Ollama", "The model {model} is not installed in Ollama ({error})."
            ).format(model=model, error=exc.error)
            return EngineError(ErrorKind.NOT_FOUND, detail, status=status)
        kind = _STATUS_KINDS.get(status)
        if kind is None:
            kind = ErrorKind.SERVER if status >= 500 else ErrorKind.BAD_REQUEST
        return EngineError(kind, exc.error, status=status)


def _cut_short() -> EngineError:
    return EngineError(
        ErrorKind.STREAM_CUT, translate("Ollama", "Ollama ended the reply before it was finished.")
    )


def _usage(chunk: _ChatChunk) -> ReplyUsage:
    """Map Ollama's final metrics; a missing field stays None (Go omits zeros)."""
    cached = chunk.prompt_eval_cached_count
    evaluated = chunk.prompt_eval_count
    if evaluated is not None and cached is not None:
        # Where Ollama reports a cached count, prompt_eval_count includes those tokens.
        evaluated = max(evaluated - cached, 0)
    return ReplyUsage(
        input_tokens=evaluated,
        cached_input_tokens=cached,
        output_tokens=chunk.eval_count,
        load_duration_ns=chunk.load_duration,
        prompt_eval_duration_ns=chunk.prompt_eval_duration,
        eval_duration_ns=chunk.eval_duration,
        total_duration_ns=chunk.total_duration,
        done_reason=chunk.done_reason,
        remote_host=chunk.remote_host or None,
    )
