"""Where a request goes, and whether that is off this machine.

Three ways a request leaves the machine although Hearth "talks to a local server":
a cloud provider (obviously), an Ollama *cloud model* that the local Ollama proxies to
ollama.com (Ollama >= 0.12 lists them in ``/api/tags`` with ``remote_model`` /
``remote_host``; their names end in ``-cloud`` or ``:cloud``), and an ``OLLAMA_HOST``
or a "local" preset's base URL that points at another computer. Only the loopback
interface counts as this machine: a server elsewhere on the LAN sees every word.

Everything here is plain data and string work, so the gate, the CLI and the widgets
share one answer.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlparse

from app.core.i18n import translate

OLLAMA_PROVIDER = "ollama"


def host_of(url: str) -> str:
    """The host name of ``url`` (lower case, no brackets), '' when it has none."""
    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    try:
        return (urlparse(text).hostname or "").lower()
    except ValueError:
        return ""


def is_loopback_url(url: str) -> bool:
    """True when ``url`` names this machine: ``localhost``, 127.0.0.0/8 or ``::1``.

    A name we cannot resolve without the network (``my-box.local``, a LAN address) is
    not this machine: saying "stays here" about it would be a guess.
    """
    host = host_of(url)
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified  # 0.0.0.0 reaches this machine


def is_ollama_cloud_name(model: str) -> bool:
    """``gpt-oss:120b-cloud``, ``deepseek-v3.1:671b-cloud``, ``minimax-m2:cloud``.

    The naming Ollama uses for models it runs on ollama.com (docs.ollama.com/cloud, read
    2026-12-01). A safety net for when ``/api/tags`` could not be read: the listing's
    ``remote_host`` is the authoritative sign.
    """
    name = model.strip().lower()
    if ":" not in name:
        return name.endswith("-cloud")
    tag = name.rsplit(":", 1)[1]
    return tag == "cloud" or tag.endswith("-cloud")


@dataclass(frozen=True)
class Destination:
    """Where the next request goes. ``leaves_machine`` decides whether the gate checks it."""

    provider: str
    """``ollama``, ``anthropic``, ``openai``, ``lmstudio``, ..."""
    model: str
    host: str
    """The URL Hearth connects to (the local Ollama for an Ollama cloud model)."""
    leaves_machine: bool
    remote_host: str = ""
    """Where the text really ends up when that differs from ``host`` (Ollama cloud)."""
    name: str = ""
    """The provider's display name."""

    @property
    def key(self) -> str:
        """Identifies the recipient: what one destination saw, another has not."""
        return f"{self.provider}|{self.model}|{self.remote_host or self.host}"

    @property
    def is_ollama_cloud(self) -> bool:
        return self.provider == OLLAMA_PROVIDER and bool(self.remote_host)


def ollama_destination(
    host: str, model: str, *, remote_host: str = "", remote_model: str = ""
) -> Destination:
    """An Ollama request: off the machine for a cloud model or a host elsewhere."""
    cloud = bool(remote_host or remote_model) or is_ollama_cloud_name(model)
    if cloud and not remote_host:
        remote_host = "https://ollama.com:443"  # where Ollama proxies its cloud models
    return Destination(
        provider=OLLAMA_PROVIDER,
        model=model,
        host=host,
        leaves_machine=cloud or not is_loopback_url(host),
        remote_host=remote_host if cloud else "",
        name="Ollama",
    )


def provider_destination(
    provider_id: str, model: str, base_url: str, *, is_local: bool, name: str = ""
) -> Destination:
    """A provider preset: a cloud always leaves; a "local" server only when it is elsewhere."""
    leaves = not is_local or not is_loopback_url(base_url)
    return Destination(provider_id, model, base_url, leaves, name=name or provider_id)


def where_label(destination: Destination) -> str:
    """One line for the status bar, the findings dialog and ``hearth ask``."""
    name = destination.name or destination.provider
    if destination.is_ollama_cloud:
        return translate(
            "Egress", "{model} is an Ollama cloud model: Ollama sends it to {host}."
        ).format(model=destination.model, host=host_of(destination.remote_host))
    if not destination.leaves_machine:
        return translate("Egress", "{name} on this computer").format(name=name)
    if destination.provider == OLLAMA_PROVIDER or _looks_lan(destination.host):
        return translate("Egress", "{name} on another computer ({host})").format(
            name=name, host=host_of(destination.host)
        )
    return translate("Egress", "{name} ({host}), outside this computer").format(
        name=name, host=host_of(destination.host)
    )


def model_label(name: str, *, remote_host: str = "") -> str:
    """The model picker's text for an Ollama model: cloud ones carry a cloud mark."""
    if remote_host or is_ollama_cloud_name(name):
        return translate("Egress", "☁ {model} (Ollama cloud)").format(model=name)
    return name


def model_tooltip(name: str, *, remote_host: str = "") -> str:
    """Why a model is marked: empty for a local one."""
    if remote_host or is_ollama_cloud_name(name):
        return translate(
            "Egress",
            "Runs on {host}, not on this computer: what you send is checked for private "
            "data first, and local-only mode blocks it.",
        ).format(host=host_of(remote_host) or "ollama.com")
    return ""


def ollama_host_label(host: str) -> str:
    """The status bar's note for an ``OLLAMA_HOST`` on another computer; '' when local."""
    if is_loopback_url(host):
        return ""
    return translate("Egress", "Ollama runs on another computer: {host}").format(host=host_of(host))


def _looks_lan(url: str) -> bool:
    host = host_of(url)
    if host.endswith((".local", ".lan", ".home.arpa")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_private or address.is_link_local
