"""Plain records read from and written to the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Literal

MessageStatus = Literal["ok", "streaming", "stopped", "failed"]
Outcome = Literal["ok", "stopped", "failed"]


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_db_time(moment: datetime) -> str:
    """UTC ISO-8601 with a fixed width, so text order is time order in SQL."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


@dataclass(frozen=True)
class Conversation:
    id: int
    title: str
    created_at: datetime
    updated_at: datetime
    model: str = ""
    system_prompt: str = ""
    cloud_provider: str | None = None
    cloud_model: str | None = None
    think: str | None = None
    """Issue 16: the person's Think choice here ('on', 'off', 'low', 'medium', 'high'),
    None for the model's default (see app/chat/thinking.py)."""

    @property
    def escalated(self) -> bool:
        return bool(self.cloud_provider)


@dataclass(frozen=True)
class Attachment:
    mime: str
    data: bytes
    name: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: int
    role: Literal["system", "user", "assistant"]
    content: str
    created_at: datetime
    engine: str = ""
    model: str = ""
    status: MessageStatus = "ok"
    error: str = ""
    attachments: tuple[Attachment, ...] = field(default=())
    thinking: str = ""
    """Issue 16: the reasoning the model streamed before its answer (plain text)."""
    thinking_ms: int | None = None
    """How long the model thought, from its first thinking to its first answer token."""
    usage: UsageRecord | None = None
    """A reply's usage row (read with its page of messages); None if none was recorded."""


@dataclass(frozen=True)
class UsageRecord:
    """Everything known about one reply: the raw material of the savings ledger."""

    ts: datetime
    engine: str
    model: str
    is_local: bool
    outcome: Outcome
    context_tokens: int
    """Hearth's estimate of the full context sent (what a cloud would bill as input)."""
    output_tokens_estimate: int
    wall_ms: float
    conversation_id: int | None = None
    message_id: int | None = None
    provider: str = ""
    input_tokens: int | None = None
    cached_input_tokens: int | None = None
    cache_write_tokens: int | None = None
    output_tokens: int | None = None
    usage_estimated: bool = False
    load_duration_ns: int | None = None
    prompt_eval_duration_ns: int | None = None
    eval_duration_ns: int | None = None
    total_duration_ns: int | None = None
    done_reason: str | None = None
    ttft_ms: float | None = None
    cost_usd: Decimal | None = None
    """A cost billed in US dollars (None when unknown or billed in another currency)."""
    price_source: str = ""
    energy_j: float | None = None
    energy_source: str = ""
    cost_amount: Decimal | None = None
    """A cost billed in ``cost_currency`` when that is not USD (schema step 7)."""
    cost_currency: str = "USD"
    id: int | None = None
