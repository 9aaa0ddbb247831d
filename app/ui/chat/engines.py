"""Which engine answers a conversation: the local Ollama, or the cloud it was sent to.

Cloud engines are built on the worker thread (``EngineFactory``): building one reads the
API key from the OS keyring, which may block on D-Bus or a Keychain prompt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.cloud.factory import engine_for
from app.cloud.keys import KeyStore
from app.core.lazy import serial_imports
from app.engines.base import ChatEngine
from app.storage.records import Conversation
from app.ui.context import AppContext

if TYPE_CHECKING:
    from app.engines.ollama import OllamaEngine

EngineFactory = Callable[[], ChatEngine]


@dataclass(frozen=True)
class Route:
    factory: EngineFactory
    provider: str
    model: str
    engine_label: str


class EngineResolver:
    def __init__(self, ctx: AppContext, keys: KeyStore | None = None) -> None:
        self._ctx = ctx
        self._keys = keys or KeyStore()
        self._ollama: OllamaEngine | None = None
        self._ollama_lock = threading.Lock()  # first use may be on a worker thread

    def local(self) -> OllamaEngine:
        # Built on first use, not while the window opens (see app/engines/hosts.py); by
        # then the start-up check has imported the engine on a worker thread.
        with self._ollama_lock:
            if self._ollama is None:
                with serial_imports:
                    from app.engines.ollama import OllamaEngine

                self._ollama = OllamaEngine(host=self._ctx.ollama_host)
            return self._ollama

    def route(self, conversation: Conversation, local_model: str) -> Route:
        """How the conversation's next reply is produced."""
        provider, model = conversation.cloud_provider, conversation.cloud_model
        if provider and model:
            settings, keys = self._ctx.settings, self._keys
            return Route(
                lambda: engine_for(provider, model, settings, keys), provider, model, provider
            )
        return Route(self.local, "ollama", local_model, "ollama")
