"""Worked examples for the monthly report, computed by hand (fixed timestamps, UTC).

Baseline: Anthropic Claude Sonnet 4.5 in genai-prices: $3 / $15 per million input /
output tokens, $6 / $22.50 when a request's input is above 200,000 tokens; cache reads
$0.30, cache writes $3.75 per million.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.ledger.report import build_month_report
from app.ledger.settings import LedgerConfig
from app.storage.db import _statements, connect
from app.storage.schema import MIGRATIONS
from tests.unit.ledger_seed import at, cloud, local, seeded

D = Decimal
MAY = [
    # A: 10,000 in / 1,000 out, 7,200 J measured (conversation 1)
    local(at("2025-05-01T10:00:00"), 10_000, 1_000, energy_j=7200.0, conversation=1),
    # B: two minutes later in the same conversation, no energy figure, 18 s of wall time
    local(at("2025-05-01T10:02:00"), 12_000, 500, wall_ms=18_000.0, conversation=1),
    # C: a long context (above 200k: the higher tier), energy from configured watts
    local(at("2025-05-02T09:00:00"), 250_000, 2_000, energy_j=36_000.0, source="configured-watts"),
    # D: failed: no baseline, but the electricity was used
    local(at("2025-05-02T09:10:00"), 5_000, 0, energy_j=360.0, outcome="failed"),
    # E: a cloud reply, billed $0.012
    cloud(at("2025-05-03T12:00:00"), 3_000, 200, "0.012"),
]


@pytest.fixture
def may(tmp_path: Path):  # type: ignore[no-untyped-def]
    conn = seeded(tmp_path / "ledger.sqlite3", MAY)
    yield conn
    conn.close()


def test_worked_example_in_dollars(may) -> None:  # type: ignore[no-untyped-def]
    report = build_month_report(may, "2025-05", LedgerConfig(), now=at("2025-06-10T00:00:00"))
    # A: 10,000 × 3/1e6 + 1,000 × 15/1e6 = 0.03 + 0.015 = 0.045
    # B: 12,000 × 3/1e6 + 500 × 15/1e6 = 0.036 + 0.0075 = 0.0435
    # C: 250,000 × 6/1e6 + 2,000 × 22.5/1e6 = 1.5 + 0.045 = 1.545
    assert report.totals.local_baseline == D("1.6335")
    assert report.totals.cloud_spend == D("0.012")
    assert report.totals.baseline == D("1.6455")  # the all-cloud world includes E as billed
    # Energy: 7,200 + 200 W × 18 s (3,600) + 36,000 + 360 = 47,160 J = 0.0131 kWh × $0.15
    assert report.totals.electricity == D("0.001965")
    assert report.totals.amortization == 0
    # Net = baseline − (cloud + electricity) = 1.6455 − 0.013965
    assert report.totals.net_saved == D("1.631535")
    assert report.cumulative_saved == D("1.631535")
    c = report.counts
    # D failed: an attempt, not a reply (billed nothing, counted apart)
    assert (c.local_replies, c.cloud_replies, c.failed_replies) == (3, 1, 1)
    assert (c.local_input_tokens, c.cloud_input_tokens) == (272_000, 3_000)
    assert c.input_tokens == 10_000 + 12_000 + 250_000 + 3_000
    assert c.output_tokens == 1_000 + 500 + 2_000 + 200
    assert (c.energy_measured, c.energy_configured, c.energy_unmeasured) == (2, 1, 1)
    days = {d.day: d for d in report.days}
    assert days[date(2025, 5, 1)].amounts.local_baseline == D("0.0885")
    # May 1: (7,200 + 3,600) J = 0.003 kWh × 0.15
    assert days[date(2025, 5, 1)].amounts.electricity == D("0.00045")
    assert days[date(2025, 5, 2)].amounts.local_baseline == D("1.545")
    assert days[date(2025, 5, 3)].amounts.net_saved == 0  # a cloud reply saves nothing
    assert report.payback_status == "none"


def test_currency_and_electricity_in_yuan(may) -> None:  # type: ignore[no-untyped-def]
    config = LedgerConfig(currency="CNY", fx_rate=D(7), electricity_per_kwh=D(1))
    report = build_month_report(may, "2025-05", config)
    # Baseline 1.6335 USD × 7 = 11.4345 CNY; cloud 0.012 × 7 = 0.084 CNY
    assert report.totals.local_baseline == D("11.4345")
    assert report.totals.cloud_spend == D("0.084")
    # 0.0131 kWh × ¥1
    assert report.totals.electricity == D("0.0131")
    assert report.totals.net_saved == D("11.4214")


def test_prompt_cache_model_discounts_the_repeated_context(may) -> None:  # type: ignore[no-untyped-def]
    report = build_month_report(may, "2025-05", LedgerConfig(cache_discount=True))
    # A (first turn): all 10,000 written to the cache at $3.75: 0.0375 + output 0.015 = 0.0525
    # B: 11,000 (A's context + output) read at $0.30 = 0.0033, 1,000 written at $3.75 =
    #    0.00375, output 0.0075 → 0.01455
    # C: alone in its conversation, long context: 250,000 × 7.5/1e6 + 0.045 = 1.92
    days = {d.day: d for d in report.days}
    assert days[date(2025, 5, 1)].amounts.local_baseline == D("0.0525") + D("0.01455")
    assert days[date(2025, 5, 2)].amounts.local_baseline == D("1.92")


def test_a_turn_exactly_five_minutes_later_still_reads_the_cache(tmp_path: Path) -> None:
    """The cache window is five minutes inclusive, at any time of day (float rounding in
    SQLite's julianday() once judged half of all exact five-minute gaps longer)."""
    config = LedgerConfig(cache_discount=True)
    for hour in range(0, 24, 5):
        first = at(f"2025-05-01T{hour:02d}:07:00")
        rows = [
            local(first, 1_000, 100, conversation=1),
            local(first + timedelta(minutes=5), 2_000, 100, conversation=1),
        ]
        conn = seeded(tmp_path / f"cache{hour}.sqlite3", rows)
        # First turn: 1,000 written at $3.75 + 100 out at $15 = 0.00525; second: 1,100
        # read at $0.30 + 900 written at $3.75 + 100 out = 0.00033 + 0.003375 + 0.0015
        expected = D("0.00525") + D("0.005205")
        report = build_month_report(conn, "2025-05", config)
        assert report.totals.local_baseline == expected, hour
        conn.close()


def test_custom_price_per_million_and_per_request(may) -> None:  # type: ignore[no-untyped-def]
    config = LedgerConfig(
        baseline_kind="custom",
        custom_input_per_mtok=D(1),
        custom_output_per_mtok=D(2),
        custom_per_request=D("0.01"),
    )
    report = build_month_report(may, "2025-05", config)
    # inputs 272,000 × 1/1e6 = 0.272; outputs 3,500 × 2/1e6 = 0.007; 3 requests × 0.01
    assert report.totals.local_baseline == D("0.309")


def test_amortization_and_projected_payback(may) -> None:  # type: ignore[no-untyped-def]
    config = LedgerConfig(
        hardware_cost=D(3000), purchase_date=date(2025, 1, 1), amortization_months=12
    )
    report = build_month_report(may, "2025-05", config, now=at("2025-06-15T00:00:00"))
    # 3,000 over the 365 days of 2025: 31 days of May
    assert abs(report.totals.amortization - D(3000) * 31 / 365) < D("1e-20")
    assert abs(report.totals.net_saved - (D("1.631535") - D(3000) * 31 / 365)) < D("1e-20")
    # Payback counts savings before amortization: 1.631535 / 3000 = 0.0543845 %
    assert report.payback_percent == D("1.631535") / 3000 * 100
    # Recent rate: the 30 days before 1 June start on 2 May: May 2 saved 1.545 − 0.001515
    # (36,360 J), May 3 nothing → 1.543485 / 30 per day.
    rate = D("1.543485") / 30
    assert report.recent_daily_saving == rate
    days_left = math.ceil((D(3000) - D("1.631535")) / rate)  # 58,278 days
    assert report.payback_status == "projected"
    assert report.payback_date == date(2025, 6, 1) + timedelta(days=days_left)


def test_payback_never_when_savings_are_not_positive(may) -> None:  # type: ignore[no-untyped-def]
    config = LedgerConfig(hardware_cost=D(500), electricity_per_kwh=D(1000))
    report = build_month_report(may, "2025-05", config, now=at("2025-06-15T00:00:00"))
    # 0.0131 kWh × 1000 = 13.1 of electricity against 1.6335 of baseline
    assert report.totals.net_saved == D("1.6335") - D("13.1")
    assert report.payback_status == "never"
    assert report.payback_date is None


def test_cumulative_adds_earlier_months(tmp_path: Path) -> None:
    conn = seeded(
        tmp_path / "db.sqlite3",
        [
            local(at("2025-04-10T08:00:00"), 10_000, 0, energy_j=0.0),  # 10,000 × 3/1e6 = 0.03
            local(at("2025-05-10T08:00:00"), 20_000, 0, energy_j=0.0),  # 0.06
        ],
    )
    april = build_month_report(conn, "2025-04", LedgerConfig())
    may = build_month_report(conn, "2025-05", LedgerConfig())
    assert april.totals.net_saved == D("0.03")
    assert may.totals.net_saved == D("0.06")
    assert may.cumulative_saved == D("0.09")


def test_months_follow_the_persons_time_zone(tmp_path: Path) -> None:
    # 17:00 UTC on 30 April is 01:00 on 1 May in Shanghai (UTC+8).
    conn = seeded(tmp_path / "db.sqlite3", [local(at("2025-04-30T17:00:00"), 10_000, 0)])
    shanghai = ZoneInfo("Asia/Shanghai")
    assert (
        build_month_report(conn, "2025-05", LedgerConfig(), tz=shanghai).counts.local_replies == 1
    )
    assert (
        build_month_report(conn, "2025-04", LedgerConfig(), tz=shanghai).counts.local_replies == 0
    )
    assert build_month_report(conn, "2025-04", LedgerConfig()).counts.local_replies == 1
    may = build_month_report(conn, "2025-05", LedgerConfig(), tz=shanghai)
    assert [d.day for d in may.days] == [date(2025, 5, 1)]


def test_bad_month_is_refused_in_plain_words(may) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="YYYY-MM"):
        build_month_report(may, "May 2025", LedgerConfig())


def test_migration_backfills_the_rollup_from_existing_usage(tmp_path: Path) -> None:
    """A database that had usage before the ledger migrations gets the same sums."""
    path = tmp_path / "old.sqlite3"
    old = connect(path)
    for statement in _statements(MIGRATIONS[0]):
        old.execute(statement)
    old.execute("PRAGMA user_version = 1")
    from app.storage import repo

    for record in MAY:
        repo.record_usage(old, record)
    old.close()
    migrated = seeded(path, [])
    fresh = seeded(tmp_path / "fresh.sqlite3", MAY)
    for table in ("ledger_rollup", "ledger_daily", "ledger_local_slots"):
        query = f"SELECT * FROM {table} ORDER BY 1, 2, 3, 4"
        assert migrated.execute(query).fetchall() == fresh.execute(query).fetchall()
    assert build_month_report(migrated, "2025-05", LedgerConfig()).totals.net_saved == D("1.631535")


def test_one_reply_saving_with_provenance() -> None:
    from app.ledger.ledger import reply_saving

    # A: 0.045 baseline; 7,200 J = 0.002 kWh × 0.15 = 0.0003
    saving = reply_saving(MAY[0], LedgerConfig())
    assert (saving.baseline, saving.electricity, saving.saved) == (
        D("0.045"),
        D("0.0003"),
        D("0.0447"),
    )
    assert not saving.energy_estimated
    assert "Claude Sonnet 4.5" in saving.provenance
    # B: no energy figure: 200 W × 18 s = 3,600 J = 0.001 kWh × 0.15, marked estimated
    estimated = reply_saving(MAY[1], LedgerConfig())
    assert estimated.electricity == D("0.00015")
    assert estimated.energy_estimated
    # E: a cloud reply saves nothing: it cost what it cost, in both worlds
    assert reply_saving(MAY[4], LedgerConfig(currency="CNY", fx_rate=D(7))).saved == 0
