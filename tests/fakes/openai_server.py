"""A fake OpenAI Chat Completions server over real local HTTP, for the real ``openai`` SDK.

Speaks the wire format exactly: ``data: {chunk}`` events (``chat.completion.chunk``,
``"usage": null`` on every chunk when ``include_usage`` is asked for), a last chunk with
``choices == []`` and the usage, then ``data: [DONE]``. Errors use OpenAI's JSON error
bodies. Script each reply with ``push(Reply(...))``; without a script it answers
"Hello world".
"""

from __future__ import annotations

import json
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.sse_server import ErrorReply, FakeServer, RecordedRequest, _Handler

CREATED = 1_700_000_000


def openai_error(status: int, message: str, type_: str, code: str | None) -> ErrorReply:
    return ErrorReply(
        status, {"error": {"message": message, "type": type_, "param": None, "code": code}}
    )


def masked_in_error(key: str) -> str:
    """How OpenAI echoes a refused key: only the start and the last four characters."""
    return key[:3] + "*" * max(0, len(key) - 7) + key[-4:]


ERRORS = {
    "unauthorized": lambda key="sk-wrong": openai_error(
        401,
        f"Incorrect API key provided: {masked_in_error(key)}. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        "invalid_request_error",
        "invalid_api_key",
    ),
    "forbidden": lambda: openai_error(
        403,
        "Country, region, or territory not supported",
        "request_forbidden",
        "unsupported_country_region_territory",
    ),
    "not_found": lambda model="gpt-9": openai_error(
        404,
        f"The model `{model}` does not exist or you do not have access to it.",
        "invalid_request_error",
        "model_not_found",
    ),
    "server": lambda: openai_error(
        500,
        "The server had an error while processing your request. Sorry about that!",
        "server_error",
        None,
    ),
    "overloaded": lambda: openai_error(
        503, "The engine is currently overloaded, please try again later", "server_error", None
    ),
}


def rate_limited(retry_after: int = 20) -> ErrorReply:
    error = openai_error(
        429,
        "Rate limit reached for gpt-4o-mini in organization org-fake on requests per min "
        f"(RPM): Limit 3, Used 3, Requested 1. Please try again in {retry_after}s.",
        "requests",
        "rate_limit_exceeded",
    )
    error.headers["retry-after"] = str(retry_after)
    return error


@dataclass
class Reply:
    tokens: list[str] = field(default_factory=lambda: ["Hello", " world"])
    reasoning: list[str] = field(default_factory=list)
    """``delta.reasoning_content`` pieces sent first (DeepSeek/Qwen style thinking), each
    with ``"content": null`` as DeepSeek sends them; none when the request turns
    DeepSeek's thinking off (``"thinking": {"type": "disabled"}``)."""
    delay: float = 0.0
    first_delay: float = 0.0
    headers_delay: float = 0.0
    """Seconds before even the response headers (a local server evaluating a long prompt
    before it answers at all)."""
    error: ErrorReply | None = None
    stream_error: dict[str, Any] | None = None
    """An ``{"error": {...}}`` data event sent after the tokens instead of finishing."""
    cut_after: int | None = None
    usage: bool = True
    """False: ignore ``include_usage`` like some compatible servers do."""
    prompt_tokens: int = 42
    cached_tokens: int = 0
    completion_tokens: int | None = None
    finish_reason: str = "stop"


class FakeOpenAI(FakeServer):
    def __init__(self, *, api_key: str | None = None, models: list[str] | None = None) -> None:
        super().__init__()
        self.api_key = api_key
        self.models = models if models is not None else ["gpt-4o-mini", "gpt-4.1"]
        self.models_error: ErrorReply | None = None
        self._script: deque[Reply] = deque()
        self.default = Reply()

    @property
    def base_url(self) -> str:
        return self.root_url + "/v1"

    def push(self, *replies: Reply) -> None:
        self._script.extend(replies)

    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def handle(self, handler: _Handler, request: RecordedRequest) -> None:
        if self.api_key is not None:
            sent = request.headers.get("authorization", "").removeprefix("Bearer ")
            if sent != self.api_key:
                error = ERRORS["unauthorized"](sent or "none")
                handler.send_json(error.status, error.body, error.headers)
                return
        if request.method == "GET" and request.path.rstrip("/").endswith("/models"):
            self._models(handler)
        elif request.method == "POST" and request.path.endswith("/chat/completions"):
            reply = self._script.popleft() if self._script else self.default
            self._chat(handler, request.body or {}, reply)
        else:
            error = openai_error(
                404, f"Invalid URL ({request.method} {request.path})", "invalid_request_error", None
            )
            handler.send_json(404, error.body)

    def _models(self, handler: _Handler) -> None:
        if self.models_error is not None:
            handler.send_json(
                self.models_error.status, self.models_error.body, self.models_error.headers
            )
            return
        data = [
            {"id": m, "object": "model", "created": CREATED, "owned_by": "system"}
            for m in self.models
        ]
        handler.send_json(200, {"object": "list", "data": data})

    def _chat(self, handler: _Handler, body: dict[str, Any], reply: Reply) -> None:
        if reply.error is not None:
            handler.send_json(reply.error.status, reply.error.body, reply.error.headers)
            return
        model = body.get("model", "")
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        with_usage_field = include_usage and reply.usage

        def event(choices: list[dict[str, Any]], usage: Any = None) -> None:
            chunk: dict[str, Any] = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": CREATED,
                "model": model,
                "system_fingerprint": "fp_fake",
                "choices": choices,
            }
            if with_usage_field:
                chunk["usage"] = usage
            handler.send_chunk(f"data: {json.dumps(chunk)}\n\n")

        def delta(content: dict[str, Any], finish: str | None = None) -> list[dict[str, Any]]:
            return [{"index": 0, "delta": content, "logprobs": None, "finish_reason": finish}]

        if reply.headers_delay:
            time.sleep(reply.headers_delay)
        handler.start_stream()
        if reply.first_delay:
            time.sleep(reply.first_delay)
        event(delta({"role": "assistant", "content": "", "refusal": None}))
        switch = body.get("thinking")
        thinks = not (isinstance(switch, dict) and switch.get("type") == "disabled")
        reasoning = reply.reasoning if thinks else []
        for piece in reasoning:
            event(delta({"content": None, "reasoning_content": piece}))
        for index, token in enumerate(reply.tokens):
            if reply.cut_after is not None and index >= reply.cut_after:
                handler.cut()
                return
            if index and reply.delay:
                time.sleep(reply.delay)
            event(delta({"content": token}))
        if reply.stream_error is not None:
            handler.send_chunk(f"data: {json.dumps(reply.stream_error)}\n\n")
            handler.end_stream()
            return
        event(delta({}, reply.finish_reason))
        if with_usage_field:
            completion = reply.completion_tokens
            if completion is None:  # completion_tokens includes the reasoning
                completion = len(reply.tokens) + len(reasoning)
            event(
                [],
                {
                    "prompt_tokens": reply.prompt_tokens,
                    "completion_tokens": completion,
                    "total_tokens": reply.prompt_tokens + completion,
                    "prompt_tokens_details": {
                        "cached_tokens": reply.cached_tokens,
                        "audio_tokens": 0,
                    },
                    "completion_tokens_details": {
                        "reasoning_tokens": len(reasoning),
                        "audio_tokens": 0,
                        "accepted_prediction_tokens": 0,
                        "rejected_prediction_tokens": 0,
                    },
                },
            )
        handler.send_chunk("data: [DONE]\n\n")
        handler.end_stream()
