"""OpenAI and every OpenAI-compatible server through the official ``openai`` SDK.

One engine serves OpenAI, DeepSeek, Zhipu/Z.ai, Qwen (DashScope), Ark, Moonshot,
OpenRouter, a custom endpoint, and local servers (LM Studio, llama.cpp, Jan, vLLM,
text-generation-webui — ``is_local``: no API cost, counted as local use).

Usage: ``stream_options={"include_usage": True}`` asks for a last chunk with
``choices == []`` and ``usage``. Some compatible servers ignore it; then the usage is
Hearth's estimate (``app.engines.tokens``) and marked ``estimated``. Input tokens exclude
cached ones (``prompt_tokens - cached_tokens``), as ``ReplyUsage`` documents. A reply is
complete once a ``finish_reason`` arrived; a stream that ends before it was cut.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx2
import openai

from app.engines import secret_guard
from app.engines.abortable import Abort, abortable_transport2, tracking
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
from app.engines.tokens import estimate_context_tokens, estimate_text_tokens

NO_KEY = "hearth-no-key"  # local servers without auth still need a non-empty bearer value
_VISION_PREFIXES = ("gpt-4o", "gpt-4.1", "gpt-5", "o3", "o4", "glm-4v", "glm-4.5v", "qwen-vl")


def to_openai_messages(messages: tuple[ChatMessage, ...]) -> list[dict[str, Any]]:
    """Chat Completions messages; images as ``image_url`` data URLs."""
    converted: list[dict[str, Any]] = []
    for message in messages:
        if not message.images:
            converted.append({"role": message.role, "content": message.content})
            continue
        parts: list[dict[str, Any]] = []
        if message.content:
            parts.append({"type": "text", "text": message.content})
        parts.extend(
            {
                "type": "image_url",
                "image_url": {"url": f"data:{image_media_type(image)};base64,{base64_text(image)}"},
            }
            for image in message.images
        )
        converted.append({"role": message.role, "content": parts})
    return converted


class OpenAICompatibleEngine:
    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str,
        engine_id: str = "openai",
        display_name: str = "OpenAI",
        is_local: bool = False,
        timeout: float = 120.0,
        max_retries: int = 2,
        preset_models: tuple[str, ...] = (),
        lists_models: bool = True,
    ) -> None:
        if api_key:
            secret_guard.register(api_key)
        secret_guard.install()
        self._engine_id = engine_id
        self._name = display_name
        self._is_local = is_local
        self._base_url = base_url
        self._preset_models = preset_models
        self._lists_models = lists_models
        self._retries = max_retries
        # A local server's connections can be ended from another thread, so a Stop
        # during the prompt's evaluation (before any byte of the reply) closes the
        # connection and the server stops; see app/engines/abortable.py. Cloud clients
        # keep the SDK's pooled TLS connections (no handshake per reply).
        http_client = None
        if is_local:
            http_client = httpx2.Client(
                transport=abortable_transport2(), timeout=timeout, follow_redirects=False
            )
        self._client = openai.OpenAI(
            api_key=api_key or NO_KEY,
            base_url=base_url,
            timeout=timeout,
            max_retries=0,  # chats retry in open_with_retries; questions fail fast
            organization=None,
            project=None,
            http_client=http_client,
        )

    @property
    def engine_id(self) -> str:
        return self._engine_id

    @property
    def is_local(self) -> bool:
        return self._is_local

    def _error(
        self, exc: BaseException, model: str = "", *, streaming: bool = False
    ) -> EngineError:
        return from_sdk_error(exc, self._name, model=model, url=self._base_url, streaming=streaming)

    def list_models(self) -> list[ModelInfo]:
        if not self._lists_models:
            return [ModelInfo(name=name) for name in self._preset_models]
        try:
            return [
                ModelInfo(name=model.id, family=str(model.owned_by or ""))
                for model in self._client.models.list()
            ]
        except openai.OpenAIError as exc:
            raise self._error(exc) from None

    def model_details(self, model: str) -> ModelDetails:
        capabilities = {"completion"}
        if model.lower().startswith(_VISION_PREFIXES) or "vision" in model.lower():
            capabilities.add("vision")
        return ModelDetails(name=model, capabilities=frozenset(capabilities))

    def stream_chat(self, request: ChatRequest, cancel: threading.Event) -> Iterator[StreamEvent]:
        params: dict[str, Any] = {
            "model": request.model,
            "messages": to_openai_messages(request.messages),
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if request.max_output_tokens:
            params["max_tokens"] = request.max_output_tokens
        params.update(sampling_params(request.options))  # temperature, top_p, seed
        params.update(_thinking_params(self._engine_id, request.think))
        abort = Abort()
        try:
            # Until the first byte arrives the SDK blocks in create(); a Stop meanwhile
            # shuts the request's socket down (local servers), which ends that wait.
            with CloseOnCancel(cancel, abort.now), tracking(abort):
                stream = open_with_retries(
                    lambda: self._client.chat.completions.create(**params), cancel, self._retries
                )
        except Exception as exc:  # noqa: BLE001 - SDK and transport errors are all mapped
            if cancel.is_set():
                return
            raise self._error(exc, request.model) from None
        if stream is None:
            return  # stopped while waiting to try again
        finish_reason: str | None = None
        usage: Any = None
        text: list[str] = []
        reasoned: list[str] = []
        try:
            with CloseOnCancel(cancel, interrupt(stream.response, stream.close)):
                for chunk in stream:
                    if cancel.is_set():
                        return
                    if chunk.usage is not None:
                        usage = chunk.usage
                    for choice in chunk.choices[:1]:
                        delta = choice.delta
                        reasoning = (delta.model_extra or {}).get("reasoning_content")
                        if isinstance(reasoning, str) and reasoning:
                            reasoned.append(reasoning)
                            yield ThinkingDelta(reasoning)
                        if delta.content:
                            text.append(delta.content)
                            yield TextDelta(delta.content)
                        if choice.finish_reason:
                            finish_reason = choice.finish_reason
        except Exception as exc:  # noqa: BLE001 - see above
            if cancel.is_set():
                return
            raise self._error(exc, request.model, streaming=True) from None
        finally:
            stream.close()
        if cancel.is_set():
            return
        if finish_reason is None:
            raise stream_cut(self._name)
        yield ReplyFinished(_usage(usage, finish_reason, request, "".join(text), "".join(reasoned)))


def _thinking_params(engine_id: str, think: bool | str | None) -> dict[str, Any]:
    """Issue 16: each provider's own Think field (which models take it, and why:
    app/chat/thinking.py). Other compatible servers get nothing: their fields differ and
    an unknown one may be refused."""
    if think is None:
        return {}
    if engine_id == "openai" and isinstance(think, str):
        return {"reasoning_effort": think}
    if engine_id in ("deepseek", "zhipu", "zai", "ark"):
        return {"extra_body": {"thinking": {"type": "enabled" if think else "disabled"}}}
    if engine_id == "qwen":
        return {"extra_body": {"enable_thinking": bool(think)}}
    return {}


def _usage(
    usage: Any, finish_reason: str, request: ChatRequest, text: str, reasoning: str = ""
) -> ReplyUsage:
    if usage is None:
        # The provider bills its reasoning as output (completion_tokens includes it).
        return ReplyUsage(
            input_tokens=estimate_context_tokens(request.messages),
            output_tokens=estimate_text_tokens(text) + estimate_text_tokens(reasoning),
            done_reason=finish_reason,
            estimated=True,
        )
    prompt = int(usage.prompt_tokens or 0)
    details = getattr(usage, "prompt_tokens_details", None)
    cached = getattr(details, "cached_tokens", None) if details is not None else None
    if cached is None:
        # DeepSeek reports its context cache as prompt_cache_hit_tokens.
        extra = usage.model_extra or {}
        hit = extra.get("prompt_cache_hit_tokens")
        cached = int(hit) if isinstance(hit, int) else None
    return ReplyUsage(
        input_tokens=prompt - (cached or 0),
        cached_input_tokens=cached,
        output_tokens=usage.completion_tokens,
        done_reason=finish_reason,
    )
