"""Find the local engines that are running and list all their models. Qt-free.

Every candidate address (each engine's documented default, see
:mod:`app.engines.addresses`, plus the addresses the person added) is probed at the same
time on its own thread with short timeouts, so a refresh takes about as long as the
slowest *answering* server, and an address where nothing listens costs nothing
(connection refused is immediate on a local machine).

What is asked, per engine (each from its docs, read 2026-12-01):

- Ollama: ``GET /api/version``, ``/api/tags`` (models), ``/api/ps`` (loaded models and
  the ``context_length`` each runs with);
- llama.cpp: ``GET /props`` (``default_generation_settings.n_ctx``: the context each
  slot runs with; ``modalities.vision``), ``/v1/models``;
- LM Studio: ``GET /api/v0/models`` (``type`` llm / vlm / embeddings, ``state``
  loaded / not-loaded, ``max_context_length``, ``loaded_context_length`` when loaded),
  else ``/v1/models``;
- vLLM: ``GET /v1/models`` (``owned_by: "vllm"``, ``max_model_len`` = the context it
  serves);
- text-generation-webui: ``GET /v1/internal/model/info`` (``model_name`` of the loaded
  model; ``"None"`` when nothing is loaded), ``/v1/models``;
- Jan: ``GET /v1/models`` with ``Authorization: Bearer <key>`` (Jan refuses requests
  without its key: a 401 says so, and the person is told where to enter it).

An address is identified by what answers (a llama-server on vLLM's port is still
llama.cpp); the port's usual engine is tried first.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable, Iterable
from typing import Any

import httpx

from app.core.i18n import translate
from app.engines.addresses import (
    GENERIC,
    JAN,
    KINDS,
    LLAMACPP,
    LMSTUDIO,
    OLLAMA,
    TEXTGEN,
    VLLM,
    EngineKind,
    normalize_url,
    parse_ref,
)
from app.engines.found import Discovery, FoundEngine, KeyLookup, LocalModel

log = logging.getLogger(__name__)

PROBE_TIMEOUT = httpx.Timeout(2.0, connect=0.5)
"""A local server answers these in milliseconds; a hung one must not hold the list up."""


class _NotThisKindError(Exception):
    """The server answered, but not as this kind of engine does."""


class _Prober:
    def __init__(self, http: httpx.Client, keys: KeyLookup) -> None:
        self._http = http
        self._keys = keys

    def _get(self, url: str, key: str | None = None) -> Any:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        response = self._http.get(url, headers=headers)
        if response.status_code in (401, 403):
            raise PermissionError(response.status_code)
        if response.status_code != 200:
            raise _NotThisKindError(f"{url}: HTTP {response.status_code}")
        try:
            return response.json()
        except ValueError as exc:
            raise _NotThisKindError(f"{url}: not JSON") from exc

    # --- one method per engine kind; each raises _NotThisKindError when it is not that kind ---

    def ollama(self, root: str) -> FoundEngine:
        version = self._get(f"{root}/api/version")
        if not isinstance(version, dict) or "version" not in version:
            raise _NotThisKindError(root)
        tags = self._get(f"{root}/api/tags")
        try:
            ps = self._get(f"{root}/api/ps")
        except (_NotThisKindError, httpx.HTTPError):
            ps = {}
        running = {
            str(entry.get("model") or entry.get("name")): entry
            for entry in _list(ps, "models")
            if isinstance(entry, dict)
        }
        models = []
        for entry in _list(tags, "models"):
            if not isinstance(entry, dict):
                continue
            name = str(entry.get("model") or entry.get("name") or "")
            if not name:
                continue
            loaded = running.get(name)
            raw_details = entry.get("details")
            details: dict[str, Any] = raw_details if isinstance(raw_details, dict) else {}
            models.append(
                LocalModel(
                    name=name,
                    parameter_size=str(details.get("parameter_size") or ""),
                    quantization=str(details.get("quantization_level") or ""),
                    context_length=_int(loaded.get("context_length")) if loaded else None,
                    loaded=loaded is not None,
                    size_bytes=_int(entry.get("size")),
                    remote=bool(entry.get("remote_host") or entry.get("remote_model")),
                    remote_host=str(entry.get("remote_host") or ""),
                )
            )
        return FoundEngine(OLLAMA, root, tuple(models), version=str(version["version"]))

    def llamacpp(self, root: str) -> FoundEngine:
        props = self._get(f"{root}/props")
        settings = props.get("default_generation_settings") if isinstance(props, dict) else None
        if not isinstance(settings, dict):
            raise _NotThisKindError(root)
        n_ctx = _int(settings.get("n_ctx"))
        modalities = props.get("modalities")
        vision = bool(modalities.get("vision")) if isinstance(modalities, dict) else None
        listing = self._get(f"{root}/v1/models")
        names = _model_ids(listing) or [str(props.get("model_alias") or "")]
        models = tuple(
            LocalModel(name, context_length=n_ctx, loaded=True, vision=vision)
            for name in names
            if name
        )
        version = str(props.get("build_info") or "")
        return FoundEngine(LLAMACPP, root, models, version=version, running_context=n_ctx)

    def lmstudio(self, root: str) -> FoundEngine:
        listing = self._get(f"{root}/api/v0/models")
        rows = _list(listing, "data")
        if not rows or not all(isinstance(r, dict) and "state" in r for r in rows):
            raise _NotThisKindError(root)
        models = []
        for row in rows:
            if row.get("type") == "embeddings":
                continue  # cannot chat
            loaded = row.get("state") == "loaded"
            models.append(
                LocalModel(
                    name=str(row.get("id")),
                    context_length=_int(row.get("loaded_context_length")) if loaded else None,
                    max_context_length=_int(row.get("max_context_length")),
                    loaded=loaded,
                    vision=row.get("type") == "vlm",
                )
            )
        return FoundEngine(LMSTUDIO, root, tuple(models))

    def textgen(self, root: str) -> FoundEngine:
        info = self._get(f"{root}/v1/internal/model/info", self._keys(TEXTGEN.id))
        if not isinstance(info, dict) or "model_name" not in info:
            raise _NotThisKindError(root)
        loaded = str(info.get("model_name") or "")
        if loaded in ("", "None"):
            return FoundEngine(
                TEXTGEN,
                root,
                (),
                problem=translate(
                    "Engines", "text-generation-webui is running but has no model loaded."
                ),
            )
        return FoundEngine(TEXTGEN, root, (LocalModel(loaded, loaded=True),))

    def openai(self, root: str, kind: EngineKind) -> FoundEngine:
        """Jan, vLLM or a server the person added: the OpenAI ``/v1/models`` list."""
        key = self._keys(kind.id) if kind.needs_key else None
        try:
            listing = self._get(f"{root}/v1/models", key)
        except PermissionError:
            return FoundEngine(
                kind,
                root,
                (),
                problem=translate(
                    "Engines",
                    "{engine} at {address} needs its API key: enter the key you set in "
                    "{engine} in Tools → API keys… (provider {engine}).",
                ).format(engine=kind.name, address=root),
            )
        rows = _list(listing, "data")
        if not isinstance(listing, dict) or "data" not in listing:
            raise _NotThisKindError(root)
        if kind is not JAN and any(
            isinstance(r, dict) and r.get("owned_by") == "vllm" for r in rows
        ):
            kind = VLLM
        models = tuple(
            LocalModel(
                str(row["id"]),
                context_length=_int(row.get("max_model_len")),
                max_context_length=_int(row.get("max_model_len")),
                loaded=True if kind is VLLM else None,
            )
            for row in rows
            if isinstance(row, dict) and row.get("id")
        )
        return FoundEngine(kind, root, models)

    def probe(self, root: str, hint: EngineKind | None) -> FoundEngine | None:
        """What runs at ``root``, or None when nothing answers there."""
        order: list[EngineKind] = [OLLAMA, LLAMACPP, LMSTUDIO, TEXTGEN]
        if hint in order:
            order.remove(hint)
            order.insert(0, hint)
        attempts: dict[str, Callable[[str], FoundEngine]] = {
            OLLAMA.id: self.ollama,
            LLAMACPP.id: self.llamacpp,
            LMSTUDIO.id: self.lmstudio,
            TEXTGEN.id: self.textgen,
        }
        if hint is JAN:
            # Jan answers only with its key; asking for other engines' paths first would
            # only collect 401s.
            return self._try(lambda r: self.openai(r, JAN), root)
        for kind in order:
            try:
                return attempts[kind.id](root)
            except (_NotThisKindError, PermissionError, KeyError, TypeError, AttributeError):
                continue
        fallback = hint if hint in (VLLM, JAN) else GENERIC
        return self._try(lambda r: self.openai(r, fallback or GENERIC), root)

    @staticmethod
    def _try(attempt: Callable[[str], FoundEngine], root: str) -> FoundEngine | None:
        try:
            return attempt(root)
        except (_NotThisKindError, PermissionError, KeyError, TypeError, AttributeError):
            return None


def _list(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if value > 0 else None


def _model_ids(listing: Any) -> list[str]:
    return [str(r["id"]) for r in _list(listing, "data") if isinstance(r, dict) and r.get("id")]


def candidates(ollama_url: str, extra: Iterable[str] = ()) -> list[tuple[str, EngineKind | None]]:
    """Addresses to probe: each engine's default, then the person's own, once each."""
    found: list[tuple[str, EngineKind | None]] = [(normalize_url(ollama_url), OLLAMA)]
    found += [(kind.default_url, kind) for kind in KINDS if kind is not OLLAMA]
    seen = {url for url, _ in found}
    for address in extra:
        url = normalize_url(address)
        if url and url not in seen:
            seen.add(url)
            found.append((url, None))
    return found


def discover(
    ollama_url: str,
    extra: Iterable[str] = (),
    *,
    keys: KeyLookup | None = None,
    client: httpx.Client | None = None,
    only: Iterable[tuple[str, EngineKind | None]] | None = None,
) -> Discovery:
    """Probe every candidate at once; the engines that answered, in candidate order.

    Runs on a worker thread (it does network I/O). ``only`` replaces the candidate list
    (tests point it at fakes on free ports).
    """
    targets = list(only) if only is not None else candidates(ollama_url, extra)
    http = client or httpx.Client(timeout=PROBE_TIMEOUT, follow_redirects=False)
    prober = _Prober(http, keys or (lambda _engine: None))

    def one(target: tuple[str, EngineKind | None]) -> FoundEngine | None:
        root, hint = target
        try:
            return prober.probe(root, hint)
        except httpx.HTTPError:
            return None  # nothing listening, or it hung up: not running here
        except Exception:
            log.exception("probing %s failed", root)
            return None

    try:
        with concurrent.futures.ThreadPoolExecutor(
            max_workers=max(1, len(targets)), thread_name_prefix="hearth-discover"
        ) as pool:
            results = list(pool.map(one, targets))
    finally:
        if client is None:
            http.close()
    return Discovery([engine for engine in results if engine is not None])


# --- finding a model by name --------------------------------------------------------------


def _canonical(name: str) -> str:
    name = name.strip().lower()
    last = name.rsplit("/", 1)[-1]
    return name if ":" in last else f"{name}:latest"


def find_engine_for_model(name: str, discovery: Discovery) -> tuple[FoundEngine, LocalModel] | None:
    """The engine that has the model ``name`` (for ``hearth ask --model NAME``).

    ``name`` may be a model reference (``engine|url|model``), an engine-qualified name
    (``llamacpp:smollm2`` or ``lmstudio/qwen2.5-7b-instruct``), or a bare model name.
    An exact name wins over a case-insensitive or ``:latest``-less match; among equals,
    the first engine in discovery order (Ollama first) wins. A model on this machine
    wins over an Ollama cloud model (``remote``) of a similar name; a cloud model is
    found only by its own name, and the caller sees ``model.remote`` (the text would
    leave the machine: the outbound gate decides, not this function).
    """
    ref = parse_ref(name)
    if ref is not None:
        engine = discovery.engine_at(ref.engine_id, ref.base_url)
        model = engine.find(ref.model) if engine else None
        return (engine, model) if engine and model else None
    for separator in (":", "/"):
        prefix, _, rest = name.partition(separator)
        if rest and any(e.engine_id == prefix for e in discovery.engines):
            found = _match(rest, [e for e in discovery.engines if e.engine_id == prefix])
            if found is not None:
                return found
    return _match(name, discovery.engines)


def _match(name: str, engines: list[FoundEngine]) -> tuple[FoundEngine, LocalModel] | None:
    everything = [(e, m) for e in engines for m in e.models]
    local = [(e, m) for e, m in everything if not m.remote]
    for candidates in (local, everything):
        for test in (
            lambda m: m.name == name,
            lambda m: m.name.lower() == name.strip().lower(),
            lambda m: _canonical(m.name) == _canonical(name),
        ):
            for engine, model in candidates:
                if test(model):
                    return engine, model
    return None
