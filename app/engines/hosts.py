"""Where Ollama listens. Kept apart from the engine so that knowing the address does not
import the ``ollama`` client, httpx and pydantic (~0.35 s) while the window opens."""

from __future__ import annotations

import os

DEFAULT_HOST = "http://127.0.0.1:11434"


def ollama_host(host: str | None = None) -> str:
    """The server URL: ``host``, else ``OLLAMA_HOST``, else the default, with scheme and port."""
    text = (host or os.environ.get("OLLAMA_HOST") or DEFAULT_HOST).strip().rstrip("/")
    if "://" not in text:
        text = f"http://{text}"
    scheme, _, rest = text.partition("://")
    hostport = rest.split("/", 1)[0]
    if not hostport.rsplit("]", 1)[-1].count(":"):  # no port given (IPv6-safe)
        default_port = {"http": 11434, "https": 443}.get(scheme, 11434)
        text = text.replace(hostport, f"{hostport or '127.0.0.1'}:{default_port}", 1)
    return text
