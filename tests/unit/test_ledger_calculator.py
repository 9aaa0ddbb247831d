"""The break-even calculator, with worked examples."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app.ledger.calculator import CalculatorError, CalculatorInputs, calculate, measured_usage
from tests.unit.ledger_seed import at, local, seeded

D = Decimal
WHEN = datetime(2025, 5, 1, tzinfo=UTC)


def test_worked_example_with_published_prices() -> None:
    result = calculate(
        CalculatorInputs(
            requests_per_day=D(100),
            input_tokens=2_000,
            output_tokens=500,
            baseline_model="anthropic:claude-sonnet-4-5",
            hardware_cost=D(2000),
            power_watts=D(300),
            hours_per_day=D(4),
            electricity_price=D("0.2"),
            at=WHEN,
        )
    )
    # One request: 2,000 × 3/1e6 + 500 × 15/1e6 = 0.006 + 0.0075 = 0.0135
    assert result.per_request_cost == D("0.0135")
    assert result.monthly_cloud_cost == D("40.5")  # × 100 × 30
    assert result.monthly_electricity_cost == D("7.2")  # 0.3 kW × 4 h × 30 × 0.2
    assert result.monthly_net_saving == D("33.3")
    assert result.break_even_months == D(2000) / D("33.3")  # ≈ 60.06


def test_custom_prices_in_yuan() -> None:
    result = calculate(
        CalculatorInputs(
            requests_per_day=D(10),
            input_tokens=1_000_000,
            output_tokens=0,
            baseline_model=None,
            input_price=D(20),
            output_price=D(60),
            power_watts=D(0),
            currency="CNY",
            fx=D(7),
            hardware_cost=D(600),
            days_per_month=20,
        )
    )
    # ¥20 per request × 10 × 20 days = ¥4,000; break-even 600 / 4000 = 0.15 months
    assert result.monthly_cloud_cost == D(4000)
    assert result.break_even_months == D("0.15")


def test_price_per_request_and_never_breaking_even() -> None:
    result = calculate(
        CalculatorInputs(
            requests_per_day=D(1),
            input_tokens=0,
            output_tokens=0,
            baseline_model=None,
            request_price=D("0.01"),
            hardware_cost=D(1000),
            power_watts=D(500),
            hours_per_day=D(10),
            electricity_price=D("0.3"),
        )
    )
    # Cloud 0.01 × 30 = 0.30; electricity 0.5 kW × 10 h × 30 × 0.3 = 45
    assert result.monthly_net_saving == D("0.30") - D(45)
    assert result.break_even_months is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"electricity_price": D(-1)}, "must not be negative"),
        ({"currency": "CNY", "fx": D(0)}, "exchange rate"),
        ({"hours_per_day": D(25)}, "between 0 and 24"),
        ({"days_per_month": 0}, "between 1 and 31"),
    ],
)
def test_nonsense_inputs_are_refused_with_a_reason(change: dict[str, object], message: str) -> None:
    base = {"requests_per_day": D(1), "input_tokens": 1, "output_tokens": 1, "at": WHEN}
    with pytest.raises(CalculatorError, match=message):
        calculate(CalculatorInputs(**{**base, **change}))  # type: ignore[arg-type]


def test_measured_usage_prefills_from_the_last_30_days(tmp_path: Path) -> None:
    conn = seeded(
        tmp_path / "db.sqlite3",
        [
            local(at("2025-04-20T10:00:00"), 1_000, 100, energy_j=2_000.0, wall_ms=10_000.0),
            local(at("2025-04-21T10:00:00"), 3_000, 300, energy_j=4_000.0, wall_ms=10_000.0),
            local(at("2025-01-01T10:00:00"), 99_999, 9_999),  # too old
        ],
    )
    usage = measured_usage(conn, at("2025-05-01T00:00:00"))
    assert usage is not None
    assert usage.requests_per_day == D("0.1")  # 2 replies / 30 days ≈ 0.07 → 0.1
    assert (usage.input_tokens, usage.output_tokens) == (2_000, 200)
    assert usage.measured_watts == D(300)  # 6,000 J over 20 s
    assert measured_usage(conn, at("2020-01-01T00:00:00")) is None
