"""Which local engines Hearth looks for, where, and how a model is named across them.

Default addresses, each from the engine's own documentation (read 2026-12-01):

- Ollama ``http://127.0.0.1:11434`` (``OLLAMA_HOST`` overrides; docs/faq.md);
- LM Studio ``http://127.0.0.1:1234`` (lmstudio.ai/docs/developer/rest/quickstart:
  "By default, the server is available at http://localhost:1234"; OpenAI API under
  ``/v1``, its own REST API under ``/api/v0``);
- llama.cpp ``llama-server`` ``http://127.0.0.1:8080`` (tools/server/README.md
  ``--port`` default 8080; ``/v1``, ``/props``, ``/health``);
- Jan ``http://127.0.0.1:1337`` (jan.ai/docs/local-api: "JAN API listening at
  http://127.0.0.1:1337", API prefix ``/v1``, an API key required on every request);
- vLLM ``http://127.0.0.1:8000`` (docs.vllm.ai "OpenAI-Compatible Server", ``--port``
  default 8000; ``/v1/models`` carries ``max_model_len``);
- text-generation-webui ``http://127.0.0.1:5000`` (its wiki "12 - OpenAI API":
  ``--api`` listens on 5000; ``/v1/internal/model/info`` names the loaded model).

A **model reference** names one model on one engine in a single string, for a combo
box's item data or a settings value: ``"<engine_id>|<base_url>|<model>"``, e.g.
``"llamacpp|http://127.0.0.1:8080|smollm2"``. The base URL is the server's root (no
``/v1``); the model is the engine's own id and may itself contain ``|``-free text such
as ``hf.co/user/repo:Q4_K_M``. :func:`format_ref` / :func:`parse_ref` are the only code
that builds or reads one.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlparse

from app.core.i18n import translate
from app.core.settings import Setting, declare
from app.core.validate import InvalidInputError, server_url


@dataclass(frozen=True)
class EngineKind:
    id: str
    """Stored with each reply (``engine_id``): ``ollama``, ``lmstudio``, ``llamacpp``…"""
    name: str
    default_url: str
    api_path: str
    """Where the OpenAI-compatible API lives below the root (``/v1``); "" for Ollama."""
    needs_key: bool = False


OLLAMA = EngineKind("ollama", "Ollama", "http://127.0.0.1:11434", "")
LMSTUDIO = EngineKind("lmstudio", "LM Studio", "http://127.0.0.1:1234", "/v1")
LLAMACPP = EngineKind("llamacpp", "llama.cpp", "http://127.0.0.1:8080", "/v1")
JAN = EngineKind("jan", "Jan", "http://127.0.0.1:1337", "/v1", needs_key=True)
VLLM = EngineKind("vllm", "vLLM", "http://127.0.0.1:8000", "/v1")
TEXTGEN = EngineKind("textgen", "text-generation-webui", "http://127.0.0.1:5000", "/v1")
GENERIC = EngineKind("local", "Local server", "", "/v1")
"""An OpenAI-compatible server at an address the person added that is none of the above."""

KINDS: tuple[EngineKind, ...] = (OLLAMA, LMSTUDIO, LLAMACPP, JAN, VLLM, TEXTGEN)
_BY_ID = {kind.id: kind for kind in (*KINDS, GENERIC)}


def kind_for(engine_id: str) -> EngineKind:
    return _BY_ID.get(engine_id, GENERIC)


# --- model references -----------------------------------------------------------------

SEPARATOR = "|"


@dataclass(frozen=True)
class ModelRef:
    engine_id: str
    base_url: str
    model: str

    def __str__(self) -> str:
        return format_ref(self.engine_id, self.base_url, self.model)


def format_ref(engine_id: str, base_url: str, model: str) -> str:
    return SEPARATOR.join((engine_id, normalize_url(base_url), model))


def parse_ref(text: str) -> ModelRef | None:
    """The reference in ``text``, or None for anything else (e.g. a bare model name
    stored by an older Hearth, which callers treat as an Ollama model)."""
    parts = text.split(SEPARATOR, 2)
    if len(parts) != 3 or not all(parts):
        return None
    return ModelRef(parts[0], parts[1], parts[2])


# --- addresses --------------------------------------------------------------------------


def normalize_url(text: str) -> str:
    """``localhost:1234/v1/`` → ``http://localhost:1234``: scheme added, API path and
    trailing slash dropped, so one server has one spelling."""
    url = text.strip().rstrip("/")
    if url and "://" not in url:
        url = f"http://{url}"
    for suffix in ("/v1", "/api"):
        if url.endswith(suffix):
            url = url[: -len(suffix)]
    return url.rstrip("/")


def is_local_address(url: str) -> bool:
    """True for loopback, private-network and ``.local`` hosts: what stays on this
    machine or the LAN. Anything else would be a cloud and is refused as a local engine."""
    host = (urlparse(url).hostname or "").lower()
    if host == "localhost" or host.endswith((".localhost", ".local")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


def address_problem(text: str) -> str | None:
    """Why ``text`` cannot be a local engine address, in the person's words; None if fine.
    Scheme, host and port are checked by the shared rule (``app.core.validate``); on top
    of it the host must be on this machine or the LAN."""
    url = normalize_url(text)
    try:
        server_url(url, what=translate("Engines", "The address"))
    except InvalidInputError as exc:
        return str(exc)
    if not is_local_address(url):
        return translate(
            "Engines",
            "{address} is not on this computer or your local network. Hearth only adds "
            "local servers here (set up a cloud service in Tools → API keys…).",
        ).format(address=text.strip())
    return None


def _valid_extra(value: str) -> str | None:
    for line in split_addresses(value):
        problem = address_problem(line)
        if problem is not None:
            return problem
    return None


def split_addresses(value: str) -> list[str]:
    """The addresses in the setting's text (one a line or comma-separated), normalized,
    without duplicates, in order."""
    seen: list[str] = []
    for part in value.replace(",", "\n").splitlines():
        url = normalize_url(part)
        if url and url not in seen:
            seen.append(url)
    return seen


EXTRA_ADDRESSES = declare(
    Setting(
        "engines/extra_addresses",
        "",
        "Other local servers (one address a line)",
        validate=_valid_extra,
    )
)


def default_addresses(ollama_url: str) -> list[tuple[str, EngineKind]]:
    """Each engine's documented default address (Ollama's as configured)."""
    found = [(normalize_url(ollama_url), OLLAMA)]
    found += [(kind.default_url, kind) for kind in KINDS if kind is not OLLAMA]
    return found


def add_address(current: str, address: str) -> str:
    """The setting's text with ``address`` added (validated; raises ValueError)."""
    problem = address_problem(address)
    if problem is not None:
        raise ValueError(problem)
    addresses = split_addresses(current)
    url = normalize_url(address)
    if url not in addresses:
        addresses.append(url)
    return "\n".join(addresses)
