"""The all-cloud baseline: what a chosen cloud model would have billed.

Pricing a million records one by one through genai-prices takes minutes (about 90 µs
each), so the report prices *groups*. Within one UTC half hour the price of a model is
constant (price changes start on UTC dates, off-peak windows on half hours) and, below
or above a long-context threshold, the bill is linear in tokens. So a group's baseline is
genai-prices' own ``ModelPrice.calc_price`` applied to the group's summed tokens with the
tier fixed — exactly the sum of the per-request prices. ``price_request`` is the slow
per-request path, used for single replies and to prove the group path in tests.
"""

from __future__ import annotations

import bisect
from copy import copy
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from genai_prices import Usage
from genai_prices import __version__ as genai_prices_version
from genai_prices.types import (
    ModelPrice,
    StartDateConstraint,
    TieredPrices,
    TimeOfDateConstraint,
)

from app.cloud.providers import prices_provider, retired_message
from app.core.i18n import translate
from app.ledger.money import convert, rate_words
from app.ledger.settings import BASELINE_CUSTOM_KIND, LedgerConfig
from app.pricing import PriceUnknownError, currency_of, find_model, quote
from app.pricing.custom import CustomEntry
from app.pricing.table import TABLE_CHECKED, TableModelInfo

if TYPE_CHECKING:
    from app.pricing import PriceInfo

SLOTS_PER_DAY = 48
SLOT = timedelta(minutes=30)
RAW = "?"
"""Time class of a half hour in which the price changes: priced request by request."""
MILLION = Decimal(1_000_000)


@dataclass(frozen=True)
class Tokens:
    """Billable requests of one group, all at the same price."""

    requests: int = 0
    context: int = 0
    output: int = 0
    cache_read: int = 0
    """Context tokens a cache would have served (only used with the cache model on)."""

    def __add__(self, other: Tokens) -> Tokens:
        return Tokens(
            self.requests + other.requests,
            self.context + other.context,
            self.output + other.output,
            self.cache_read + other.cache_read,
        )


def slot_start(day: date, slot: int) -> datetime:
    return datetime.combine(day, time(0, tzinfo=UTC)) + slot * SLOT


class Baseline(Protocol):
    uses_cache: bool
    has_time_of_day: bool

    def describe(self) -> str: ...

    def thresholds(self) -> tuple[int, ...]:
        """Context sizes above which a different price applies (sorted)."""
        ...

    def period_starts(self) -> tuple[str, ...]:
        """UTC dates (YYYY-MM-DD) on which the prices change."""
        ...

    def time_classes(self, day: date) -> str:
        """One character per half hour of ``day``: equal characters share a price; RAW
        marks a half hour in which the price changes."""
        ...

    def weekend_classes(self, day: date) -> str | None:
        """Weekend days' classes in ``day``'s span, when they differ from weekdays'."""
        ...

    def price_key(self, day: date, time_class: str) -> object:
        """Groups of days × time classes with the same key have the same prices."""
        ...

    def price_group(self, day: date, time_class: str, tier: int, tokens: Tokens) -> Decimal:
        """The baseline of a group in the person's currency."""
        ...

    def price_request(
        self, at: datetime, context: int, output: int, cache_read: int
    ) -> Decimal: ...


def tier_of(thresholds: tuple[int, ...], context_tokens: int) -> int:
    """genai-prices' rule: a tier applies when the input tokens are *greater* than its start."""
    return bisect.bisect_left(thresholds, context_tokens)


def straddles(thresholds: tuple[int, ...], lowest: int, highest: int) -> bool:
    return tier_of(thresholds, lowest) != tier_of(thresholds, highest)


def _find_model(
    provider_id: str, model: str, custom: tuple[CustomEntry, ...] = ()
) -> tuple[str, PriceInfo]:
    try:
        return find_model(provider_id, model, custom)
    except PriceUnknownError as exc:
        raise PriceUnknownError(
            exc.message,
            hint=translate("Ledger", "Choose another baseline model or enter a custom price."),
        ) from exc


class ModelBaseline:
    """A cloud model's published prices (Hearth's table over genai-prices), at each
    request's own time, in the provider's currency and shown in the person's."""

    def __init__(
        self,
        provider_id: str,
        model: str,
        config: LedgerConfig,
        *,
        cache: bool,
        custom: tuple[CustomEntry, ...] = (),
    ) -> None:
        self.provider_id = provider_id
        self.model = model
        self.config = config
        self.custom = custom
        self.uses_cache = cache
        self.provider_name, self.info = _find_model(provider_id, model, custom)
        self.weekday_dependent = isinstance(self.info, TableModelInfo) and (
            self.info.weekday_dependent
        )
        prices = (
            [self.info.prices]
            if isinstance(self.info.prices, ModelPrice)
            else [conditional.prices for conditional in self.info.prices]
        )
        starts = {
            tier.start
            for price in prices
            for value in vars(price).values()
            if isinstance(value, TieredPrices)
            for tier in value.tiers
        }
        self._thresholds = tuple(sorted(starts))
        if isinstance(self.info, TableModelInfo):
            self._starts = self.info.period_starts()
            self.has_time_of_day = self.info.has_time_of_day
        else:
            self._starts = tuple(
                sorted(
                    {
                        conditional.constraint.start_date.isoformat()
                        for conditional in (
                            [] if isinstance(self.info.prices, ModelPrice) else self.info.prices
                        )
                        if isinstance(conditional.constraint, StartDateConstraint)
                    }
                )
            )
            self.has_time_of_day = not isinstance(self.info.prices, ModelPrice) and any(
                isinstance(conditional.constraint, TimeOfDateConstraint)
                for conditional in self.info.prices
            )
        self._resolved: dict[tuple[int, int], ModelPrice] = {}
        self._classes: dict[tuple[int, ...], str] = {}
        self._period_classes: dict[tuple[int, bool], str] = {}
        self._distinct: dict[int, list[int]] = {}
        self._factors: dict[str, Decimal] = {}

    def factor(self, price: ModelPrice) -> Decimal:
        """One unit of the price's currency in the person's currency."""
        currency = currency_of(self.info, price)
        if currency not in self._factors:
            self._factors[currency] = convert(Decimal(1), currency, self.config)
        return self._factors[currency]

    def currencies(self) -> tuple[str, ...]:
        prices = (
            [self.info.prices]
            if isinstance(self.info.prices, ModelPrice)
            else [c.prices for c in self.info.prices]
        )
        return tuple(sorted({currency_of(self.info, price) for price in prices}))

    def describe(self) -> str:
        name = self.info.name or self.info.id
        if isinstance(self.info, TableModelInfo):
            text = translate(
                "Ledger",
                "{provider} {model} at each request's own date and hour (Hearth's price table "
                "of {checked}, in {currency}, over genai-prices {version})",
            ).format(
                provider=self.provider_name,
                model=name,
                checked=TABLE_CHECKED,
                currency=self.info.currency,
                version=genai_prices_version,
            )
        else:
            text = translate(
                "Ledger",
                "{provider} {model} at each request's own date (genai-prices {version})",
            ).format(provider=self.provider_name, model=name, version=genai_prices_version)
        retired = retired_message(self.provider_id, self.model)
        if retired:
            text += translate("Ledger", " — {retired}").format(retired=retired)
        if self.custom:
            text += translate("Ledger", ", with your own price from {date}").format(
                date=min((e.start or date.min) for e in self.custom)
            )
        for currency in self.currencies():
            if currency != self.config.currency:
                text += "; " + rate_words(currency, self.config)
        if self.uses_cache:
            text += translate("Ledger", ", with the provider's prompt-cache discount modelled")
        return text

    def thresholds(self) -> tuple[int, ...]:
        return self._thresholds

    def period_starts(self) -> tuple[str, ...]:
        return self._starts

    def _price_at(self, moment: datetime) -> ModelPrice:
        return self.info.get_prices(moment)

    def time_classes(self, day: date) -> str:
        if not self.has_time_of_day:
            # Start dates are UTC dates: without off-peak windows a day has one price.
            return "a" * SLOTS_PER_DAY
        # Between two price start dates every day has the same windows (or every weekday
        # and every weekend day, for weekday peaks), so compute once.
        period = bisect.bisect_right(self._starts, day.isoformat())
        weekend = self.weekday_dependent and day.weekday() >= 5
        if (period, weekend) in self._period_classes:
            return self._period_classes[(period, weekend)]
        starts = [slot_start(day, slot) for slot in range(SLOTS_PER_DAY + 1)]
        prices = [self._price_at(moment) for moment in starts]
        ends = [self._price_at(moment - timedelta(microseconds=1)) for moment in starts[1:]]
        key = tuple(id(price) for price in prices) + tuple(id(price) for price in ends)
        if key not in self._classes:
            # One letter per price for the whole period, weekdays and weekends alike.
            distinct = self._distinct.setdefault(period, [])
            chars = []
            for slot in range(SLOTS_PER_DAY):
                if prices[slot] is not ends[slot]:
                    chars.append(RAW)
                    continue
                if id(prices[slot]) not in distinct:
                    distinct.append(id(prices[slot]))
                chars.append(chr(ord("a") + distinct.index(id(prices[slot]))))
            self._classes[key] = "".join(chars)
        self._period_classes[(period, weekend)] = self._classes[key]
        return self._classes[key]

    def weekend_classes(self, day: date) -> str | None:
        """The classes of a weekend day in ``day``'s span of equal prices, when they differ
        from a weekday's (DeepSeek's peak hours are weekdays only); else None."""
        if not self.weekday_dependent:
            return None
        period = bisect.bisect_right(self._starts, day.isoformat())
        end = date.fromisoformat(self._starts[period]) if period < len(self._starts) else None
        saturday = day + timedelta(days=(5 - day.weekday()) % 7)
        if end is not None and saturday >= end:
            return None  # no weekend in this span
        return self.time_classes(saturday)

    def price_key(self, day: date, time_class: str) -> object:
        slot = self.time_classes(day).index(time_class)
        return id(self._price_at(slot_start(day, slot)))

    def _tiered(self, price: ModelPrice, tier: int) -> ModelPrice:
        """The price with every tiered rate fixed at ``tier`` (so it is linear in tokens)."""
        key = (id(price), tier)
        if key not in self._resolved:
            representative = 0 if tier == 0 else self._thresholds[tier - 1] + 1
            resolved = copy(price)
            for name, value in vars(price).items():
                if isinstance(value, TieredPrices):
                    applicable = value.base
                    for step in reversed(value.tiers):
                        if representative > step.start:
                            applicable = step.price
                            break
                    object.__setattr__(resolved, name, applicable)
            self._resolved[key] = resolved
        return self._resolved[key]

    def _usage(self, price: ModelPrice, tokens: Tokens) -> Usage:
        cache_read = tokens.cache_read if self.uses_cache else 0
        writes_cost_extra = self.uses_cache and price.cache_write_mtok is not None
        return Usage(
            input_tokens=tokens.context,
            output_tokens=tokens.output,
            cache_read_tokens=cache_read or None,
            cache_write_tokens=(tokens.context - cache_read) if writes_cost_extra else None,
        )

    def price_group(self, day: date, time_class: str, tier: int, tokens: Tokens) -> Decimal:
        if tokens.requests == 0:
            return Decimal(0)
        slot = self.time_classes(day).index(time_class)
        listed = self._price_at(slot_start(day, slot))
        price = self._tiered(listed, tier)
        amount = Decimal(price.calc_price(self._usage(price, tokens))["total_price"])
        amount += self._per_request(slot_start(day, slot)) * tokens.requests
        return amount * self.factor(listed)  # the listed price knows its currency, a copy not

    def _per_request(self, moment: datetime) -> Decimal:
        """A person's fixed price per request, in the same currency as the period's."""
        period = self.info.period(moment) if isinstance(self.info, TableModelInfo) else None
        return period.per_request if period is not None else Decimal(0)

    def price_request(self, at: datetime, context: int, output: int, cache_read: int) -> Decimal:
        price = self._price_at(at)
        cache_read = cache_read if self.uses_cache else 0
        writes_cost_extra = self.uses_cache and price.cache_write_mtok is not None
        result = quote(
            self.provider_id,
            self.model,
            input_tokens=context,
            output_tokens=output,
            cache_read_tokens=cache_read,
            cache_write_tokens=(context - cache_read) if writes_cost_extra else 0,
            at=at,
            custom=self.custom,
        )
        return convert(result.amount, result.currency, self.config)


class CustomBaseline:
    """A price the person entered, in their own currency."""

    uses_cache = False
    has_time_of_day = False

    def __init__(self, input_per_mtok: Decimal, output_per_mtok: Decimal, per_request: Decimal):
        self.input_per_mtok = input_per_mtok
        self.output_per_mtok = output_per_mtok
        self.per_request = per_request

    def describe(self) -> str:
        return translate(
            "Ledger",
            "your custom price: {input} per million input tokens, {output} per million "
            "output tokens, {request} per request",
        ).format(input=self.input_per_mtok, output=self.output_per_mtok, request=self.per_request)

    def thresholds(self) -> tuple[int, ...]:
        return ()

    def period_starts(self) -> tuple[str, ...]:
        return ()

    def time_classes(self, day: date) -> str:
        return "a" * SLOTS_PER_DAY

    def weekend_classes(self, day: date) -> str | None:
        return None

    def price_key(self, day: date, time_class: str) -> object:
        return None

    def price_group(self, day: date, time_class: str, tier: int, tokens: Tokens) -> Decimal:
        return (
            self.input_per_mtok * tokens.context / MILLION
            + self.output_per_mtok * tokens.output / MILLION
            + self.per_request * tokens.requests
        )

    def price_request(self, at: datetime, context: int, output: int, cache_read: int) -> Decimal:
        return self.price_group(at.date(), "a", 0, Tokens(1, context, output))


def make_baseline(config: LedgerConfig) -> Baseline:
    if config.baseline_kind == BASELINE_CUSTOM_KIND:
        return CustomBaseline(
            config.custom_input_per_mtok, config.custom_output_per_mtok, config.custom_per_request
        )
    provider, model = config.baseline_provider_model
    return ModelBaseline(
        prices_provider(provider),  # "zhipu" and "zhipuai" both name Zhipu's prices
        model,
        config,
        cache=config.cache_discount,
        custom=config.baseline_custom,
    )
