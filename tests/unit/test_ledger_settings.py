"""Ledger settings: declared once, validated with plain messages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.core.settings import SettingError, Settings
from app.ledger.settings import (
    AMORTIZATION_MONTHS,
    BASELINE_MODEL,
    CURRENCY,
    ELECTRICITY_PER_KWH,
    FX_RATE,
    HARDWARE_COST,
    PURCHASE_DATE,
    load_config,
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


def test_defaults_give_the_documented_baseline(settings: Settings) -> None:
    config = load_config(settings)
    assert config.baseline_model == "anthropic:claude-sonnet-4-5"
    assert config.currency == "USD"
    assert config.usd_rate == 1
    assert not config.cache_discount


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        (ELECTRICITY_PER_KWH, Decimal("-0.1"), "must not be negative"),
        (HARDWARE_COST, Decimal(-5), "must not be negative"),
        (FX_RATE, Decimal(0), "greater than zero"),
        (PURCHASE_DATE, "01/02/2025", "YYYY-MM-DD"),
        (AMORTIZATION_MONTHS, -1, "between 0"),
        (BASELINE_MODEL, "claude", "PROVIDER:MODEL"),
        (CURRENCY, "BTC", "cannot be set"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(
    settings: Settings, setting: object, value: object, message: str
) -> None:
    with pytest.raises(SettingError, match=f"(?i){message}"):
        settings.set(setting, value)  # type: ignore[call-overload]


def test_values_survive_a_restart(settings: Settings, tmp_path: Path) -> None:
    settings.set(CURRENCY, "CNY")
    settings.set(FX_RATE, Decimal("7.25"))
    settings.set(PURCHASE_DATE, "2025-01-15")
    settings.save()
    config = load_config(Settings(tmp_path / "settings.json"))
    assert (config.currency, config.usd_rate, config.purchase_date) == (
        "CNY",
        Decimal("7.25"),
        date(2025, 1, 15),
    )


def test_every_currency_has_starting_values_and_usd_starts_at_the_defaults() -> None:
    from app.ledger.settings import CURRENCIES, ELECTRICITY_PER_KWH, STARTING_VALUES

    assert set(STARTING_VALUES) == set(CURRENCIES)
    assert STARTING_VALUES["USD"].electricity_per_kwh == ELECTRICITY_PER_KWH.default
    assert STARTING_VALUES["USD"].fx_rate == 1
    assert all(v.fx_rate > 0 and v.electricity_per_kwh > 0 for v in STARTING_VALUES.values())


def test_a_first_run_in_china_counts_in_yuan_from_the_start(settings: Settings) -> None:
    from app.ledger.settings import (
        CURRENCY,
        ELECTRICITY_PER_KWH,
        FX_RATE,
        adopt_local_currency,
        load_config,
    )

    assert adopt_local_currency(settings, "CN")
    config = load_config(settings)
    assert (config.currency, config.fx_rate, config.electricity_per_kwh) == (
        "CNY",
        Decimal("7.1"),
        Decimal("0.6"),
    )
    # Once chosen, the currency is the person's: a later start elsewhere changes nothing.
    assert not adopt_local_currency(settings, "DE")
    assert settings.get(CURRENCY) == "CNY"
    assert settings.is_set(FX_RATE) and settings.is_set(ELECTRICITY_PER_KWH)


def test_the_local_currency_keeps_what_the_person_set_and_skips_unknown_places(
    settings: Settings,
) -> None:
    from app.ledger.settings import CURRENCY, ELECTRICITY_PER_KWH, adopt_local_currency

    assert not adopt_local_currency(settings, "TW")  # no TWD yet: stays as it was
    assert not adopt_local_currency(settings, "US")  # already the default
    assert not settings.is_set(CURRENCY)
    settings.set(ELECTRICITY_PER_KWH, Decimal("0.45"))
    assert adopt_local_currency(settings, "fr")
    assert settings.get(CURRENCY) == "EUR"
    assert settings.get(ELECTRICITY_PER_KWH) == Decimal("0.45")
