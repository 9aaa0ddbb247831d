"""The gate for callers without a window: destinations from settings, and ``hearth ask``.

``destination_for`` turns "provider (or Ollama) + model" into the gate's
``Destination`` the same way for every caller. ``gate_for_cli`` is the whole gate for
the command line: it prints what was found and tells ``hearth ask`` what to do.

Exit codes (documented in ``hearth ask --help`` by the CLI):

- ``EXIT_FINDINGS`` (3): private items found and neither ``--redact`` nor
  ``--send-anyway`` given; nothing was sent.
- ``EXIT_BLOCKED`` (4): local-only mode is on and the destination is off this machine
  (a cloud provider, an Ollama cloud model, a server elsewhere); nothing was sent.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import LOCAL_ONLY, Settings
from app.engines.base import ChatRequest
from app.privacy.egress import (
    OLLAMA_PROVIDER,
    Destination,
    ollama_destination,
    provider_destination,
)
from app.privacy.gate import (
    Action,
    Check,
    Decision,
    History,
    Outbound,
    Status,
    apply_decision,
    check_outbound,
)

EXIT_FINDINGS = 3
EXIT_BLOCKED = 4


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


@dataclass(frozen=True)
class CliGate:
    """What ``hearth ask`` does next: send ``outbound.request``, or exit with ``exit_code``."""

    exit_code: int
    outbound: Outbound | None
    check: Check


def gate_for_cli(
    request: ChatRequest,
    destination: Destination,
    settings: Settings,
    *,
    redact: bool = False,
    send_anyway: bool = False,
    allowances: Mapping[str, Action] | None = None,
    history: History | None = None,
    err: TextIO | None = None,
) -> CliGate:
    """The outbound gate for ``hearth ask``. ``exit_code`` 0 means: send ``outbound``.

    ``redact`` and ``send_anyway`` answer the question in advance (the CLI makes them
    mutually exclusive); without either, findings stop the request with
    ``EXIT_FINDINGS`` after printing them to ``err`` (stderr).
    """
    out = err if err is not None else sys.stderr
    check = check_outbound(
        request,
        destination,
        local_only=settings.get(LOCAL_ONLY),
        allowances=allowances,
        history=history,
    )
    if check.status is Status.BLOCKED:
        print(f"hearth: {check.refusal}", file=out)
        return CliGate(EXIT_BLOCKED, None, check)
    if check.status is Status.ASK:
        if not (redact or send_anyway):
            print_findings(check, out)
            return CliGate(EXIT_FINDINGS, None, check)
        decision = Decision(Action.REDACT if redact else Action.SEND)
        outbound = apply_decision(check, decision)
        if redact:
            print(
                translate(
                    "Outbound", "hearth: {count} private items were replaced before sending."
                ).format(count=len(check.ask)),
                file=out,
            )
        return CliGate(0, outbound, check)
    return CliGate(0, apply_decision(check, None), check)
