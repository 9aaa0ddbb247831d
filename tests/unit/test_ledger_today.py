"""The current month on an ordinary day, worked by hand: amortization only up to now,
no future days, payback from a window that includes today.

The issue's example: ¥25,000 of hardware bought 2025-12-01, spread over 36 months. The
plan runs 2025-12-01 → 2028-12-01, 1,096 days (2028 has a 29 February), so a whole day
costs 25,000 / 1,096 = ¥22.8102… . Times in UTC, the person's zone is UTC.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.ledger.explain import payback_words
from app.ledger.export_csv import to_csv
from app.ledger.report import build_month_report
from app.ledger.settings import LedgerConfig
from tests.unit.ledger_seed import at, local, seeded

D = Decimal
DAILY = D(25_000) / 1096
CLOSE = D("1e-20")


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) < CLOSE


CONFIG = LedgerConfig(
    currency="CNY",
    fx_rate=D(7),
    electricity_per_kwh=D(0),
    hardware_cost=D(25_000),
    purchase_date=date(2025, 12, 1),
    amortization_months=36,
)


@pytest.fixture
def empty(tmp_path: Path):  # type: ignore[no-untyped-def]
    conn = seeded(tmp_path / "ledger.sqlite3", [])
    yield conn
    conn.close()


def test_the_first_at_eight_is_charged_a_third_of_a_day(empty) -> None:  # type: ignore[no-untyped-def]
    report = build_month_report(empty, "2026-12", CONFIG, now=at("2026-12-01T08:00:00"))
    # 8 of 24 hours of one day: 22.8102… / 3 = ¥7.6034, not 31 × 22.81 = ¥707.12
    assert close(report.totals.amortization, DAILY / 3)
    assert round(report.totals.amortization, 4) == D("7.6034")
    assert [d.day for d in report.days] == [date(2026, 12, 1)]
    assert report.as_of == at("2026-12-01T08:00:00")


def test_the_fifteenth_at_noon_is_fourteen_and_a_half_days(empty) -> None:  # type: ignore[no-untyped-def]
    report = build_month_report(empty, "2026-12", CONFIG, now=at("2026-12-15T12:00:00"))
    assert close(report.totals.amortization, DAILY * 14 + DAILY / 2)
    assert round(report.totals.amortization, 2) == D("330.75")
    assert report.days[-1].day == date(2026, 12, 15)  # no 16th … 31st
    assert len(report.days) == 15
    csv_days = [line.split(",")[0] for line in to_csv(report).splitlines()[1:]]
    assert csv_days[-2:] == ["2026-12-15", "total"]


def test_the_last_day_just_before_midnight_is_almost_the_whole_month(empty) -> None:  # type: ignore[no-untyped-def]
    report = build_month_report(empty, "2026-12", CONFIG, now=at("2026-12-31T18:00:00"))
    # 30 whole days + 18/24 of the 31st
    assert close(report.totals.amortization, DAILY * 30 + DAILY * 3 / 4)
    # A month that is over is charged whole: 31 days
    past = build_month_report(empty, "2026-11", CONFIG, now=at("2026-12-31T18:00:00"))
    assert close(past.totals.amortization, DAILY * 30)
    assert len(past.days) == 30


def test_a_month_that_has_not_started_charges_nothing(empty) -> None:  # type: ignore[no-untyped-def]
    report = build_month_report(empty, "2027-01", CONFIG, now=at("2026-12-31T18:00:00"))
    assert report.totals.amortization == 0
    assert report.days == []


def test_payback_on_day_one_says_not_enough_data_yet(tmp_path: Path) -> None:
    """The first day of use: the same data at 08:00 and the next day at 00:01 used to say
    "never" and then "projected 2032-08-02". Today counts, and one day is too few."""
    conn = seeded(
        tmp_path / "db.sqlite3",
        [local(at("2026-12-01T07:00:00"), 100_000, 10_000, energy_j=0.0)],
    )
    morning = build_month_report(conn, "2026-12", CONFIG, now=at("2026-12-01T08:00:00"))
    # Baseline Sonnet 4.5: 100,000 × 3/1e6 + 10,000 × 15/1e6 = $0.45 = ¥3.15, saved today
    assert morning.totals.local_baseline == D("3.15")
    assert morning.payback_status == "insufficient"
    assert morning.payback_date is None
    # Today's savings are in the window (1/3 of a day of it so far): 3.15 / (1/3) a day
    assert morning.recent_days == D(1) / 3
    assert close(morning.recent_daily_saving, D("9.45"))
    assert "not enough data yet" in payback_words(morning)
    next_day = build_month_report(conn, "2026-12", CONFIG, now=at("2026-12-02T00:01:00"))
    assert next_day.payback_status == "insufficient"
    conn.close()


def test_payback_projects_once_a_week_of_use_is_in(tmp_path: Path) -> None:
    rows = [local(at(f"2026-12-0{day}T07:00:00"), 100_000, 10_000, energy_j=0.0) for day in (1, 8)]
    conn = seeded(tmp_path / "db.sqlite3", rows)
    report = build_month_report(conn, "2026-12", CONFIG, now=at("2026-12-08T12:00:00"))
    # Window: 1 Dec 00:00 (first use) → 8 Dec 12:00 = 7.5 days; saved ¥6.30 in it
    assert report.recent_days == D("7.5")
    assert report.recent_daily_saving == D("6.30") / D("7.5")
    assert report.payback_status == "projected"
    # (25,000 − 6.30) / 0.84 a day = 29,754.4 → 29,755 days after 8 Dec 2026
    assert report.payback_date == date(2026, 12, 8) + timedelta(days=29_755)
    conn.close()
