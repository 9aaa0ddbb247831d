"""Builds the engine for a provider — and refuses, before any socket opens, in local-only mode.

The local-only check happens here, ahead of creating an SDK client, so no code path
that goes through the factory can contact a cloud while the switch is on. A "local"
preset whose base URL was changed to point off this machine or LAN counts as a cloud.
"""

from __future__ import annotations

import ipaddress
import threading
from typing import Protocol
from urllib.parse import urlparse

from app.cloud.keys import KeyringUnavailableError
from app.cloud.providers import Provider, base_url, get_provider
from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import LOCAL_ONLY, Settings
from app.engines.base import (
    ChatEngine,
    ChatMessage,
    ChatRequest,
    EngineError,
    ErrorKind,
    ReplyFinished,
)
from app.engines.sdk_errors import blocked, missing_key


class KeySource(Protocol):
    def get(self, provider_id: str) -> str | None: ...


def _host_is_local(url: str) -> bool:
    host = (urlparse(url).hostname or "").lower()
    if host == "localhost" or host.endswith((".localhost", ".local")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


def stays_local(provider: Provider, settings: Settings) -> bool:
    """True when talking to this provider cannot leave the machine or the LAN."""
    return provider.is_local and _host_is_local(base_url(provider, settings))


def check_allowed(provider: Provider, settings: Settings) -> None:
    """Raise ``EngineError(BLOCKED)`` when local-only mode forbids this provider."""
    if settings.get(LOCAL_ONLY) and not stays_local(provider, settings):
        raise blocked(provider.name)


def engine_for(
    provider_id: str,
    model: str,
    settings: Settings,
    keys: KeySource,
    *,
    timeout: float = 120.0,
    max_retries: int = 2,
) -> ChatEngine:
    """The engine that sends requests for ``model`` to ``provider_id``.

    Raises ``EngineError`` (BLOCKED in local-only mode, AUTH when no key is stored) or a
    ``KnownError`` (no secure keyring, no base URL for a custom provider).
    """
    provider = get_provider(provider_id)
    check_allowed(provider, settings)
    if not model.strip():
        raise EngineError(
            ErrorKind.BAD_REQUEST,
            translate("Cloud", "Choose a model for {provider}.").format(provider=provider.name),
        )
    url = base_url(provider, settings)
    key = _key_for(provider, keys)
    if provider.protocol == "anthropic":
        with serial_imports:
            from app.engines.anthropic_engine import AnthropicEngine

        assert key is not None
        return AnthropicEngine(
            api_key=key,
            base_url=url,
            engine_id=provider.engine_id,
            display_name=provider.name,
            timeout=timeout,
            max_retries=max_retries,
            preset_models=provider.models,
        )
    with serial_imports:
        from app.engines.openai_engine import OpenAICompatibleEngine

    return OpenAICompatibleEngine(
        api_key=key,
        base_url=url,
        engine_id=provider.engine_id,
        display_name=provider.name,
        is_local=provider.is_local,
        timeout=timeout,
        max_retries=max_retries,
        preset_models=provider.models,
        lists_models=provider.lists_models,
    )


def _key_for(provider: Provider, keys: KeySource) -> str | None:
    if not provider.needs_key:
        try:
            return keys.get(provider.id)
        except KeyringUnavailableError:
            return None  # a local server without auth needs no keyring at all
    key = keys.get(provider.id)
    if not key:
        raise missing_key(provider.name)
    return key


def check_connection(
    provider_id: str, model: str, settings: Settings, keys: KeySource, *, timeout: float = 20.0
) -> str:
    """The cheapest call that proves the key and URL work: list models, else 1 token.

    Returns a sentence for the person; raises ``EngineError`` / ``KnownError``.
    """
    provider = get_provider(provider_id)
    probe_model = model or (provider.models[0] if provider.models else "")
    engine = engine_for(
        provider_id, probe_model or "-", settings, keys, timeout=timeout, max_retries=0
    )
    if provider.lists_models:
        count = len(engine.list_models())
        return translate("Cloud", "Connected to {provider}: {count} models available.").format(
            provider=provider.name, count=count
        )
    request = ChatRequest(probe_model, (ChatMessage("user", "Hi"),), max_output_tokens=1)
    for event in engine.stream_chat(request, threading.Event()):
        if isinstance(event, ReplyFinished):
            break
    return translate("Cloud", "Connected to {provider}.").format(provider=provider.name)


def available_models(provider_id: str, settings: Settings, keys: KeySource) -> list[str]:
    """The provider's own model list where it offers one, else the preset list.

    Subject to local-only mode and to having a key, like any other request.
    """
    provider = get_provider(provider_id)
    if not provider.lists_models:
        check_allowed(provider, settings)
        return list(provider.models)
    engine = engine_for(
        provider_id,
        provider.models[0] if provider.models else "-",
        settings,
        keys,
        timeout=20.0,
        max_retries=0,
    )
    names = [model.name for model in engine.list_models()]
    return names or list(provider.models)
