"""Which engine answers a conversation: the local Ollama, or the cloud it was sent to.

Engines are built on the reply's own thread (``Route.factory``): building a cloud engine
reads the API key from the OS keyring, which may block on D-Bus or a Keychain prompt.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from app.chat.conversation import Route
from app.cloud.factory import engine_for, stays_local
from app.cloud.keys import KeyStore
from app.cloud.providers import get_provider
from app.core.lazy import serial_imports
from app.core.settings import Settings
from app.storage.records import Conversation

if TYPE_CHECKING:
    from app.engines.ollama import OllamaEngine


class EngineResolver:
    def __init__(self, settings: Settings, ollama_host: str, keys: KeyStore | None = None) -> None:
        self._settings = settings
        self._ollama_host = ollama_host
        self._keys = keys or KeyStore()
        self._ollama: OllamaEngine | None = None
        self._ollama_lock = threading.Lock()  # first use may be on a worker thread

    def local(self) -> OllamaEngine:
        # Built on first use, not while the window opens (see app/engines/hosts.py).
        with self._ollama_lock:
            if self._ollama is None:
                with serial_imports:
                    from app.engines.ollama import OllamaEngine

                self._ollama = OllamaEngine(host=self._ollama_host)
            return self._ollama

    def route(self, conversation: Conversation, local_model: str) -> Route:
        """How the conversation's next reply is produced."""
        provider, model = conversation.cloud_provider, conversation.cloud_model
        if provider and model:
            settings, keys = self._settings, self._keys
            return Route(
                lambda: engine_for(provider, model, settings, keys),
                provider,
                model,
                provider,
                leaves_machine=not stays_local(get_provider(provider), settings),
            )
        return Route(self.local, "ollama", local_model, "ollama")
