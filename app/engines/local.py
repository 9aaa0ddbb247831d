"""The chat engine for a model on a local engine, and the context it runs with.

The lead's ``EngineResolver`` calls :func:`local_engine` for a model reference from the
model picker (``engine_id|base_url|model``, see :mod:`app.engines.addresses`). Every
engine built here is local: ``is_local`` is True (no API cost, energy and usage counted
as local) and its address must be on this machine or the LAN.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import Settings
from app.engines.addresses import OLLAMA, is_local_address, kind_for, normalize_url, parse_ref
from app.engines.base import ChatEngine, EngineError, ErrorKind, ModelDetails
from app.engines.found import FoundEngine, KeyLookup, LocalModel


def local_engine(
    engine_id: str,
    base_url: str,
    *,
    keys: KeyLookup | None = None,
    default_num_ctx: int | None = None,
    timeout: float = 600.0,
    models: tuple[LocalModel, ...] = (),
) -> ChatEngine:
    """A ``ChatEngine`` for the local server at ``base_url``.

    ``default_num_ctx`` is sent to Ollama with every chat that sets no ``num_ctx`` of its
    own (pass ``app.engines.context.ollama_context_for(machine)``). ``models`` (from
    discovery) tell an OpenAI-compatible engine which of its models see images and the
    context each runs with, which the generic engine cannot know. Raises
    ``EngineError(BLOCKED)`` for an address off this machine and network: such a server is
    a cloud and goes through the cloud factory (cost preview, privacy check).
    """
    url = normalize_url(base_url)
    if not is_local_address(url):
        raise EngineError(
            ErrorKind.BLOCKED,
            translate("Engines", "{address} is not a local address.").format(address=url),
        )
    kind = kind_for(engine_id)
    if kind is OLLAMA:
        with serial_imports:
            from app.engines.ollama import OllamaEngine

        options = {"num_ctx": default_num_ctx} if default_num_ctx else None
        return OllamaEngine(host=url, read_timeout=timeout, default_options=options)
    with serial_imports:
        from app.engines.openai_engine import OpenAICompatibleEngine

    class LocalOpenAIEngine(OpenAICompatibleEngine):
        """What discovery learnt about the models, instead of guessing from their names
        (a text-only model must not be offered images; a vision one must)."""

        def model_details(self, model: str) -> ModelDetails:
            known = next((m for m in models if m.name == model), None)
            if known is None or known.vision is None:
                return super().model_details(model)
            capabilities = {"completion", *(("vision",) if known.vision else ())}
            return ModelDetails(
                name=model,
                capabilities=frozenset(capabilities),
                context_length=known.context_length or known.max_context_length,
            )

    key = keys(kind.id) if keys is not None else None
    return LocalOpenAIEngine(
        api_key=key,
        base_url=url + kind.api_path,
        engine_id=kind.id,
        display_name=kind.name,
        is_local=True,
        timeout=timeout,
        # A local server that refuses is not rate-limited or overloaded the way a cloud
        # is; trying again only delays the message the person needs to see.
        max_retries=0,
    )


@dataclass(frozen=True)
class RunningContext:
    tokens: int | None
    source: str
    """Where the number came from, for the person: ``engine`` (the engine said),
    ``requested`` (the num_ctx Hearth sends), ``model`` (the model's maximum, when the
    engine serves it whole) or ``unknown``."""


def running_context(
    engine: FoundEngine, model: LocalModel, *, num_ctx: int | None = None
) -> RunningContext:
    """The context ``model`` actually runs with on ``engine``.

    Ollama: ``/api/ps`` ``context_length`` for a loaded model; otherwise the ``num_ctx``
    Hearth sends (it decides the context on load). llama.cpp: ``/props`` ``n_ctx``. vLLM:
    ``max_model_len``. LM Studio: ``loaded_context_length`` of a loaded model. Others
    (Jan, text-generation-webui) do not say over their API: unknown, so no warning is
    given on a guess.
    """
    if engine.kind is OLLAMA:
        if (
            model.context_length
            and model.loaded
            and (num_ctx is None or model.context_length == num_ctx)
        ):
            return RunningContext(model.context_length, "engine")
        if num_ctx:
            return RunningContext(num_ctx, "requested")
        return RunningContext(model.context_length, "engine" if model.context_length else "unknown")
    if model.context_length:
        return RunningContext(model.context_length, "engine")
    if engine.running_context:
        return RunningContext(engine.running_context, "engine")
    return RunningContext(None, "unknown")


class LocalEngines:
    """One engine per local server, built on first use and kept (each holds its HTTP
    clients). What the lead's ``EngineResolver.route`` calls for a local conversation:

    ``engine, model = engines.for_ref(conversation.model)`` — where ``conversation.model``
    is the picker's reference (``engine|url|model``) or, from an older Hearth, a bare
    Ollama model name. Thread-safe: routes are resolved on reply threads.
    """

    def __init__(
        self,
        ollama_host: str,
        *,
        keys: KeyLookup | None = None,
        default_num_ctx: int | None = None,
    ) -> None:
        self._ollama_host = normalize_url(ollama_host)
        self._keys = keys
        self._num_ctx = default_num_ctx
        self._engines: dict[tuple[str, str], ChatEngine] = {}
        self._models: dict[tuple[str, str], tuple[LocalModel, ...]] = {}
        self._lock = threading.Lock()

    def learn(self, engines: list[FoundEngine]) -> None:
        """What discovery found (vision, context per model), for engines built later."""
        with self._lock:
            for engine in engines:
                self._models[(engine.engine_id, engine.base_url)] = engine.models

    def for_ref(self, ref_or_name: str) -> tuple[ChatEngine, str]:
        ref = parse_ref(ref_or_name)
        engine_id, url, model = (
            (ref.engine_id, normalize_url(ref.base_url), ref.model)
            if ref is not None
            else (OLLAMA.id, self._ollama_host, ref_or_name)
        )
        key = (engine_id, url)
        with self._lock:
            engine = self._engines.get(key)
            if engine is None:
                engine = local_engine(
                    engine_id,
                    url,
                    keys=self._keys,
                    default_num_ctx=self._num_ctx,
                    models=self._models.get(key, ()),
                )
                self._engines[key] = engine
        return engine, model


def keyring_lookup(store: object) -> KeyLookup:
    """A ``KeyLookup`` over Hearth's ``KeyStore`` (``app.cloud.keys``) that never raises:
    without a usable keyring a local engine that needs a key (Jan) is listed with what to
    do instead of failing the whole look-around."""

    def lookup(engine_id: str) -> str | None:
        try:
            value = store.get(engine_id)  # type: ignore[attr-defined]
        except KnownError:
            return None
        return str(value) if value else None

    return lookup


def configured_addresses(settings: Settings) -> list[str]:
    """Every local address the person gave Hearth: the "other local servers" setting and
    any base URL they set for a local preset under Tools → API keys… (LM Studio on
    another port, say). What to pass as ``extra`` to ``discover``."""
    with serial_imports:
        from app.cloud.providers import BASE_URLS, PROVIDERS
        from app.engines.addresses import EXTRA_ADDRESSES, split_addresses

    found = split_addresses(settings.get(EXTRA_ADDRESSES))
    for provider in PROVIDERS:
        if provider.is_local:
            override = settings.get(BASE_URLS[provider.id]).strip()
            if override and is_local_address(normalize_url(override)):
                found.append(normalize_url(override))
    return list(dict.fromkeys(found))
