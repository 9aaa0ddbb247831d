"""The ledger's settings, declared once, and the snapshot the arithmetic works from.

Money settings (electricity, hardware) are in the person's chosen currency; prices keep
their own currency (yuan for DeepSeek, dollars for genai-prices, whatever the person
entered for their own price per model, ``app.pricing.custom``) and are converted with the
exchange rate the person sets (Hearth never fetches live rates). The baseline is always a
model; a custom baseline is a price entered for a model (``custom:baseline`` after the
settings upgrade from 0.1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import Setting, Settings, declare, non_negative, positive

if TYPE_CHECKING:
    from app.pricing.custom import CustomEntry

CURRENCIES = ("USD", "CNY", "EUR", "GBP", "JPY")


@dataclass(frozen=True)
class StartingValues:
    """Where a currency's money settings start until the person sets their own: units per
    US dollar, and a typical household electricity price (2025 averages: US EIA, China's
    tiered tariffs, Eurostat, the UK price cap, Japan). Shown in the settings to change."""

    fx_rate: Decimal
    electricity_per_kwh: Decimal


STARTING_VALUES: dict[str, StartingValues] = {
    "USD": StartingValues(Decimal(1), Decimal("0.15")),
    "CNY": StartingValues(Decimal("7.1"), Decimal("0.6")),
    "EUR": StartingValues(Decimal("0.9"), Decimal("0.28")),
    "GBP": StartingValues(Decimal("0.77"), Decimal("0.25")),
    "JPY": StartingValues(Decimal(150), Decimal(31)),
}
BASELINE_MODEL_KIND = "model"
BASELINE_CUSTOM_KIND = "custom"
DEFAULT_BASELINE_MODEL = "anthropic:claude-sonnet-4-5"
_MODEL_REF = re.compile(r"^[a-z0-9_.-]+:\S+$")


def _valid_model_ref(value: str) -> str | None:
    if not _MODEL_REF.match(value):
        return translate("Ledger", "Write the baseline as PROVIDER:MODEL, e.g. {example}.").format(
            example=DEFAULT_BASELINE_MODEL
        )
    return None


def _valid_date_or_empty(value: str) -> str | None:
    if not value:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return translate("Ledger", "Write the date as YYYY-MM-DD, or leave it empty.")
    return None


def _valid_months(value: int) -> str | None:
    if value < 0 or value > 600:
        return translate("Ledger", "Must be between 0 (off) and 600 months.")
    return None


def _valid_days_per_month(value: int) -> str | None:
    if value < 1 or value > 31:
        return translate("Ledger", "Must be between 1 and 31 days.")
    return None


CURRENCY = declare(Setting("ledger/currency", "USD", "Currency", choices=CURRENCIES))
FX_RATE = declare(
    Setting(
        "ledger/fx_rate",
        Decimal("7.1"),
        "Exchange rate (units of your currency per US dollar)",
        validate=positive,
    )
)
BASELINE_MODEL = declare(
    Setting(
        "ledger/baseline_model",
        DEFAULT_BASELINE_MODEL,
        "Baseline cloud model (PROVIDER:MODEL)",
        validate=_valid_model_ref,
    )
)
CACHE_DISCOUNT = declare(
    Setting("ledger/cache_discount", False, "Model the baseline provider's prompt-cache discount")
)
ELECTRICITY_PER_KWH = declare(
    Setting(
        "ledger/electricity_per_kwh",
        Decimal("0.15"),
        "Electricity price per kWh",
        validate=non_negative,
    )
)
CONFIGURED_WATTS = declare(
    Setting(
        "ledger/configured_watts",
        Decimal(200),
        "Power while generating, in watts (when it cannot be measured)",
        validate=non_negative,
    )
)
HARDWARE_COST = declare(
    Setting("ledger/hardware_cost", Decimal(0), "Hardware cost", validate=non_negative)
)
PURCHASE_DATE = declare(
    Setting("ledger/purchase_date", "", "Hardware purchase date", validate=_valid_date_or_empty)
)
AMORTIZATION_MONTHS = declare(
    Setting(
        "ledger/amortization_months",
        0,
        "Spread the hardware cost over (months, 0 = off)",
        validate=_valid_months,
    )
)
DAYS_PER_MONTH = declare(
    Setting(
        "ledger/days_per_month", 30, "Days per month (calculator)", validate=_valid_days_per_month
    )
)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    CURRENCY,
    FX_RATE,
    BASELINE_MODEL,
    CACHE_DISCOUNT,
    ELECTRICITY_PER_KWH,
    CONFIGURED_WATTS,
    HARDWARE_COST,
    PURCHASE_DATE,
    AMORTIZATION_MONTHS,
    DAYS_PER_MONTH,
)


@dataclass(frozen=True)
class LedgerConfig:
    """Everything the arithmetic needs, read once so a report is internally consistent."""

    currency: str = "USD"
    fx_rate: Decimal = Decimal("7.1")
    baseline_kind: str = BASELINE_MODEL_KIND
    baseline_model: str = DEFAULT_BASELINE_MODEL
    custom_input_per_mtok: Decimal = Decimal(0)
    custom_output_per_mtok: Decimal = Decimal(0)
    custom_per_request: Decimal = Decimal(0)
    cache_discount: bool = False
    electricity_per_kwh: Decimal = Decimal("0.15")
    configured_watts: Decimal = Decimal(200)
    hardware_cost: Decimal = Decimal(0)
    purchase_date: date | None = None
    amortization_months: int = 0
    days_per_month: int = 30
    baseline_custom: tuple[CustomEntry, ...] = ()
    """The person's own prices for the baseline model (app.pricing.custom), if any."""

    @property
    def usd_rate(self) -> Decimal:
        """Units of the person's currency per US dollar (exactly 1 for USD)."""
        return Decimal(1) if self.currency == "USD" else self.fx_rate

    @property
    def baseline_provider_model(self) -> tuple[str, str]:
        provider, _, model = self.baseline_model.partition(":")
        return provider, model


_EURO_TERRITORIES = [
    "AT",
    "BE",
    "HR",
    "CY",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PT",
    "SK",
    "SI",
    "ES",
]
TERRITORY_CURRENCIES: dict[str, str] = {
    "CN": "CNY",
    "US": "USD",
    "JP": "JPY",
    "GB": "GBP",
    **dict.fromkeys(_EURO_TERRITORIES, "EUR"),
}


def adopt_local_currency(settings: Settings, territory: str) -> bool:
    """Count money in the person's own currency from the first run, where Hearth knows it
    (a ledger in dollars on a Chinese desktop is one more thing to fix by hand). Only
    while the person has never chosen a currency; their own rate or price is kept.
    True when something changed (the caller saves)."""
    currency = TERRITORY_CURRENCIES.get(territory.upper())
    if settings.is_set(CURRENCY) or currency is None or currency == CURRENCY.default:
        return False
    start = STARTING_VALUES[currency]
    settings.set(CURRENCY, currency)
    if not settings.is_set(FX_RATE):
        settings.set(FX_RATE, start.fx_rate)
    if not settings.is_set(ELECTRICITY_PER_KWH):
        settings.set(ELECTRICITY_PER_KWH, start.electricity_per_kwh)
    return True


def baseline_entries(settings: Settings, provider_ref: str, model: str) -> tuple[CustomEntry, ...]:
    """The person's prices for a baseline written ``PROVIDER:MODEL``: a price is stored
    under Hearth's provider id (the keys dialog's), a baseline may name the price-table id
    (``zhipuai`` for ``zhipu``), so both are read."""
    with serial_imports:
        from app.cloud.providers import provider_for_ref
        from app.pricing.custom import ALL_MODELS, custom_entries

    provider = provider_for_ref(provider_ref)
    ids = {provider_ref} | ({provider.id} if provider is not None else set())
    found = [e for pid in sorted(ids) for e in custom_entries(settings, pid, model)]
    return tuple(sorted(found, key=lambda e: (e.start or date.min, e.model != ALL_MODELS)))


def load_config(settings: Settings) -> LedgerConfig:
    purchase = settings.get(PURCHASE_DATE)
    provider, _, model = settings.get(BASELINE_MODEL).partition(":")
    return LedgerConfig(
        currency=settings.get(CURRENCY),
        fx_rate=settings.get(FX_RATE),
        baseline_model=settings.get(BASELINE_MODEL),
        cache_discount=settings.get(CACHE_DISCOUNT),
        electricity_per_kwh=settings.get(ELECTRICITY_PER_KWH),
        configured_watts=settings.get(CONFIGURED_WATTS),
        hardware_cost=settings.get(HARDWARE_COST),
        purchase_date=date.fromisoformat(purchase) if purchase else None,
        amortization_months=settings.get(AMORTIZATION_MONTHS),
        days_per_month=settings.get(DAYS_PER_MONTH),
        baseline_custom=baseline_entries(settings, provider, model),
    )
