"""Where a model downloads from, and exactly how big the download is.

**Download source** (a setting, for people in China where the Ollama registry is slow or
blocked): ``ollama`` (registry.ollama.ai, the default), ``modelscope`` or
``huggingface``. ``ollama pull`` accepts a GGUF repository by its registry host
(shared/PROTOCOLS.md; Ollama docs "Use Ollama with any GGUF model on Hugging Face Hub":
``hf.co/<user>/<repo>:<quant>``; ModelScope docs "Ollama 加载 ModelScope 模型":
``modelscope.cn/<user>/<repo>:<quant>``). The catalog maps each model to those
repositories (``mirrors`` in resources/catalog.json); the pull itself, its progress and
the fit check are the same as for any other name.

**Exact size**: ``ollama pull NAME:TAG`` reads the OCI manifest at
``https://registry.ollama.ai/v2/<namespace>/<name>/manifests/<tag>`` (namespace
``library`` for official models); the download is the sum of ``layers[].size``
(PROTOCOLS.md). :func:`manifest_size` reads it the same way; the shipped catalog's
rounded size is the dated fallback when the registry cannot be reached.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import Setting, declare

if TYPE_CHECKING:
    import httpx

    from app.library.catalog import CatalogModel

SOURCES = ("ollama", "modelscope", "huggingface")
DOWNLOAD_SOURCE = declare(
    Setting("library/download_source", "ollama", "Download models from", choices=SOURCES)
)
REGISTRY = "https://registry.ollama.ai"
MANIFEST_ACCEPT = (
    "application/vnd.docker.distribution.manifest.v2+json, "
    "application/vnd.oci.image.manifest.v1+json"
)


def registry_url() -> str:
    """The Ollama registry: ``HEARTH_OLLAMA_REGISTRY`` (a local mirror; the tests' fake),
    else registry.ollama.ai."""
    return os.environ.get("HEARTH_OLLAMA_REGISTRY", "").strip().rstrip("/") or REGISTRY


def source_label(source: str) -> str:
    return {
        "ollama": translate("Library", "Ollama library (registry.ollama.ai)"),
        "modelscope": translate("Library", "ModelScope (modelscope.cn, fast in China)"),
        "huggingface": translate("Library", "Hugging Face (hf.co)"),
    }.get(source, source)


def pull_name(model: CatalogModel, source: str) -> str:
    """The name to pull ``model`` by from ``source``: its GGUF repository there, or the
    Ollama library tag when the catalog knows no such repository."""
    if source == "ollama":
        return model.tag
    return model.mirror(source) or model.tag


def manifest_url(name: str, registry: str = REGISTRY) -> str | None:
    """The manifest ``ollama pull name`` reads from the Ollama registry; None for a name
    on another registry host (``hf.co/…``, ``modelscope.cn/…``), whose size is read from
    that host's own listing instead."""
    text = name.strip()
    path, _, tag = text.rpartition(":") if ":" in text.rsplit("/", 1)[-1] else (text, "", "")
    tag = tag or "latest"
    parts = path.split("/")
    if len(parts) >= 3 or (len(parts) == 2 and "." in parts[0]):
        host = parts[0]
        if host != "registry.ollama.ai":
            return None
        parts = parts[1:]
    namespace, model = ("library", parts[0]) if len(parts) == 1 else (parts[0], parts[1])
    return f"{registry.rstrip('/')}/v2/{namespace}/{model}/manifests/{tag}"


@dataclass(frozen=True)
class DownloadSize:
    bytes: int
    exact: bool
    """True when read from the registry manifest now; False for the catalog's fallback."""
    source: str
    """Where the number came from, for the person (the manifest URL or the catalog date)."""


def size_from_manifest(manifest: Any) -> int:
    """Sum of ``layers[].size`` (the config blob is tiny and also downloaded; Ollama's
    progress counts the layers, so this matches what the person sees)."""
    layers = manifest.get("layers") if isinstance(manifest, dict) else None
    if not isinstance(layers, list) or not layers:
        raise ValueError("the manifest has no layers")
    total = 0
    for layer in layers:
        size = layer.get("size") if isinstance(layer, dict) else None
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise ValueError(f"a layer without a size: {layer!r}")
        total += size
    return total


def manifest_size(name: str, client: httpx.Client, registry: str = REGISTRY) -> int | None:
    """The exact download size of ``name`` from its registry manifest, or None when the
    name is not on the Ollama registry. Raises ``httpx.HTTPError`` / ``ValueError``."""
    url = manifest_url(name, registry)
    if url is None:
        return None
    response = client.get(url, headers={"Accept": MANIFEST_ACCEPT})
    response.raise_for_status()
    return size_from_manifest(response.json())


def download_size(
    model: CatalogModel,
    client: httpx.Client | None,
    *,
    compiled: str,
    registry: str = REGISTRY,
) -> DownloadSize:
    """The model's download size: exact from the registry when it answers, else the
    catalog's dated fallback. Never raises for an unreachable registry (this runs for
    every row of the library; one failure must not empty it)."""
    with serial_imports:  # only when the library asks the network
        import httpx

    if client is not None:
        try:
            exact = manifest_size(model.tag, client, registry)
        except (httpx.HTTPError, ValueError):
            exact = None
        if exact is not None:
            return DownloadSize(exact, True, manifest_url(model.tag, registry) or registry)
    return DownloadSize(
        model.download_bytes,
        False,
        translate("Library", "catalog of {date}").format(date=compiled),
    )
