"""Which engine answers a conversation: the local Ollama, or the cloud it was sent to.

Engines are built on the reply's own thread (``Route.factory``): building a cloud engine
reads the API key from the OS keyring, which may block on D-Bus or a Keychain prompt.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from app.chat.conversation import Route
from app.cloud.providers import base_url, get_provider
from app.core.errors import KnownError
from app.core.lazy import serial_imports
from app.core.settings import Settings
from app.engines.base import ChatEngine
from app.privacy.egress import is_loopback_url, is_ollama_cloud_name, provider_destination
from app.storage.records import Conversation

if TYPE_CHECKING:
    from app.cloud.keys import KeyStore
    from app.engines.ollama import OllamaEngine


def _provider_leaves(provider_id: str, model: str, settings: Settings) -> bool:
    """Issue 12: only this machine is local. A "local" preset on a LAN address sees every
    word too, so it leaves the machine like a cloud (the gate decides the same way)."""
    try:
        provider = get_provider(provider_id)
        url = base_url(provider, settings)
    except KnownError:
        return True  # unknown or unconfigured: never assume it stays here
    return provider_destination(provider_id, model, url, is_local=provider.is_local).leaves_machine


class EngineResolver:
    def __init__(self, settings: Settings, ollama_host: str, keys: KeyStore | None = None) -> None:
        self._settings = settings
        self._ollama_host = ollama_host
        self._keys = keys  # built at the first cloud reply: keyring takes ~30 ms to import
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

    def _cloud_engine(self, provider: str, model: str) -> ChatEngine:
        # On the reply's thread: the keyring and the SDK factory load there, not while
        # the window opens.
        with serial_imports:
            from app.cloud.factory import engine_for
            from app.cloud.keys import KeyStore
        with self._ollama_lock:
            if self._keys is None:
                self._keys = KeyStore()
            keys = self._keys
        return engine_for(provider, model, self._settings, keys)

    def route(self, conversation: Conversation, local_model: str) -> Route:
        """How the conversation's next reply is produced."""
        provider, model = conversation.cloud_provider, conversation.cloud_model
        if provider and model:
            settings = self._settings
            return Route(
                lambda: self._cloud_engine(provider, model),
                provider,
                model,
                provider,
                leaves_machine=_provider_leaves(provider, model, settings),
            )
        # Issue 12: an Ollama cloud model, or an Ollama on another computer, leaves the
        # machine too (the gate also asks Ollama itself; this is for the ledger's sake).
        leaves = is_ollama_cloud_name(local_model) or not is_loopback_url(self._ollama_host)
        return Route(self.local, "ollama", local_model, "ollama", leaves_machine=leaves)
