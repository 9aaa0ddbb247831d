"""A fake Anthropic Messages API over real local HTTP, for the real ``anthropic`` SDK.

Speaks the SSE format exactly: named events (``message_start`` with ``usage`` incl. the
cache fields, ``content_block_start``, ``ping``, ``content_block_delta`` text/thinking
deltas, ``content_block_stop``, ``message_delta`` with cumulative ``output_tokens``,
``message_stop``), ``event: error`` mid-stream, and Anthropic's JSON error bodies
(``{"type": "error", "error": {"type", "message"}, "request_id"}``).
"""

from __future__ import annotations

import json
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.sse_server import ErrorReply, FakeServer, RecordedRequest, _Handler


def anthropic_error(status: int, type_: str, message: str) -> ErrorReply:
    return ErrorReply(
        status,
        {
            "type": "error",
            "error": {"type": type_, "message": message},
            "request_id": "req_011CFakeRequestId",
        },
        {"request-id": "req_011CFakeRequestId"},
    )


ERRORS = {
    "unauthorized": lambda: anthropic_error(401, "authentication_error", "invalid x-api-key"),
    "forbidden": lambda: anthropic_error(
        403,
        "permission_error",
        "Your API key does not have permission to use the specified resource.",
    ),
    "not_found": lambda model="claude-9": anthropic_error(
        404, "not_found_error", f"model: {model}"
    ),
    "server": lambda: anthropic_error(500, "api_error", "Internal server error"),
    "overloaded": lambda: anthropic_error(529, "overloaded_error", "Overloaded"),
}


def rate_limited(retry_after: int = 20) -> ErrorReply:
    error = anthropic_error(
        429,
        "rate_limit_error",
        "This request would exceed the rate limit for your organization of 50 requests per "
        "minute. Please reduce the prompt length or the maximum tokens requested, or try "
        "again later.",
    )
    error.headers["retry-after"] = str(retry_after)
    return error


@dataclass
class Reply:
    tokens: list[str] = field(default_factory=lambda: ["Hello", " world"])
    thinking: list[str] = field(default_factory=list)
    delay: float = 0.0
    first_delay: float = 0.0
    error: ErrorReply | None = None
    stream_error: tuple[str, str] | None = None
    """(error type, message) sent as ``event: error`` after the tokens."""
    cut_after: int | None = None
    input_tokens: int = 25
    cache_read_input_tokens: int = 0
    cache_creation_input_tokens: int = 0
    output_tokens: int | None = None
    stop_reason: str = "end_turn"


SIGNATURE = "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"
"""An opaque signature like the API's (it verifies the thinking when sent back)."""

MODELS = [
    ("claude-sonnet-4-5-20250929", "Claude Sonnet 4.5"),
    ("claude-haiku-4-5-20251001", "Claude Haiku 4.5"),
]


def _sampling_refusal(body: dict[str, Any]) -> str | None:
    """What the real API says to sampling fields it refuses: temperature outside 0–1,
    a seed (no such field), and -- Claude models since Opus 4.1 -- temperature and top_p
    together (the message seen in client trackers, e.g. open-webui/pipelines#546)."""
    temperature = body.get("temperature")
    if isinstance(temperature, int | float) and not 0 <= temperature <= 1:
        return "temperature: range: 0 <= temperature <= 1"
    if "seed" in body:
        return "seed: Extra inputs are not permitted"
    if "temperature" in body and "top_p" in body:
        return (
            "`temperature` and `top_p` cannot both be specified for this model. "
            "Please use only one."
        )
    return None


class FakeAnthropic(FakeServer):
    def __init__(self, *, api_key: str | None = None) -> None:
        super().__init__()
        self.api_key = api_key
        self.models = list(MODELS)
        self._script: deque[Reply] = deque()
        self.default = Reply()

    @property
    def base_url(self) -> str:
        return self.root_url  # the SDK appends /v1/messages itself

    def push(self, *replies: Reply) -> None:
        self._script.extend(replies)

    def message_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.startswith("/v1/messages")]

    def handle(self, handler: _Handler, request: RecordedRequest) -> None:
        # The API takes the key as x-api-key; anthropic 2.x sends it as a Bearer token.
        sent = request.headers.get("x-api-key") or request.headers.get(
            "authorization", ""
        ).removeprefix("Bearer ")
        if self.api_key is not None and sent != self.api_key:
            error = ERRORS["unauthorized"]()
            handler.send_json(error.status, error.body, error.headers)
            return
        path = request.path.split("?")[0]
        if request.method == "GET" and path == "/v1/models":
            data = [
                {
                    "type": "model",
                    "id": mid,
                    "display_name": name,
                    "created_at": "2025-09-29T00:00:00Z",
                }
                for mid, name in self.models
            ]
            handler.send_json(
                200,
                {
                    "data": data,
                    "has_more": False,
                    "first_id": data[0]["id"] if data else None,
                    "last_id": data[-1]["id"] if data else None,
                },
            )
        elif request.method == "POST" and path == "/v1/messages":
            reply = self._script.popleft() if self._script else self.default
            self._messages(handler, request.body or {}, reply)
        else:
            error = anthropic_error(404, "not_found_error", "Not found")
            handler.send_json(404, error.body)

    def _messages(self, handler: _Handler, body: dict[str, Any], reply: Reply) -> None:
        if reply.error is not None:
            handler.send_json(reply.error.status, reply.error.body, reply.error.headers)
            return
        refusal = _sampling_refusal(body)
        if refusal is not None:
            handler.send_json(400, anthropic_error(400, "invalid_request_error", refusal).body)
            return

        def event(name: str, data: dict[str, Any]) -> None:
            handler.send_chunk(f"event: {name}\ndata: {json.dumps(data)}\n\n")

        handler.start_stream()
        if reply.first_delay:
            time.sleep(reply.first_delay)
        event(
            "message_start",
            {
                "type": "message_start",
                "message": {
                    "id": "msg_01FakeMessage",
                    "type": "message",
                    "role": "assistant",
                    "model": body.get("model", ""),
                    "content": [],
                    "stop_reason": None,
                    "stop_sequence": None,
                    "usage": {
                        "input_tokens": reply.input_tokens,
                        "cache_creation_input_tokens": reply.cache_creation_input_tokens,
                        "cache_read_input_tokens": reply.cache_read_input_tokens,
                        "output_tokens": 1,
                    },
                },
            },
        )
        index = 0
        # Thinking blocks only when extended thinking is asked for, as the API does; each
        # ends with its signature_delta before content_block_stop.
        thinks = (body.get("thinking") or {}).get("type") in ("enabled", "adaptive")
        thinking = reply.thinking if thinks else []
        if thinking:
            event(
                "content_block_start",
                {
                    "type": "content_block_start",
                    "index": index,
                    "content_block": {"type": "thinking", "thinking": "", "signature": ""},
                },
            )
            for piece in thinking:
                event(
                    "content_block_delta",
                    {
                        "type": "content_block_delta",
                        "index": index,
                        "delta": {"type": "thinking_delta", "thinking": piece},
                    },
                )
            event(
                "content_block_delta",
                {
                    "type": "content_block_delta",
                    "index": index,
                    "delta": {"type": "signature_delta", "signature": SIGNATURE},
                },
            )
            event("content_block_stop", {"type": "content_block_stop", "index": index})
            index += 1
        event(
            "content_block_start",
            {
                "type": "content_block_start",
                "index": index,
                "content_block": {"type": "text", "text": ""},
            },
        )
        event("ping", {"type": "ping"})
        for position, token in enumerate(reply.tokens):
            if reply.cut_after is not None and position >= reply.cut_after:
                handler.cut()
                return
            if position and reply.delay:
                time.sleep(reply.delay)
            event(
                "content_block_delta",
                {
                    "type": "content_block_delta",
                    "index": index,
                    "delta": {"type": "text_delta", "text": token},
                },
            )
        if reply.stream_error is not None:
            kind, message = reply.stream_error
            event("error", {"type": "error", "error": {"type": kind, "message": message}})
            handler.end_stream()
            return
        event("content_block_stop", {"type": "content_block_stop", "index": index})
        # output_tokens counts the thinking: it is billed as output.
        output = (
            reply.output_tokens
            if reply.output_tokens is not None
            else len(reply.tokens) + len(thinking)
        )
        event(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": reply.stop_reason, "stop_sequence": None},
                "usage": {"output_tokens": output},
            },
        )
        event("message_stop", {"type": "message_stop"})
        handler.end_stream()
