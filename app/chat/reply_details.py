"""What one reply took and what it cost or saved: the figures behind its detail line.

The usage table holds one row per reply (written with the reply's text, in one
transaction); this module turns a row into what the person is shown. Money comes from
the ledger's own code, never recomputed here: a cloud reply's cost is what the pricer
recorded when it finished, in the currency it was billed in; a local reply's saving is
``app.ledger.ledger.reply_saving`` — what the baseline cloud would have charged, minus the
electricity — in the person's currency. Qt-free, so it is tested without a window and
runs on a worker thread (pricing a local reply imports genai-prices and takes ~0.1 ms).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from app.core.lazy import serial_imports
from app.ledger.settings import LedgerConfig
from app.storage.records import Outcome, UsageRecord

MoneyKind = Literal["cost", "saved", "none"]


@dataclass(frozen=True)
class ReplyDetails:
    usage_id: int | None
    model: str
    is_local: bool
    outcome: Outcome
    finished_at: datetime
    """When the reply ended (the usage row's time, UTC)."""
    input_tokens: int
    input_estimated: bool
    """True when the engine reported no input count and Hearth's context estimate is shown."""
    output_tokens: int
    output_estimated: bool
    context_tokens: int
    """Hearth's estimate of the whole context sent: what a cloud bills as input (Ollama's
    own count leaves out what its prompt cache served)."""
    tokens_per_s: float | None
    ttft_s: float | None
    wall_s: float
    money_kind: MoneyKind
    amount: Decimal | None
    """The cloud cost (``money_kind == "cost"``) or the local saving (``"saved"``)."""
    currency: str
    baseline: Decimal | None = None
    """Local only: what the baseline cloud would have charged, in ``currency``."""
    electricity: Decimal | None = None
    energy_estimated: bool = False
    provenance: str = ""
    price_known: bool = True
    """False for a cloud reply whose price was not known when it was recorded."""


def _speed(record: UsageRecord, output: int) -> float | None:
    """Tokens a second while generating: the engine's own timing when it gave one
    (Ollama's eval_duration), else the time after the first token."""
    if output <= 0:
        return None
    if record.eval_duration_ns:
        return output / (record.eval_duration_ns / 1e9)
    generating_ms = record.wall_ms - (record.ttft_ms or 0.0)
    if generating_ms <= 0:
        return None
    return output / (generating_ms / 1000)


def reply_details(record: UsageRecord, config: LedgerConfig) -> ReplyDetails:
    with serial_imports:  # genai-prices is imported at the first local reply priced
        from app.ledger.ledger import reply_saving

    input_estimated = record.input_tokens is None
    output_estimated = record.output_tokens is None
    output = record.output_tokens_estimate if output_estimated else record.output_tokens or 0
    common = {
        "usage_id": record.id,
        "model": record.model,
        "is_local": record.is_local,
        "outcome": record.outcome,
        "finished_at": record.ts,
        "input_tokens": record.context_tokens if input_estimated else record.input_tokens or 0,
        "input_estimated": input_estimated,
        "output_tokens": output,
        "output_estimated": output_estimated,
        "context_tokens": record.context_tokens,
        "tokens_per_s": _speed(record, output),
        "ttft_s": None if record.ttft_ms is None else record.ttft_ms / 1000,
        "wall_s": record.wall_ms / 1000,
    }
    if not record.is_local:
        # As billed and recorded: in its own currency, not converted.
        if record.cost_amount is not None:
            amount, currency = record.cost_amount, record.cost_currency
        elif record.cost_usd is not None:
            amount, currency = record.cost_usd, "USD"
        else:
            amount, currency = None, record.cost_currency
        return ReplyDetails(
            **common,  # type: ignore[arg-type]
            money_kind="cost",
            amount=amount,
            currency=currency,
            provenance=record.price_source,
            price_known=amount is not None,
        )
    saving = reply_saving(record, config)
    return ReplyDetails(
        **common,  # type: ignore[arg-type]
        money_kind="saved",
        amount=saving.saved,
        currency=config.currency,
        baseline=saving.baseline,
        electricity=saving.electricity,
        energy_estimated=saving.energy_estimated,
        provenance=saving.provenance,
    )
