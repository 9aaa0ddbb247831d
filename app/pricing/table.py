"""Hearth's dated price table (``resources/prices.json``) on top of genai-prices.

genai-prices stays the base. The table holds what it lacks or has wrong: DashScope
(Qwen), DeepSeek V4 in the yuan DeepSeek bills, DeepSeek's weekday peak hours, the
retired ``deepseek-chat`` at the price it was really billed at. Each entry is a list of
periods, each from a UTC instant, in the provider's own currency, with its source.

A table model becomes a :class:`TableModelInfo`, which quacks like genai-prices'
``ModelInfo`` (``id``, ``name``, ``prices``, ``get_prices``): the baseline code, which
groups requests by price and relies on genai-prices' ``ModelPrice.calc_price``, works on
it unchanged, and ``currency_of`` says which currency a resolved price is in (genai-
prices' own prices, used before a model's first period, are US dollars).
"""

from __future__ import annotations

import json
import site
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from genai_prices.types import (
    ConditionalPrice,
    ModelInfo,
    ModelPrice,
    StartDateConstraint,
    Tier,
    TieredPrices,
    TimeOfDateConstraint,
)

USD = "USD"
TABLE_CHECKED = "2026-12-01"
"""When every price in resources/prices.json was last looked up."""


@dataclass(frozen=True)
class Period:
    start: datetime
    price: ModelPrice
    peak: ModelPrice | None
    peak_hours: tuple[tuple[time, time], ...]
    weekdays_only: bool
    source: str
    note: str
    currency: str = ""
    """The period's currency when it differs from the model's (a person's own price)."""
    custom: bool = False
    """The person's own price (``app.pricing.custom``), not the table's."""
    per_request: Decimal = Decimal(0)
    """A fixed amount per request on top of the token prices (a person's own price)."""
    secondary: bool = False
    """The figure comes from a secondary source (a maintained table citing the provider's
    page), because the provider's own page was not reachable; shown as such."""

    def resolve(self, moment: datetime) -> ModelPrice:
        if self.peak is None:
            return self.price
        if self.weekdays_only and moment.astimezone(UTC).weekday() >= 5:
            return self.price
        clock = moment.astimezone(UTC).time().replace(tzinfo=None)
        if any(start <= clock < end for start, end in self.peak_hours):
            return self.peak
        return self.price


@dataclass(frozen=True)
class TableModel:
    provider: str
    model: str
    name: str
    currency: str
    periods: tuple[Period, ...]
    retired: date | None = None
    successor: str | None = None


class TableModelInfo:
    """A table model, in the shape the baseline reads from genai-prices' ModelInfo."""

    def __init__(self, entry: TableModel, base: ModelInfo | None) -> None:
        self.entry = entry
        self.base = base
        self.id = entry.model
        self.name = entry.name
        self.currency = entry.currency
        prices: list[ConditionalPrice] = []
        if base is not None:
            prices += (
                [ConditionalPrice(prices=base.prices)]
                if isinstance(base.prices, ModelPrice)
                else list(base.prices)
            )
        for period in entry.periods:
            prices.append(
                ConditionalPrice(StartDateConstraint(period.start.date()), prices=period.price)
            )
            if period.peak is not None:
                for start, end in period.peak_hours:
                    window = TimeOfDateConstraint(
                        start.replace(tzinfo=UTC), end.replace(tzinfo=UTC)
                    )
                    prices.append(ConditionalPrice(window, prices=period.peak))
        self.prices = prices
        self._currency_by_price = {
            id(price): period.currency or entry.currency
            for period in entry.periods
            for price in (period.price, period.peak)
            if price is not None
        }
        self.weekday_dependent = any(p.weekdays_only and p.peak for p in entry.periods)
        self.has_time_of_day = any(p.peak is not None for p in entry.periods) or (
            base is not None
            and not isinstance(base.prices, ModelPrice)
            and any(isinstance(c.constraint, TimeOfDateConstraint) for c in base.prices)
        )

    def period(self, moment: datetime) -> Period | None:
        """The period in force at ``moment``: the person's own latest-started price if one
        has started (it is laid over the table, whichever started later), else the table's."""
        current = mine = None
        for period in self.entry.periods:
            if period.start <= moment:
                if period.custom:
                    mine = period
                else:
                    current = period
        return mine or current

    def get_prices(self, moment: datetime) -> ModelPrice:
        period = self.period(moment)
        if period is None:
            if self.base is not None:
                return self.base.get_prices(moment)
            return self.entry.periods[0].price
        return period.resolve(moment)

    def currency_of(self, price: ModelPrice) -> str:
        return self._currency_by_price.get(id(price), USD)

    def source_at(self, moment: datetime) -> str:
        period = self.period(moment)
        return period.source if period is not None else "genai-prices"

    def period_starts(self) -> tuple[str, ...]:
        """UTC dates on which prices change. A change that starts mid-day also starts a
        new span the next day, so the day of the change is a span of its own."""
        starts: set[str] = set()
        if self.base is not None and not isinstance(self.base.prices, ModelPrice):
            starts |= {
                c.constraint.start_date.isoformat()
                for c in self.base.prices
                if isinstance(c.constraint, StartDateConstraint)
            }
        for period in self.entry.periods:
            starts.add(period.start.date().isoformat())
            if period.start.astimezone(UTC).time() != time(0):
                starts.add((period.start.date() + timedelta(days=1)).isoformat())
        return tuple(sorted(starts))


def _money(value: object) -> Decimal:
    return Decimal(str(value))


def _price(data: dict[str, Any], tiers: list[dict[str, Any]] | None = None) -> ModelPrice:
    names = ("input_mtok", "cache_read_mtok", "output_mtok")
    values: dict[str, Decimal | TieredPrices] = {}
    for name in names:
        if name not in data:
            continue
        base = _money(data[name])
        steps = [Tier(int(t["above"]), _money(t[name])) for t in tiers or () if name in t]
        values[name] = TieredPrices(base, steps) if steps else base
    return ModelPrice(**values)


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _period(data: dict[str, Any]) -> Period:
    start = datetime.fromisoformat(str(data["from"]).replace("Z", "+00:00")).astimezone(UTC)
    peak = data.get("peak")
    return Period(
        start=start,
        price=_price(data, data.get("tiers")),
        peak=_price(peak, data.get("tiers")) if peak else None,
        peak_hours=tuple((_clock(a), _clock(b)) for a, b in data.get("peak_hours", ())),
        weekdays_only=bool(data.get("weekdays_only", False)),
        source=str(data.get("source", "")),
        note=str(data.get("note", "")),
        secondary=bool(data.get("secondary", False)),
    )


def parse_table(data: dict[str, Any]) -> dict[tuple[str, str], TableModel]:
    models: dict[tuple[str, str], TableModel] = {}
    for item in data["models"]:
        retired = item.get("retired")
        entry = TableModel(
            provider=str(item["provider"]),
            model=str(item["model"]),
            name=str(item.get("name", item["model"])),
            currency=str(item["currency"]),
            periods=tuple(sorted((_period(p) for p in item["periods"]), key=lambda p: p.start)),
            retired=date.fromisoformat(retired) if retired else None,
            successor=item.get("successor"),
        )
        models[(entry.provider, entry.model)] = entry
    return models


def table_candidates() -> list[Path]:
    """Where prices.json may be: the source tree, an install's share/hearth, a bundle."""
    source_tree = Path(__file__).resolve().parents[2] / "resources" / "prices.json"
    installed = [Path(sys.prefix) / "share" / "hearth" / "prices.json"]
    user_base = site.getuserbase()
    if user_base:
        installed.append(Path(user_base) / "share" / "hearth" / "prices.json")
    frozen = getattr(sys, "_MEIPASS", None)
    bundled = [Path(frozen) / "resources" / "prices.json"] if frozen else []
    return [source_tree, *installed, *bundled]


@cache
def price_table() -> dict[tuple[str, str], TableModel]:
    """The shipped table (empty if an installation lacks it: genai-prices still prices)."""
    for candidate in table_candidates():
        if candidate.is_file():
            return parse_table(json.loads(candidate.read_text(encoding="utf-8")))
    return {}


def table_model(provider_id: str, model: str) -> TableModel | None:
    return price_table().get((provider_id, model))


def with_periods(
    entry: TableModel | None, provider: str, model: str, name: str, extra: tuple[Period, ...]
) -> TableModel:
    """``entry`` (or a bare model) with the person's own periods laid over it."""
    periods = (*(entry.periods if entry else ()), *extra)
    return TableModel(
        provider=provider,
        model=model,
        name=entry.name if entry else name,
        currency=entry.currency if entry else USD,
        periods=tuple(sorted(periods, key=lambda p: p.start)),
        retired=entry.retired if entry else None,
        successor=entry.successor if entry else None,
    )
