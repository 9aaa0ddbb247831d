"""Which engine answers a conversation: the local Ollama, or the cloud it was sent to."""

from __future__ import annotations

from app.engines.base import ChatEngine
from app.engines.ollama import OllamaEngine
from app.storage.records import Conversation
from app.ui.context import AppContext


class EngineResolver:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._ollama = OllamaEngine(host=ctx.ollama_host)

    def local(self) -> OllamaEngine:
        return self._ollama

    def for_conversation(
        self, conversation: Conversation, local_model: str
    ) -> tuple[ChatEngine, str, str]:
        """(engine, provider id, model) for the conversation's next reply."""
        if conversation.cloud_provider and conversation.cloud_model:
            from app.ui.chat.cloud_engines import cloud_engine

            engine = cloud_engine(self._ctx, conversation.cloud_provider, conversation.cloud_model)
            return engine, conversation.cloud_provider, conversation.cloud_model
        return self._ollama, "ollama", local_model
