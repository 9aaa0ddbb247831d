"""Seeding real ledger databases for the ledger tests (not a test module)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from app.storage import repo
from app.storage.db import open_database
from app.storage.records import Outcome, UsageRecord


def local(
    ts: datetime,
    context: int,
    output: int,
    *,
    energy_j: float | None = None,
    source: str = "nvml-energy",
    wall_ms: float = 1000.0,
    conversation: int | None = None,
    outcome: Outcome = "ok",
    model: str = "llama3.2",
) -> UsageRecord:
    return UsageRecord(
        ts=ts,
        engine="ollama",
        provider="ollama",
        model=model,
        is_local=True,
        outcome=outcome,
        context_tokens=context,
        output_tokens_estimate=output,
        output_tokens=output,
        wall_ms=wall_ms,
        conversation_id=conversation,
        energy_j=energy_j,
        energy_source=source if energy_j is not None else "",
    )


def cloud(ts: datetime, context: int, output: int, cost: str) -> UsageRecord:
    return UsageRecord(
        ts=ts,
        engine="anthropic",
        provider="anthropic",
        model="claude-sonnet-4-5",
        is_local=False,
        outcome="ok",
        context_tokens=context,
        output_tokens_estimate=output,
        output_tokens=output,
        wall_ms=2000.0,
        cost_usd=Decimal(cost),
        price_source="genai-prices: Anthropic Claude Sonnet 4.5",
    )


def seeded(path: Path, records: list[UsageRecord]):  # type: ignore[no-untyped-def]
    """A migrated database at ``path`` holding ``records``; returns the open connection."""
    conn = open_database(path).connection
    for record in records:
        repo.record_usage(conn, record)
    return conn


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
