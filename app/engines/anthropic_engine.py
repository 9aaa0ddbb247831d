"""Claude through the official ``anthropic`` SDK (``client.messages.stream``).

Usage comes from the stream itself: ``message_start`` carries ``input_tokens`` and the
cache fields, ``message_delta`` the cumulative ``output_tokens`` and ``stop_reason``. A
reply is complete only once ``message_stop`` arrived; a stream that ends before it was
cut, whatever the transport said.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import anthropic

from app.engines import secret_guard
from app.engines.base import (
    ChatMessage,
    ChatRequest,
    EngineError,
    ModelDetails,
    ModelInfo,
    ReplyFinished,
    ReplyUsage,
    StreamEvent,
    TextDelta,
    ThinkingDelta,
)
from app.engines.sampling import sampling_params
from app.engines.sdk_errors import from_sdk_error, stream_cut
from app.engines.sdk_streaming import (
    CloseOnCancel,
    base64_text,
    image_media_type,
    interrupt,
    open_with_retries,
)

DEFAULT_MAX_OUTPUT_TOKENS = 4096  # the Messages API requires max_tokens
THINKING_BUDGET = 4096
"""Issue 16: tokens Claude may think for when Think is on (the API's minimum is 1,024);
the answer keeps its own ``max_tokens`` on top of it."""
THINKING_MIN_TOP_P = 0.95


def to_anthropic_messages(
    messages: tuple[ChatMessage, ...],
) -> tuple[str, list[dict[str, Any]]]:
    """(system text, messages) in the Messages API shape; images as base64 blocks."""
    system = "\n\n".join(m.content for m in messages if m.role == "system" and m.content)
    converted: list[dict[str, Any]] = []
    for message in messages:
        if message.role == "system":
            continue
        if not message.images:
            converted.append({"role": message.role, "content": message.content})
            continue
        blocks: list[dict[str, Any]] = [
            {
                "type": "image",
                "source": {
                    "type": "base64",
                    "media_type": image_media_type(image),
                    "data": base64_text(image),
                },
            }
            for image in message.images
        ]
        if message.content:
            blocks.append({"type": "text", "text": message.content})
        converted.append({"role": message.role, "content": blocks})
    return system, converted


class AnthropicEngine:
    def __init__(
        self,
        *,
        api_key: str,
        base_url: str,
        engine_id: str = "anthropic",
        display_name: str = "Anthropic",
        timeout: float = 120.0,
        max_retries: int = 2,
        preset_models: tuple[str, ...] = (),
    ) -> None:
        secret_guard.register(api_key)
        secret_guard.install()
        self._engine_id = engine_id
        self._name = display_name
        self._base_url = base_url
        self._preset_models = preset_models
        self._retries = max_retries
        # Chats retry in open_with_retries; questions (the model list) fail fast.
        self._client = anthropic.Anthropic(
            api_key=api_key, base_url=base_url, timeout=timeout, max_retries=0
        )

    @property
    def engine_id(self) -> str:
        return self._engine_id

    @property
    def is_local(self) -> bool:
        return False

    def _error(
        self, exc: BaseException, model: str = "", *, streaming: bool = False
    ) -> EngineError:
        return from_sdk_error(exc, self._name, model=model, url=self._base_url, streaming=streaming)

    def list_models(self) -> list[ModelInfo]:
        try:
            return [
                ModelInfo(name=model.id, modified_at=str(model.created_at))
                for model in self._client.models.list(limit=100)
            ]
        except anthropic.AnthropicError as exc:
            raise self._error(exc) from None

    def model_details(self, model: str) -> ModelDetails:
        # Every Claude model since Claude 3 reads images.
        return ModelDetails(name=model, capabilities=frozenset({"completion", "vision"}))

    def stream_chat(self, request: ChatRequest, cancel: threading.Event) -> Iterator[StreamEvent]:
        system, messages = to_anthropic_messages(request.messages)
        params: dict[str, Any] = {
            "model": request.model,
            "max_tokens": request.max_output_tokens or DEFAULT_MAX_OUTPUT_TOKENS,
            "messages": messages,
        }
        if system:
            params["system"] = system
        # Temperature (at most 1 here), else top_p; the Messages API takes no seed. The
        # SDK dropped these keywords in anthropic 1.0 (2026-08-20; simonw/llm-anthropic#82,
        # read 2026-12-01) while the API still takes them on models that allow sampling,
        # so they travel as extra body fields -- and only when the person set one.
        sampling = sampling_params(request.options, anthropic=True)
        if sampling:
            params["extra_body"] = sampling
        _add_thinking(params, request.think)
        try:
            stream = open_with_retries(
                lambda: self._client.messages.stream(**params).__enter__(), cancel, self._retries
            )
        except Exception as exc:  # noqa: BLE001 - SDK and transport errors are all mapped
            raise self._error(exc, request.model) from None
        if stream is None:
            return  # stopped while waiting to try again
        finished = False
        try:
            with CloseOnCancel(cancel, interrupt(stream.response, stream.close)):
                for event in stream:
                    if cancel.is_set():
                        return
                    if event.type == "content_block_delta":
                        if event.delta.type == "text_delta":
                            yield TextDelta(event.delta.text)
                        elif event.delta.type == "thinking_delta":
                            yield ThinkingDelta(event.delta.thinking)
                    elif event.type == "message_stop":
                        finished = True
        except Exception as exc:  # noqa: BLE001 - see above
            if cancel.is_set():
                return
            raise self._error(exc, request.model, streaming=True) from None
        finally:
            stream.close()
        if cancel.is_set():
            return
        if not finished:
            raise stream_cut(self._name)
        yield ReplyFinished(_usage(stream.current_message_snapshot))


def _add_thinking(params: dict[str, Any], think: bool | str | None) -> None:
    """Issue 16: extended thinking. Its budget comes on top of the answer's own room,
    since thinking counts toward ``max_tokens`` (see app/chat/thinking.py)."""
    if think is None:
        return
    if think:
        params["thinking"] = {"type": "enabled", "budget_tokens": THINKING_BUDGET}
        params["max_tokens"] += THINKING_BUDGET
        # With thinking on, Claude refuses a changed temperature, and a top_p below 0.95
        # (Anthropic's extended-thinking docs, "Feature compatibility"; not in the search
        # corpora on 2026-12-01): the conversation's sampling waits while Think is on.
        sampling = params.get("extra_body") or {}
        sampling.pop("temperature", None)
        top_p = sampling.get("top_p")
        if isinstance(top_p, int | float) and top_p < THINKING_MIN_TOP_P:
            sampling.pop("top_p")
        if not sampling:
            params.pop("extra_body", None)
    else:
        params["thinking"] = {"type": "disabled"}


def _usage(message: Any) -> ReplyUsage:
    usage = message.usage
    return ReplyUsage(
        input_tokens=usage.input_tokens,
        cached_input_tokens=usage.cache_read_input_tokens,
        cache_write_tokens=usage.cache_creation_input_tokens,
        output_tokens=usage.output_tokens,
        done_reason=message.stop_reason,
    )
