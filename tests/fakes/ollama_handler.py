"""The HTTP side of the fake Ollama server: routing and Ollama's exact responses.

Streaming replies are built as a *plan*: an iterator of ``(delay, line)`` pairs where a
``None`` line means "drop the connection here". One writer sends a plan as chunked
NDJSON, so chat and pull share the same byte-level behaviour.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import re
import select
import socket
import time
import zlib
from collections.abc import Callable, Generator, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.fakes.ollama_server import ChatScript, FakeModel, FakeOllama, PullScript

Plan = Iterator[tuple[float, dict[str, Any] | bytes | None]]
"""(delay before it, the line: an object, or one already encoded; None cuts the stream)."""

# One encoder for every line: json.dumps(separators=...) builds a new one per call, and at
# 5,000 lines the fake's own CPU time would crowd the client's on a small machine, which
# a real (Go) Ollama's serving does not.
_COMPACT = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
_GO_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
_TEXT_LINE = (
    b'{"model":%s,"created_at":"%s","message":{"role":"assistant","content":%s},"done":false}'
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def go_json(payload: Any) -> bytes:
    """JSON as Go's json.Marshal writes it: compact, non-ASCII as raw UTF-8 (so Chinese
    arrives as multi-byte characters, not \\u escapes), "<", ">", "&" escaped for HTML,
    and what is not valid UTF-8 replaced by U+FFFD."""
    text = _COMPACT.encode(payload)
    for raw, escaped in _GO_ESCAPES:
        if raw in text:
            text = text.replace(raw, escaped)
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)
    return text.encode()


def now_text() -> str:
    """Go's RFC 3339 timestamp as Ollama writes it."""
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def _msg(content: str, thinking: str = "") -> dict[str, str]:
    message = {"role": "assistant", "content": content}
    if thinking:  # Go omitempty
        message["thinking"] = thinking
    return message


_THINK_LEVELS = ("high", "medium", "low", "max")


def _think_refusal(name: str, model: FakeModel, think: Any) -> str:
    """Ollama's 400 for a ``think`` it will not take (server/routes.go ChatHandler and
    api/types.go ThinkValue.UnmarshalJSON, ollama/ollama fb30760, read 2026-12-01)."""
    if think is None or isinstance(think, bool):
        valid = True
    else:
        valid = isinstance(think, str) and think in _THINK_LEVELS
    if not valid:
        return (
            f"invalid think value: {json.dumps(think)} "
            '(must be "high", "medium", "low", "max", true, or false)'
        )
    if think and "thinking" not in model.capabilities:
        return f"{json.dumps(name)} does not support thinking"
    return ""


def _thinks(model: FakeModel, think: Any) -> bool:
    """Whether the reply carries ``message.thinking``: only a thinking model's, and then
    unless ``think`` is false -- left out, it defaults to true -- except gpt-oss, which
    ignores a bool and always thinks (docs/capabilities/thinking.mdx)."""
    if "thinking" not in model.capabilities:
        return False
    if model.name.startswith("gpt-oss"):
        return True
    return think is None or bool(think)


def _remote(model: FakeModel) -> dict[str, str]:
    """A cloud model's ``remote_model`` / ``remote_host``, omitted when empty (Go omitempty)."""
    fields = {"remote_model": model.remote_model, "remote_host": model.remote_host}
    return {key: value for key, value in fields.items() if value}


class OllamaHandler(BaseHTTPRequestHandler):
    fake: FakeOllama
    protocol_version = "HTTP/1.1"
    server_version = "ollama-fake"
    # Go's net/http sets TCP_NODELAY on every connection, so each flushed line leaves at
    # once; with Nagle on, small writes would wait for the client's delayed ACKs.
    disable_nagle_algorithm = True
    _zip: zlib._Compress | None = None  # the stream's compressor, when one is asked for

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read ``fake.requests`` instead."""

    # --- plumbing -----------------------------------------------------------------------

    def _begin(self) -> dict[str, Any]:
        from tests.fakes.ollama_server import RecordedRequest

        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw
        self.record = RecordedRequest(
            self.command,
            self.path.split("?", 1)[0],
            body,
            headers={name.lower(): value for name, value in self.headers.items()},
        )
        with self.fake.lock:
            self.fake.requests.append(self.record)
        return body if isinstance(body, dict) else {}

    def _send_bytes(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.record.finished = True

    def _send_json(self, status: int, payload: Any) -> None:
        data = b"" if payload is None else go_json(payload)
        self._send_bytes(status, data, "application/json; charset=utf-8")

    def _send_error(self, status: int, message: str) -> None:
        self._send_json(status, {"error": message})

    def _line(self, payload: dict[str, Any] | bytes, split_at: int | None = None) -> bool:
        """Write one NDJSON line as one chunk; False once the client has gone. With
        ``split_at``, the chunk leaves in two TCP segments, cut at that byte of the line
        (negative: from its end), as a network may deliver it: the client reads part of
        a line first."""
        data = (payload if isinstance(payload, bytes) else go_json(payload)) + b"\n"
        if self._zip is not None:
            data = self._zip.compress(data) + self._zip.flush(zlib.Z_SYNC_FLUSH)
        framed = b"%x\r\n%s\r\n" % (len(data), data)
        try:
            cut = split_at + len(data) if split_at is not None and split_at < 0 else split_at
            if cut is not None and 0 < cut < len(data):
                head = framed.index(b"\r\n") + 2 + cut
                self.wfile.write(framed[:head])
                self.wfile.flush()
                time.sleep(0.005)
                framed = framed[head:]
            self.wfile.write(framed)
            self.wfile.flush()
        except OSError:
            self.record.disconnected = True
            self.record.finished = True
            self.close_connection = True
            return False
        self.record.lines_sent += 1
        return True

    def _cut(self) -> None:
        """Drop the connection mid-body: no terminating chunk, like a crashed server."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)
        self.record.finished = True

    def _wait_watching(self, delay: float) -> str:
        """Wait ``delay`` seconds like a server computing, but notice a client that
        hangs up meanwhile (as Go's http server does through the request context):
        "ok", "stopping" (the fake shuts down) or "gone"."""
        deadline = time.monotonic() + delay
        while (left := deadline - time.monotonic()) > 0:
            if self.fake.stopping.is_set():
                return "stopping"
            readable, _, _ = select.select([self.connection], [], [], min(left, 0.01))
            if readable:
                try:
                    data = self.connection.recv(1, socket.MSG_PEEK)
                except OSError:
                    data = b""
                if not data:
                    self.record.disconnected = True
                    self.record.disconnected_at = time.monotonic()
                    self.record.finished = True
                    self.close_connection = True
                    return "gone"
                time.sleep(0.01)  # a pipelined request: not a hang-up
        return "ok"

    def _stream(
        self,
        plan: Plan,
        split_at: int | None = None,
        gzip: bool = False,
        headers_late: bool = False,
    ) -> None:
        def headers() -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/x-ndjson")
            self.send_header("Transfer-Encoding", "chunked")
            # Ollama never compresses; a proxy in front of it may (gzip, flushed per line).
            self._zip = zlib.compressobj(wbits=31) if gzip else None
            if gzip:
                self.send_header("Content-Encoding", "gzip")
            self.end_headers()

        if not headers_late:
            headers()
        for delay, line in plan:
            waited = self._wait_watching(delay) if delay > 0 else "ok"
            if waited == "gone":
                return
            if headers_late:
                headers()
                headers_late = False
            if waited == "stopping" or line is None:
                self._cut()
                return
            if not self._line(line, split_at):
                return
        try:
            if self._zip is not None:
                rest = self._zip.flush()
                self.wfile.write(b"%x\r\n%s\r\n" % (len(rest), rest))
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except OSError:
            self.record.disconnected = True
            self.close_connection = True
        self.record.finished = True

    # --- routing ------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._begin()
        routes: dict[str, Callable[[], None]] = {
            "/": lambda: self._send_bytes(200, b"Ollama is running", "text/plain; charset=utf-8"),
            "/api/version": lambda: self._send_json(200, {"version": self.fake.version}),
            "/api/tags": self._tags,
            "/api/ps": self._ps,
        }
        routes.get(self.record.path, self._not_found)()

    def do_HEAD(self) -> None:
        self._begin()
        self._send_bytes(200, b"", "text/plain; charset=utf-8")

    def do_POST(self) -> None:
        body = self._begin()
        routes: dict[str, Callable[[dict[str, Any]], None]] = {
            "/api/chat": self._chat,
            "/api/show": self._show,
            "/api/pull": self._pull,
        }
        handler = routes.get(self.record.path)
        if handler is None:
            self._not_found()
        else:
            handler(body)

    def do_DELETE(self) -> None:
        body = self._begin()
        if self.record.path != "/api/delete":
            self._not_found()
            return
        name = str(body.get("model") or body.get("name") or "")
        model = self.fake.find_model(name)
        if model is None:
            self._send_error(404, f"model '{name}' not found")
            return
        with self.fake.lock:
            self.fake.models.remove(model)
            if model.name in self.fake.loaded:
                self.fake.loaded.remove(model.name)
        self._send_json(200, None)

    def _not_found(self) -> None:
        self._send_bytes(404, b"404 page not found", "text/plain")

    # --- models -------------------------------------------------------------------------

    def _tags(self) -> None:
        with self.fake.lock:
            models = list(self.fake.models)
        entries = [
            {
                "name": m.name,
                "model": m.name,
                **_remote(m),
                "modified_at": m.modified_at,
                "size": m.size,
                "digest": m.digest,
                "details": m.details(),
            }
            for m in models
        ]
        self._send_json(200, {"models": entries})

    def _ps(self) -> None:
        expires = (datetime.now(UTC) + timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
        with self.fake.lock:
            loaded = [m for name in self.fake.loaded if (m := self.fake.find_model(name))]
        entries = [
            {
                "name": m.name,
                "model": m.name,
                "size": m.size + 400_000_000,
                "digest": m.digest,
                "details": m.details(),
                "expires_at": expires,
                "size_vram": m.size + 400_000_000,
                "context_length": self.fake.loaded_context.get(m.name, 4096),
            }
            for m in loaded
        ]
        self._send_json(200, {"models": entries})

    def _show(self, body: dict[str, Any]) -> None:
        name = str(body.get("model") or body.get("name") or "")
        model = self.fake.find_model(name)
        if model is None:
            self._send_error(404, f"model '{name}' not found")
            return
        arch = model.family
        info = {
            "general.architecture": arch,
            "general.parameter_count": 3_212_749_888,
            "general.quantization_version": 2,
            f"{arch}.context_length": model.context_length,
            f"{arch}.embedding_length": 3072,
        }
        self._send_json(
            200,
            {
                "license": "LICENSE AGREEMENT",
                "modelfile": f'# Modelfile generated by "ollama show"\nFROM {model.name}\n',
                "parameters": model.parameters,
                "template": "{{ .Prompt }}",
                "details": model.details(),
                **_remote(model),
                "model_info": info,
                "capabilities": list(model.capabilities),
                "modified_at": model.modified_at,
            },
        )

    # --- chat ---------------------------------------------------------------------------

    def _chat(self, body: dict[str, Any]) -> None:
        name = str(body.get("model") or "")
        model = self.fake.find_model(name)
        if model is None:
            self._send_error(404, f'model "{name}" not found, try pulling it first')
            return
        messages = [m for m in body.get("messages") or [] if isinstance(m, dict)]
        images = [str(image) for m in messages for image in m.get("images") or []]
        try:
            for image in images:
                base64.b64decode(image, validate=True)
        except (binascii.Error, ValueError):
            self._send_error(400, "illegal base64 data at input byte 0")
            return
        think = body.get("think")
        refusal = _think_refusal(name, model, think)
        if refusal:
            self._send_error(400, refusal)
            return
        options = body.get("options") or {}
        own = re.search(r"^num_ctx\s+(\d+)", model.parameters, re.MULTILINE)
        asked = int(options.get("num_ctx") or (own.group(1) if own else 4096))
        with self.fake.lock:
            self.fake.loaded_context[model.name] = min(asked, model.context_length)
        script = self.fake.next_chat_script()
        tokens, done_reason = list(script.tokens), script.done_reason
        thinking = list(script.thinking) if _thinks(model, think) else []
        num_predict = int((body.get("options") or {}).get("num_predict") or 0)
        if 0 < num_predict < len(tokens):
            tokens, done_reason = tokens[:num_predict], "length"
        if script.http_status != 200:
            self._send_error(script.http_status, script.error_message)
        elif not messages:  # Ollama's "just load the model" call
            self.fake.final_metrics(model, [], script, 0)
            reply = {"model": model.name, "created_at": now_text(), "message": _msg("")}
            self._send_json(200, {**reply, "done_reason": "load", "done": True})
        elif body.get("stream", True):
            self._stream(
                self._chat_plan(model, messages, script, tokens, done_reason, thinking),
                script.split_at,
                script.gzip,
                script.headers_with_first_line,
            )
        else:
            self._chat_whole(model, messages, script, tokens, done_reason, thinking)

    def _chat_plan(
        self,
        model: FakeModel,
        messages: list[dict[str, Any]],
        script: ChatScript,
        tokens: list[str],
        done_reason: str,
        thinking: list[str],
    ) -> Plan:
        delay = script.first_token_delay
        for piece in thinking:  # each a line of its own, content "" (as Ollama sends)
            yield delay, self._chunk(model, _msg("", piece))
            delay = script.token_delay
        for index, piece in enumerate(tokens):
            if index == script.error_after:
                yield 0, {"error": script.error_message}
                return
            if index == script.cut_after:
                yield 0, None
                return
            if index in script.odd_lines:
                yield delay, script.odd_lines[index]
                delay = script.token_delay
                continue
            yield delay, self._text_line(model, piece)
            delay = script.token_delay
        if script.error_after is not None:
            yield 0, {"error": script.error_message}
            return
        if script.cut_after is not None:
            yield 0, None
            return
        count = len(tokens) + len(thinking)  # eval_count includes the thinking
        metrics = self.fake.final_metrics(model, messages, script, count)
        final = {**self._chunk(model, _msg("")), "done": True, "done_reason": done_reason}
        yield 0, {**final, **metrics}

    @staticmethod
    def _text_line(model: FakeModel, piece: str) -> bytes:
        if model.remote_host:
            return go_json(OllamaHandler._chunk(model, _msg(piece)))
        """``go_json(_chunk(model, _msg(piece)))``, built without a dict and a full encode
        per token: at thousands of lines a second the fake's own CPU time would crowd the
        client under test on a small machine, which a real (Go) Ollama's does not."""
        return _TEXT_LINE % (go_json(model.name), now_text().encode(), go_json(piece))

    @staticmethod
    def _chunk(model: FakeModel, message: dict[str, str]) -> dict[str, Any]:
        return {
            "model": model.name,
            **_remote(model),
            "created_at": now_text(),
            "message": message,
            "done": False,
        }

    def _chat_whole(
        self,
        model: FakeModel,
        messages: list[dict[str, Any]],
        script: ChatScript,
        tokens: list[str],
        done_reason: str,
        thinking: list[str],
    ) -> None:
        wait = script.first_token_delay + script.token_delay * len(tokens)
        if wait > 0 and self.fake.stopping.wait(wait):
            self._cut()
        elif script.error_after is not None or script.cut_after is not None:
            self._send_error(500, script.error_message)
        else:
            count = len(tokens) + len(thinking)
            metrics = self.fake.final_metrics(model, messages, script, count)
            message = _msg("".join(tokens), "".join(thinking))
            reply = {
                "model": model.name,
                **_remote(model),
                "created_at": now_text(),
                "message": message,
            }
            self._send_json(200, {**reply, "done": True, "done_reason": done_reason, **metrics})

    # --- pull ---------------------------------------------------------------------------

    def _pull(self, body: dict[str, Any]) -> None:
        name = str(body.get("model") or body.get("name") or "")
        script = self.fake.find_pull_script(name)
        if body.get("stream", True):
            self._stream(self._pull_plan(name, script))
        elif script is None:
            self._send_error(500, "pull model manifest: file does not exist")
        else:
            with self.fake.lock:
                for digest, total in script.layers:
                    self.fake.blob_progress[digest] = total
            self.fake.add_pulled_model(name, script)
            self._send_json(200, {"status": "success"})

    def _pull_plan(self, name: str, script: PullScript | None) -> Plan:
        yield 0, {"status": "pulling manifest"}
        if script is None:
            yield 0, {"error": "pull model manifest: file does not exist"}
            return
        offset = 0  # positions in the script count across the whole download
        for digest, total in script.layers:
            ended = yield from self._layer_plan(script, digest, total, offset)
            if ended:
                return
            offset += total
        yield 0, {"status": "verifying sha256 digest"}
        yield 0, {"status": "writing manifest"}
        yield 0, {"status": "success"}
        self.fake.add_pulled_model(name, script)

    def _layer_plan(
        self, script: PullScript, digest: str, total: int, offset: int
    ) -> Generator[tuple[float, dict[str, Any] | None], None, bool]:
        """One layer's progress lines; returns True when the pull ended inside it."""
        progress: dict[str, Any] = {
            "status": f"pulling {digest.removeprefix('sha256:')[:12]}",
            "digest": digest,
            "total": total,
        }
        with self.fake.lock:
            done = min(self.fake.blob_progress.get(digest, 0), total)
        yield 0, ({**progress, "completed": done} if done else progress)  # omitempty
        error_at, stall_at = script.error_after_bytes, script.stall_after_bytes
        while done < total:
            before, after = offset + done, offset + min(done + script.chunk_bytes, total)
            # Progress stops exactly at a scripted position, and only when this pull
            # crosses it: a resumed pull starting there goes on.
            for mark in (error_at, stall_at):
                if mark is not None and before < mark <= after:
                    after = mark
            done = after - offset
            with self.fake.lock:
                self.fake.blob_progress[digest] = done
            yield script.delay, {**progress, "completed": done}
            if after == error_at:
                yield 0, {"error": script.error_message}
                return True
            if after == stall_at and script.stall_then == "close":
                yield script.stall_seconds, None
                return True
            if after == stall_at:
                with contextlib.suppress(OSError):
                    self.wfile.flush()
                if self.fake.stopping.wait(script.stall_seconds):
                    yield 0, None
                    return True
        return False
