"""The gate for callers without a window: destinations from settings, findings in text.

``destination_for`` turns "provider (or Ollama) + model" into the gate's
``Destination`` the same way for every caller. ``print_findings`` is what ``hearth ask``
prints when the check stops a request (values masked); the command then exits with 3
(nothing sent: use ``--redact`` or ``--send-anyway``), and with 4 when local-only mode
refuses the destination (``app/cli/ask.py``).
"""

from __future__ import annotations

from typing import TextIO

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import Settings
from app.privacy.egress import (
    OLLAMA_PROVIDER,
    Destination,
    ollama_destination,
    provider_destination,
)
from app.privacy.gate import (
    Check,
)


def destination_for(
    provider_id: str | None,
    model: str,
    settings: Settings,
    *,
    ollama_host: str,
    remote_host: str = "",
    remote_model: str = "",
) -> Destination:
    """Where a request for ``model`` goes: Ollama when ``provider_id`` is None/"ollama",
    else the provider preset (with the person's base URL). ``remote_*`` come from the
    Ollama model list (``ModelInfo``) when it is known."""
    if not provider_id or provider_id == OLLAMA_PROVIDER:
        return ollama_destination(
            ollama_host, model, remote_host=remote_host, remote_model=remote_model
        )
    with serial_imports:
        from app.cloud.providers import base_url, get_provider

    provider = get_provider(provider_id)
    return provider_destination(
        provider.id,
        model,
        base_url(provider, settings),
        is_local=provider.is_local,
        name=provider.name,
    )


def _masked(value: str) -> str:
    """Enough to recognise the value in a terminal, not enough to reuse it from a log."""
    flat = " ".join(value.split())
    if len(flat) <= 8:
        return flat[:1] + "…" + flat[-1:] if len(flat) > 2 else "…"
    return f"{flat[:4]}…{flat[-2:]}"


def describe_findings(check: Check) -> list[str]:
    """One line per finding for a terminal (values masked)."""
    lines = []
    system = [m.role == "system" for m in check.request.messages]
    for item in check.ask:
        index = item.message_index
        if system[index]:
            where = translate("Outbound", "System prompt")
        else:
            where = translate("Outbound", "Message {number}").format(
                number=index - sum(system[:index]) + 1
            )
        shown = _masked(item.finding.value) if item.finding is not None else item.excerpt()
        lines.append(f"  - {item.label} ({where}): {shown}")
    return lines


def print_findings(check: Check, out: TextIO) -> None:
    """What ``hearth ask`` prints when the check stops a request (values masked)."""
    print(
        translate(
            "Outbound",
            "hearth: {count} possibly private items would leave this computer. {where}",
        ).format(count=len(check.ask), where=check.where),
        file=out,
    )
    for line in describe_findings(check):
        print(line, file=out)
    print(
        translate(
            "Outbound",
            "Nothing was sent. Run again with --redact to send with these replaced by "
            "labels such as [EMAIL], or --send-anyway to send them as written.",
        ),
        file=out,
    )
