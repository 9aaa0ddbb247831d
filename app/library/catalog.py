"""The curated model catalog: which models to suggest, and the facts needed to size them.

The canonical file is ``resources/catalog.json`` at the top of the repository. It is not
inside the ``app`` package, so it is shipped as a data file (``pyproject.toml``
``[tool.setuptools.data-files]`` → ``<prefix>/share/hearth/catalog.json``, the same
convention Jupyter uses for its data). :func:`catalog_path` looks in the source tree
first (running from a checkout or an editable install), then the installed locations,
then a PyInstaller bundle.
"""

from __future__ import annotations

import json
import re
import site
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import KnownError
from app.core.i18n import translate

USES = ("chat", "coding", "chinese", "vision")
"""The filters the library offers, in display order."""

_SIZE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?B)\s*$", re.IGNORECASE)
_UNITS = {"B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12}


def parse_size(text: str) -> int:
    """``"4.7GB"`` → bytes. Ollama prints sizes in decimal units (1 GB = 10^9 bytes)."""
    match = _SIZE.match(text)
    if match is None:
        raise ValueError(f"not a size: {text!r}")
    return round(float(match.group(1)) * _UNITS[match.group(2).upper()])


@dataclass(frozen=True)
class Architecture:
    """What the KV cache size depends on (from the model's config.json)."""

    layers: int
    kv_heads: int
    head_dim: int


@dataclass(frozen=True)
class CatalogModel:
    tag: str
    name: str
    family: str
    parameters: str
    parameters_billion: float
    quantization: str
    download_size: str
    download_bytes: int
    context_length: int
    capabilities: frozenset[str]
    languages: tuple[str, ...]
    uses: frozenset[str]
    architecture: Architecture | None
    description_en: str
    description_zh: str
    mirrors: tuple[tuple[str, str], ...] = ()
    """(source, pull name) for the GGUF repositories that hold this model, e.g.
    ``("modelscope", "modelscope.cn/Qwen/Qwen3-8B-GGUF:Q4_K_M")``."""

    def mirror(self, source: str) -> str | None:
        return dict(self.mirrors).get(source)

    def description(self, language: str) -> str:
        """The one-line description in the person's language (Chinese or English)."""
        return self.description_zh if language.lower().startswith("zh") else self.description_en


@dataclass(frozen=True)
class Catalog:
    compiled: str
    sizes_source: str
    models: tuple[CatalogModel, ...]
    mirrors_source: str = ""

    def find(self, tag: str) -> CatalogModel | None:
        wanted = canonical_tag(tag)
        return next((m for m in self.models if canonical_tag(m.tag) == wanted), None)

    def for_use(self, use: str | None) -> tuple[CatalogModel, ...]:
        if not use:
            return self.models
        return tuple(m for m in self.models if use in m.uses)


def canonical_tag(name: str) -> str:
    """``llama3.1`` and ``llama3.1:latest`` name the same model; compare without case."""
    name = name.strip().lower()
    last = name.rsplit("/", 1)[-1]
    return name if ":" in last else f"{name}:latest"


def _model_from_json(raw: dict[str, Any]) -> CatalogModel:
    arch = raw.get("architecture")
    description = raw["description"]
    return CatalogModel(
        tag=str(raw["tag"]),
        name=str(raw["name"]),
        family=str(raw["family"]),
        parameters=str(raw["parameters"]),
        parameters_billion=float(raw["parameters_billion"]),
        quantization=str(raw["quantization"]),
        download_size=str(raw["download_size"]),
        download_bytes=parse_size(str(raw["download_size"])),
        context_length=int(raw["context_length"]),
        capabilities=frozenset(raw.get("capabilities", ())),
        languages=tuple(raw.get("languages", ())),
        uses=frozenset(raw.get("uses", ())),
        architecture=Architecture(int(arch["layers"]), int(arch["kv_heads"]), int(arch["head_dim"]))
        if arch
        else None,
        description_en=str(description["en"]),
        description_zh=str(description["zh"]),
        mirrors=tuple(sorted((str(k), str(v)) for k, v in (raw.get("mirrors") or {}).items())),
    )


def parse_catalog(text: str) -> Catalog:
    data = json.loads(text)
    return Catalog(
        compiled=str(data["compiled"]),
        sizes_source=str(data.get("sizes_source", "")),
        models=tuple(_model_from_json(m) for m in data["models"]),
        mirrors_source=str(data.get("mirrors_source", "")),
    )


def catalog_candidates() -> list[Path]:
    """Where the catalog may be, in the order they are tried."""
    source_tree = Path(__file__).resolve().parents[2] / "resources" / "catalog.json"
    installed = [Path(sys.prefix) / "share" / "hearth" / "catalog.json"]
    user_base = site.getuserbase()
    if user_base:
        installed.append(Path(user_base) / "share" / "hearth" / "catalog.json")
    frozen = getattr(sys, "_MEIPASS", None)
    bundled = [Path(frozen) / "resources" / "catalog.json"] if frozen else []
    return [source_tree, *installed, *bundled]


def catalog_path() -> Path:
    for candidate in catalog_candidates():
        if candidate.is_file():
            return candidate
    raise KnownError(
        translate("Library", "The model catalog is missing from this installation."),
        hint=translate("Library", "Reinstall Hearth; you can still download a model by name."),
    )


def load_catalog(path: Path | None = None) -> Catalog:
    """Read and parse the catalog; a broken file is an installation problem, said plainly."""
    path = path or catalog_path()
    try:
        return parse_catalog(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KnownError(
            translate("Library", "The model catalog {path} could not be read.").format(path=path),
            hint=str(exc),
        ) from exc


# --- Free-text names ----------------------------------------------------------------------

_NAME = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9._\-]*(?::[0-9]+)?(?:/[A-Za-z0-9._\-]+)*(?::[A-Za-z0-9._\-]+)?$"
)
_PASTED_PREFIXES = ("ollama pull ", "ollama run ")


def normalize_pull_name(text: str) -> str:
    """Turn what a person typed or pasted into a name ``/api/pull`` accepts.

    Accepts library names (``qwen2.5:7b``), namespaced ones (``user/model``), registry
    hosts and mirrors (``hf.co/user/repo:Q4_K_M``, ``host:5000/ns/model:tag``); strips a
    pasted ``ollama pull`` and an ``https://`` scheme. Anything else is refused in plain
    words before a request is made.
    """
    name = text.strip()
    for prefix in _PASTED_PREFIXES:
        if name.lower().startswith(prefix):
            name = name[len(prefix) :].strip()
    for scheme in ("https://", "http://"):
        if name.lower().startswith(scheme):
            name = name[len(scheme) :]
    name = name.rstrip("/")
    if not name or not _NAME.match(name):
        raise KnownError(
            translate("Library", "“{name}” is not a model name Ollama can download.").format(
                name=text.strip()
            ),
            hint=translate(
                "Library",
                "Use a name like qwen2.5:7b, user/model, or hf.co/user/repo (a mirror "
                "host works too: host:port/namespace/model:tag).",
            ),
        )
    return name
