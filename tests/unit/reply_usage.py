"""Usage rows of one local and one cloud reply, for the reply-details tests (not a test
module)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from app.storage.records import UsageRecord

WHEN = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)


def local_usage(conversation: int, message: int, **changes: object) -> UsageRecord:
    values: dict[str, object] = {
        "ts": WHEN,
        "engine": "ollama",
        "provider": "ollama",
        "model": "qwen3:8b",
        "is_local": True,
        "outcome": "ok",
        "context_tokens": 12_345,
        "output_tokens_estimate": 800,
        "input_tokens": 12_000,
        "output_tokens": 812,
        "eval_duration_ns": 20_300_000_000,  # 812 tokens in 20.3 s: 40.0 tokens/s
        "ttft_ms": 350.0,
        "wall_ms": 21_000.0,
        "energy_j": 4_200.0,
        "energy_source": "nvml-energy",
        "conversation_id": conversation,
        "message_id": message,
    }
    values.update(changes)
    return UsageRecord(**values)  # type: ignore[arg-type]


def cloud_usage(conversation: int, message: int) -> UsageRecord:
    return UsageRecord(
        ts=WHEN,
        engine="openai",
        provider="deepseek",
        model="deepseek-chat",
        is_local=False,
        outcome="ok",
        context_tokens=2_000,
        output_tokens_estimate=500,
        input_tokens=2_048,
        output_tokens=512,
        ttft_ms=900.0,
        wall_ms=6_000.0,
        cost_amount=Decimal("0.0123"),
        cost_currency="CNY",
        price_source="genai-prices 0.2.3",
        conversation_id=conversation,
        message_id=message,
    )
