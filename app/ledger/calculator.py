"""The break-even calculator: would a local machine pay for itself, and when?

All money is in the chosen currency; genai-prices' US-dollar prices are converted with
the exchange rate given (units of that currency per dollar).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.cloud.providers import prices_provider, retired_message
from app.core.i18n import translate
from app.ledger.baseline import MILLION
from app.ledger.energy import MEASURED_SOURCES
from app.ledger.money import convert, rate_words
from app.ledger.settings import LedgerConfig
from app.pricing import quote
from app.pricing.custom import CustomEntry
from app.storage.records import to_db_time


class CalculatorError(ValueError):
    """An input that makes no sense (the message is for the person)."""


@dataclass(frozen=True)
class CalculatorInputs:
    requests_per_day: Decimal
    input_tokens: int
    output_tokens: int
    baseline_model: str | None = "anthropic:claude-sonnet-4-5"
    """PROVIDER:MODEL priced by genai-prices; None when custom prices are given."""
    input_price: Decimal | None = None
    """Per million input tokens, in ``currency``."""
    output_price: Decimal | None = None
    request_price: Decimal | None = None
    hardware_cost: Decimal = Decimal(0)
    power_watts: Decimal = Decimal(0)
    hours_per_day: Decimal = Decimal(0)
    electricity_price: Decimal = Decimal(0)
    """Per kWh, in ``currency``."""
    currency: str = "USD"
    fx: Decimal = Decimal(1)
    """Units of ``currency`` per US dollar (ignored for USD)."""
    days_per_month: int = 30
    at: datetime | None = None
    """When to read the prices (default: now; DeepSeek's differ by the hour)."""
    custom: tuple[CustomEntry, ...] = ()
    """The person's own prices for the baseline model (app.pricing.custom)."""


@dataclass(frozen=True)
class CalculatorResult:
    per_request_cost: Decimal
    monthly_cloud_cost: Decimal
    monthly_electricity_cost: Decimal
    monthly_net_saving: Decimal
    break_even_months: Decimal | None
    """None when the monthly saving is not positive: the hardware never pays back."""
    price_source: str


def _check(inputs: CalculatorInputs) -> None:
    numbers = {
        translate("Ledger", "Requests per day"): inputs.requests_per_day,
        translate("Ledger", "Input tokens"): Decimal(inputs.input_tokens),
        translate("Ledger", "Output tokens"): Decimal(inputs.output_tokens),
        translate("Ledger", "Hardware cost"): inputs.hardware_cost,
        translate("Ledger", "Power"): inputs.power_watts,
        translate("Ledger", "Electricity price"): inputs.electricity_price,
    }
    for price in (inputs.input_price, inputs.output_price, inputs.request_price):
        if price is not None:
            numbers[translate("Ledger", "Price")] = min(
                price, numbers.get(translate("Ledger", "Price"), price)
            )
    for label, value in numbers.items():
        if value < 0:
            raise CalculatorError(
                translate("Ledger", "{label} must not be negative.").format(label=label)
            )
    if not Decimal(0) <= inputs.hours_per_day <= 24:
        raise CalculatorError(translate("Ledger", "Hours per day must be between 0 and 24."))
    if inputs.currency != "USD" and inputs.fx <= 0:
        raise CalculatorError(translate("Ledger", "The exchange rate must be greater than zero."))
    if not 1 <= inputs.days_per_month <= 31:
        raise CalculatorError(translate("Ledger", "Days per month must be between 1 and 31."))


def per_request_cost(inputs: CalculatorInputs) -> tuple[Decimal, str]:
    """One request's cloud price in the chosen currency, and where the price came from."""
    if inputs.request_price is not None:
        return inputs.request_price, translate("Ledger", "your price per request")
    if inputs.input_price is not None or inputs.output_price is not None:
        cost = (inputs.input_price or Decimal(0)) * inputs.input_tokens / MILLION + (
            inputs.output_price or Decimal(0)
        ) * inputs.output_tokens / MILLION
        return cost, translate("Ledger", "your prices per million tokens")
    provider, _, model = (inputs.baseline_model or "").partition(":")
    if not provider or not model:
        raise CalculatorError(translate("Ledger", "Give the baseline model as PROVIDER:MODEL."))
    problem = retired_message(provider, model)
    if problem:
        raise CalculatorError(problem)
    result = quote(
        prices_provider(provider),  # "zhipu" and "zhipuai" both name Zhipu's prices
        model,
        input_tokens=inputs.input_tokens,
        output_tokens=inputs.output_tokens,
        at=inputs.at or datetime.now(UTC),
        custom=inputs.custom,
    )
    config = LedgerConfig(currency=inputs.currency, fx_rate=inputs.fx)
    source = result.source
    if result.currency != inputs.currency:
        source += "; " + rate_words(result.currency, config)
    return convert(result.amount, result.currency, config), source


def calculate(inputs: CalculatorInputs) -> CalculatorResult:
    _check(inputs)
    request_cost, source = per_request_cost(inputs)
    days = Decimal(inputs.days_per_month)
    cloud = request_cost * inputs.requests_per_day * days
    kwh = inputs.power_watts * inputs.hours_per_day * days / 1000
    electricity = kwh * inputs.electricity_price
    saving = cloud - electricity
    months: Decimal | None = None
    if inputs.hardware_cost == 0:
        months = Decimal(0)
    elif saving > 0:
        months = inputs.hardware_cost / saving
    return CalculatorResult(request_cost, cloud, electricity, saving, months, source)


@dataclass(frozen=True)
class MeasuredUsage:
    """What the person's own ledger says, to pre-fill the calculator."""

    days: int
    requests_per_day: Decimal
    input_tokens: int
    output_tokens: int
    hours_per_day: Decimal
    measured_watts: Decimal | None


def measured_usage(conn: sqlite3.Connection, now: datetime, days: int = 30) -> MeasuredUsage | None:
    """Averages of the local replies over the last ``days`` days (None when there are none)."""
    since = to_db_time(now - timedelta(days=days))
    marks = ", ".join("?" for _ in MEASURED_SOURCES)
    row = conn.execute(
        "SELECT count(*), avg(context_tokens), avg(output_tokens_estimate), total(wall_ms),"  # noqa: S608
        f" total(CASE WHEN energy_source IN ({marks}) THEN energy_j END),"
        f" total(CASE WHEN energy_source IN ({marks}) THEN wall_ms END)"
        " FROM usage WHERE ts >= ? AND ts < ? AND is_local AND outcome <> 'failed'",
        (*MEASURED_SOURCES, *MEASURED_SOURCES, since, to_db_time(now)),
    ).fetchone()
    count = int(row[0] or 0)
    if count == 0:
        return None
    span = Decimal(days)
    measured_ms = Decimal(repr(row[5] or 0.0))
    watts = (
        (Decimal(repr(row[4])) / (measured_ms / 1000)).quantize(Decimal(1))
        if measured_ms > 0
        else None
    )
    return MeasuredUsage(
        days=days,
        requests_per_day=(Decimal(count) / span).quantize(Decimal("0.1")),
        input_tokens=round(row[1] or 0),
        output_tokens=round(row[2] or 0),
        hours_per_day=(Decimal(repr(row[3])) / 3_600_000 / span).quantize(Decimal("0.01")),
        measured_watts=watts,
    )
