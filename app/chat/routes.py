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
from app.engines.addresses import OLLAMA, ModelRef, normalize_url, parse_ref
from app.engines.base import ChatEngine, ModelDetails
from app.privacy.egress import is_loopback_url, is_ollama_cloud_name, provider_destination
from app.storage.records import Conversation

if TYPE_CHECKING:
    from app.cloud.keys import KeyStore
    from app.engines.local import LocalEngines
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
        self._local_engines: LocalEngines | None = None
        self._ollama_lock = threading.Lock()  # first use may be on a worker thread

    def local(self) -> OllamaEngine:
        # Built on first use, not while the window opens (see app/engines/hosts.py).
        with self._ollama_lock:
            if self._ollama is None:
                with serial_imports:
                    from app.engines.machine_context import machine_default_num_ctx
                    from app.engines.ollama import OllamaEngine

                # Issue 15: num_ctx on every chat, by default what Ollama would pick here
                # (an Ollama on another computer has that computer's VRAM: not sent).
                default = machine_default_num_ctx() if is_loopback_url(self._ollama_host) else None
                self._ollama = OllamaEngine(
                    host=self._ollama_host,
                    default_options={"num_ctx": default} if default else None,
                )
            return self._ollama

    @property
    def keys(self) -> KeyStore:
        return self._keystore()

    def _keystore(self) -> KeyStore:
        with serial_imports:
            from app.cloud.keys import KeyStore
        with self._ollama_lock:
            if self._keys is None:
                self._keys = KeyStore()
            return self._keys

    @property
    def local_engines(self) -> LocalEngines:
        """One engine per local server (LM Studio, llama.cpp, Jan, vLLM, …), for the
        model picker's references (``engine|url|model``, app/engines/addresses.py)."""
        with serial_imports:
            from app.engines.local import LocalEngines, keyring_lookup
        with self._ollama_lock:
            if self._local_engines is None:
                lookup = keyring_lookup(_LazyKeys(self))
                self._local_engines = LocalEngines(self._ollama_host, keys=lookup)
            return self._local_engines

    def is_local_ollama(self, ref: ModelRef | None) -> bool:
        """A bare name, or a reference to the Ollama Hearth talks to by default."""
        return ref is None or (
            ref.engine_id == OLLAMA.id
            and normalize_url(ref.base_url) == normalize_url(self._ollama_host)
        )

    def details_for(self, local_model: str) -> ModelDetails:
        """Vision and context of a model in the picker (on a worker thread)."""
        ref = parse_ref(local_model)
        if self.is_local_ollama(ref):
            return self.local().model_details(ref.model if ref else local_model)
        engine, model = self.local_engines.for_ref(local_model)
        return engine.model_details(model)

    def _cloud_engine(self, provider: str, model: str) -> ChatEngine:
        # On the reply's thread: the keyring and the SDK factory load there, not while
        # the window opens.
        with serial_imports:
            from app.cloud.factory import engine_for
        return engine_for(provider, model, self._settings, self._keystore())

    def route(self, conversation: Conversation, local_model: str) -> Route:
        """How the conversation's next reply is produced."""
        provider, model = conversation.cloud_provider, conversation.cloud_model
        if provider and model:
            cloud_provider, cloud_model = provider, model  # narrowed for the lambda
            return Route(
                lambda: self._cloud_engine(cloud_provider, cloud_model),
                provider,
                model,
                provider,
                leaves_machine=_provider_leaves(provider, model, self._settings),
            )
        ref = parse_ref(local_model)
        if not self.is_local_ollama(ref):
            assert ref is not None
            # Another local engine: chatting with it is exactly like chatting with Ollama
            # (its replies are local: no price, energy measured). Off this machine it
            # leaves, and the gate reviews it.
            engines = self.local_engines
            return Route(
                lambda: engines.for_ref(local_model)[0],
                ref.engine_id,
                ref.model,
                ref.engine_id,
                leaves_machine=not is_loopback_url(ref.base_url),
            )
        model = ref.model if ref is not None else local_model
        # Issue 12: an Ollama cloud model, or an Ollama on another computer, leaves the
        # machine too (the gate also asks Ollama itself; this is for the ledger's sake).
        leaves = is_ollama_cloud_name(model) or not is_loopback_url(self._ollama_host)
        return Route(self.local, "ollama", model, "ollama", leaves_machine=leaves)


class _LazyKeys:
    """The resolver's key store, built at the first key a local engine asks for (Jan)."""

    def __init__(self, resolver: EngineResolver) -> None:
        self._resolver = resolver

    def get(self, provider_id: str) -> str | None:
        return self._resolver._keystore().get(provider_id)
