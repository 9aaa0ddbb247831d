"""Property tests: the fast grouped report equals pricing every request on its own,
amounts are never NaN, savings add up across days and months, currency round-trips,
and the baseline grows with every turn whatever Ollama's prompt cache reports."""

from __future__ import annotations

import itertools
import tempfile
import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.chat.service import run_reply
from app.engines.base import ChatMessage, ChatRequest
from app.engines.ollama import OllamaEngine
from app.ledger.baseline import make_baseline
from app.ledger.money import to_currency, to_usd
from app.ledger.report import build_month_report, month_bounds
from app.ledger.settings import LedgerConfig
from app.storage.records import UsageRecord
from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens
from tests.unit.ledger_seed import local, seeded

START = datetime(2025, 4, 28, tzinfo=UTC)
TOLERANCE = Decimal("1e-12")

records = st.lists(
    st.builds(
        lambda minutes, context, output, energy, failed, conversation: local(
            START + timedelta(minutes=minutes),
            context,
            output,
            energy_j=energy,
            outcome="failed" if failed else "ok",
            conversation=conversation,
            wall_ms=float(output * 20),
        ),
        st.one_of(st.integers(0, 20), st.integers(0, 60 * 24 * 40)),
        st.one_of(
            st.integers(0, 40_000),
            st.integers(190_000, 300_000),
            st.sampled_from([200_000, 200_001]),
        ),
        st.integers(0, 4_000),
        st.one_of(st.none(), st.floats(0, 1e6, allow_nan=False)),
        st.booleans(),
        st.one_of(st.none(), st.integers(1, 3)),
    ),
    max_size=40,
).map(lambda rows: sorted(rows, key=lambda r: r.ts))  # recorded in the order they happened
configs = st.sampled_from(
    [
        LedgerConfig(),
        LedgerConfig(cache_discount=True),
        LedgerConfig(baseline_model="deepseek:deepseek-chat"),  # off-peak hours
        LedgerConfig(currency="CNY", fx_rate=Decimal("7.13"), electricity_per_kwh=Decimal(1)),
    ]
)
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _one_by_one(config: LedgerConfig, rows: list[UsageRecord], month: str) -> Decimal:
    """The reference: every billable local request priced on its own by genai-prices."""
    baseline = make_baseline(config)
    start, end = month_bounds(month, UTC)
    total = Decimal(0)
    previous: dict[int, UsageRecord] = {}
    for row in sorted(rows, key=lambda r: r.ts):
        cacheable = 0
        prior = previous.get(row.conversation_id or -1)
        if prior is not None and row.ts - prior.ts <= timedelta(minutes=5):
            cacheable = min(row.context_tokens, prior.context_tokens + prior.output_tokens_estimate)
        if row.conversation_id is not None:
            previous[row.conversation_id] = row
        if start <= row.ts < end and row.outcome != "failed":
            total += baseline.price_request(
                row.ts, row.context_tokens, row.output_tokens_estimate, cacheable
            )
    return total


@FAST
@given(rows=records, config=configs)
def test_grouped_baseline_equals_pricing_each_request(
    rows: list[UsageRecord], config: LedgerConfig
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        conn = seeded(Path(folder) / "db.sqlite3", rows)
        for month in ("2025-04", "2025-05", "2025-06"):
            report = build_month_report(conn, month, config)
            expected = _one_by_one(config, rows, month)
            assert abs(report.totals.local_baseline - expected) <= TOLERANCE, month
        conn.close()


@FAST
@given(rows=records, config=configs)
def test_never_nan_and_additive_across_days_and_months(
    rows: list[UsageRecord], config: LedgerConfig
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        conn = seeded(Path(folder) / "db.sqlite3", rows)
        cumulative = Decimal(0)
        for month in ("2025-04", "2025-05", "2025-06"):
            report = build_month_report(conn, month, config)
            t = report.totals
            for amount in (t.baseline, t.cloud_spend, t.electricity, t.net_saved):
                assert amount.is_finite()
            assert report.cumulative_saved.is_finite()
            by_days = sum((d.amounts.net_saved for d in report.days), Decimal(0))
            assert abs(by_days - t.net_saved) <= TOLERANCE
            cumulative += t.net_saved
            assert abs(report.cumulative_saved - cumulative) <= TOLERANCE
        conn.close()


@given(
    amount=st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, places=6),
    rate=st.decimals(min_value=Decimal("0.0001"), max_value=10**5, allow_nan=False, places=4),
)
def test_currency_conversion_round_trips(amount: Decimal, rate: Decimal) -> None:
    assert abs(to_usd(to_currency(amount, rate), rate) - amount) <= Decimal("1e-15")
    assert abs(to_currency(to_usd(amount, rate), rate) - amount) <= Decimal("1e-15")


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(turns=st.lists(st.text(min_size=1, max_size=300), min_size=2, max_size=5))
def test_baseline_grows_every_turn_even_with_cache_reduced_counts(
    fake_ollama: FakeOllama, turns: list[str]
) -> None:
    """Ollama reports only re-evaluated tokens after a cache hit (or nothing at all); the
    baseline must still bill the whole, growing conversation every turn."""
    fake_ollama.chat_scripts[:] = [
        ChatScript(
            split_tokens("Sure, here is a short answer."),
            cache_reduced=turn % 2 == 1,
            omit_prompt_eval_count=turn % 3 == 2,
        )
        for turn in range(len(turns))
    ]
    engine = OllamaEngine(fake_ollama.url)
    history = [ChatMessage("system", "Be brief.")]
    recorded: list[UsageRecord] = []
    for text in turns:
        history.append(ChatMessage("user", text))
        reply = run_reply(
            engine, ChatRequest("llama3.2", tuple(history)), threading.Event(), lambda _: None
        )
        history.append(ChatMessage("assistant", reply.content))
        recorded.append(reply.usage)
    baseline = make_baseline(LedgerConfig())
    prices = [
        baseline.price_request(r.ts, r.context_tokens, r.output_tokens_estimate, 0)
        for r in recorded
    ]
    assert all(later > earlier for earlier, later in itertools.pairwise(prices))
    # Turn 2 was cache-reduced: Ollama counted fewer tokens than the context sent.
    assert recorded[1].input_tokens is not None
    assert recorded[1].input_tokens < recorded[1].context_tokens
