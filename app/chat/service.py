"""One reply, start to finish, on a background thread.

The GUI passes a callback that receives text deltas (it batches them per frame); this
module measures time to first token and wall time, asks the energy probe and the pricer,
and returns the finished reply with its usage record. Engine failures do not raise out
of here: they come back as a failed reply that keeps whatever text had arrived.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from app.cloud.retired import name_successor
from app.core.i18n import translate
from app.engines.base import (
    ChatEngine,
    ChatRequest,
    EngineError,
    ErrorKind,
    ReplyFinished,
    ReplyUsage,
    TextDelta,
    ThinkingDelta,
)
from app.engines.tokens import estimate_context_tokens, estimate_text_tokens
from app.ledger.reconcile import CUT_REASON, NO_WORK_SOURCE
from app.storage.records import Outcome, UsageRecord, utc_now

log = logging.getLogger(__name__)


class EnergyProbe(Protocol):
    """Measures the energy a local reply used (NVML counter, power samples, or a wattage)."""

    def begin(self) -> object: ...

    def end(self, handle: object, wall_seconds: float) -> tuple[float | None, str]:
        """Joules used since ``begin`` (None if unknown) and how it was measured."""
        ...


class LazyEnergyProbe:
    """Builds the real probe on first use, on the thread that runs the reply."""

    def __init__(self, factory: Callable[[], EnergyProbe]) -> None:
        self._factory = factory
        self._probe: EnergyProbe | None = None
        self._lock = threading.Lock()

    def _get(self) -> EnergyProbe:
        with self._lock:
            if self._probe is None:
                self._probe = self._factory()
            return self._probe

    def begin(self) -> object:
        return self._get().begin()

    def end(self, handle: object, wall_seconds: float) -> tuple[float | None, str]:
        return self._get().end(handle, wall_seconds)


class Pricer(Protocol):
    """Prices a cloud reply from what the provider reported: (amount or None when no
    price is known, where the price came from, the amount's currency)."""

    def __call__(
        self, provider: str, model: str, usage: ReplyUsage, context_tokens: int, at: datetime
    ) -> tuple[Decimal | None, str, str]: ...


class LazyPricer:
    """Builds the real pricer at the first cloud reply, on the thread that prices it:
    the price tables (genai-prices, pydantic) take ~0.1 s to import at start-up."""

    def __init__(self, factory: Callable[[], Pricer]) -> None:
        self._factory = factory
        self._pricer: Pricer | None = None
        self._lock = threading.Lock()

    def __call__(
        self, provider: str, model: str, usage: ReplyUsage, context_tokens: int, at: datetime
    ) -> tuple[Decimal | None, str, str]:
        with self._lock:
            if self._pricer is None:
                self._pricer = self._factory()
        return self._pricer(provider, model, usage, context_tokens, at)


@dataclass(frozen=True)
class Reply:
    content: str
    thinking: str
    outcome: Outcome
    error: EngineError | None
    usage: UsageRecord


@dataclass
class _Streamed:
    """What came out of an engine's stream, however it ended."""

    first_token: float | None = None
    parts: list[str] = field(default_factory=list)
    thinking: list[str] = field(default_factory=list)
    usage: ReplyUsage | None = None
    error: EngineError | None = None


def _read_stream(
    engine: ChatEngine,
    request: ChatRequest,
    cancel: threading.Event,
    on_delta: Callable[[str], None],
    on_thinking: Callable[[str], None] | None,
) -> _Streamed:
    streamed = _Streamed()
    try:
        for event in engine.stream_chat(request, cancel):
            if isinstance(event, TextDelta):
                if streamed.first_token is None and event.text:
                    streamed.first_token = time.perf_counter()
                streamed.parts.append(event.text)
                on_delta(event.text)
            elif isinstance(event, ThinkingDelta):
                if streamed.first_token is None:
                    streamed.first_token = time.perf_counter()
                streamed.thinking.append(event.text)
                if on_thinking is not None:
                    on_thinking(event.text)
            elif isinstance(event, ReplyFinished):
                streamed.usage = event.usage
            if cancel.is_set():
                break
    except EngineError as exc:
        # h14: a retired cloud model id names its successor
        streamed.error = name_successor(exc, engine.engine_id, request.model)
    except Exception as exc:  # a bug, not the engine's answer: still keep the text
        log.exception("the reply stream failed unexpectedly")
        streamed.error = unexpected_failure(exc)
    return streamed


def unexpected_failure(exc: BaseException) -> EngineError:
    """How a fault in Hearth itself, while a reply was read, is shown on that reply."""
    detail = translate("Chat", "Hearth failed while reading the reply: {error}")
    return EngineError(ErrorKind.SERVER, detail.format(error=exc))


def run_reply(
    engine: ChatEngine,
    request: ChatRequest,
    cancel: threading.Event,
    on_delta: Callable[[str], None],
    *,
    conversation_id: int | None = None,
    message_id: int | None = None,
    provider: str = "",
    energy_probe: EnergyProbe | None = None,
    pricer: Pricer | None = None,
    on_thinking: Callable[[str], None] | None = None,
    leaves_machine: bool = False,
) -> Reply:
    """``leaves_machine`` (issue 12): a "local" engine's reply produced elsewhere (an
    Ollama cloud model, an Ollama on another computer) is cloud use, not savings."""
    started_at = utc_now()
    start = time.perf_counter()
    probe_handle = energy_probe.begin() if energy_probe is not None else None
    streamed = _read_stream(engine, request, cancel, on_delta, on_thinking)
    first_token, parts, thinking = streamed.first_token, streamed.parts, streamed.thinking
    usage, error = streamed.usage, streamed.error

    wall = time.perf_counter() - start
    content = "".join(parts)
    if error is not None:
        outcome: Outcome = "failed"
    elif usage is None:
        outcome = "stopped"
    else:
        outcome = "ok"
    usage = usage or ReplyUsage()

    # Issue 12: a reply an Ollama cloud model wrote (its lines carry remote_host) left
    # the machine: cloud use, not savings, no local energy, price unknown.
    is_local = engine.is_local and not leaves_machine and not usage.remote_host
    energy_j: float | None = None
    energy_source = ""
    if energy_probe is not None and is_local:
        energy_j, energy_source = energy_probe.end(probe_handle, wall)
        if error is not None and first_token is None:
            # Failed before any token (nothing listening, refused): the engine did no
            # work for this reply, so it is charged no electricity (ledger issue 14).
            energy_j, energy_source = 0.0, NO_WORK_SOURCE

    context_estimate = estimate_context_tokens(request.messages)
    reported_context = (
        (usage.input_tokens or 0)
        + (usage.cached_input_tokens or 0)
        + (usage.cache_write_tokens or 0)
    )
    # A cloud bills the whole context every turn. Ollama may report only the tokens it
    # re-evaluated (prompt cache), so the larger of report and estimate is the honest one.
    # A cloud provider's own count is what it bills: keep it where it reported one.
    context_tokens = max(reported_context, context_estimate)
    if not engine.is_local and usage.input_tokens is not None and not usage.estimated:
        context_tokens = reported_context
    output_estimate = (
        usage.output_tokens
        if usage.output_tokens is not None
        else estimate_text_tokens(content + "".join(thinking))
    )

    cost: Decimal | None = None
    price_source = ""
    currency = "USD"
    ledger_outcome: Outcome = outcome
    done_reason = usage.done_reason
    if engine.is_local and not is_local:
        price_source = translate(
            "Pricing",
            "ran off this computer (an Ollama cloud model or another server): price unknown",
        )
    elif pricer is not None and not engine.is_local:
        cost, price_source, currency, ledger_outcome, usage = _cloud_charge(
            pricer, provider, request.model, usage, streamed, outcome, context_tokens,
            output_estimate, started_at,
        )  # fmt: skip
        done_reason = usage.done_reason

    record = UsageRecord(
        ts=started_at,
        engine=engine.engine_id,
        provider=provider or engine.engine_id,
        model=request.model,
        is_local=is_local,
        outcome=ledger_outcome,
        context_tokens=context_tokens,
        output_tokens_estimate=output_estimate,
        wall_ms=wall * 1000,
        ttft_ms=None if first_token is None else (first_token - start) * 1000,
        conversation_id=conversation_id,
        message_id=message_id,
        input_tokens=usage.input_tokens,
        cached_input_tokens=usage.cached_input_tokens,
        cache_write_tokens=usage.cache_write_tokens,
        output_tokens=usage.output_tokens,
        usage_estimated=usage.estimated,
        load_duration_ns=usage.load_duration_ns,
        prompt_eval_duration_ns=usage.prompt_eval_duration_ns,
        eval_duration_ns=usage.eval_duration_ns,
        total_duration_ns=usage.total_duration_ns,
        done_reason=done_reason,
        cost_usd=cost if currency == "USD" else None,
        cost_amount=cost if currency != "USD" else None,
        cost_currency=currency,
        price_source=price_source,
        energy_j=energy_j,
        energy_source=energy_source,
    )
    return Reply(content, "".join(thinking), outcome, error, record)


def _cloud_charge(
    pricer: Pricer,
    provider: str,
    model: str,
    usage: ReplyUsage,
    streamed: _Streamed,
    outcome: Outcome,
    context_tokens: int,
    output_estimate: int,
    at: datetime,
) -> tuple[Decimal | None, str, str, Outcome, ReplyUsage]:
    """What a cloud attempt cost, as the ledger records it.

    Nothing came back and nothing was reported (401, 429, unreachable, cut before the
    first token): billed nothing, recorded as failed so no count treats it as a reply.
    Text came back but the stream was cut or stopped before the provider's usage line:
    the provider bills what it generated, so it is priced from Hearth's estimate and
    marked estimated (a cut stream is recorded as stopped, with done_reason "cut").
    """
    if streamed.usage is None and streamed.first_token is None:
        kind = streamed.error.kind.value if streamed.error is not None else outcome
        words = translate("Pricing", "Billed nothing: no reply came back ({reason}).")
        return Decimal(0), words.format(reason=kind), "USD", "failed", usage
    ledger_outcome: Outcome = "stopped" if outcome == "failed" else outcome
    if streamed.usage is None:
        usage = replace(
            usage,
            input_tokens=context_tokens,
            output_tokens=output_estimate,
            estimated=True,
            done_reason=CUT_REASON if outcome == "failed" else usage.done_reason,
        )
    cost, source, currency = pricer(provider, model, usage, context_tokens, at)
    if usage.estimated:
        words = translate(
            "Pricing", "Estimated from Hearth's token count (no usage report): {source}"
        )
        source = words.format(source=source)
    return cost, source, currency, ledger_outcome, usage
