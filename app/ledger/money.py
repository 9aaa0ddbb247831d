"""Money in the person's currency: conversion at their own rate, plain formatting.

The GUI formats with QLocale; this plain formatter serves the CLI and the exports.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

from app.core.i18n import translate
from app.core.lazy import serial_imports

if TYPE_CHECKING:
    from app.ledger.settings import LedgerConfig

SYMBOLS = {"USD": "$", "CNY": "¥", "EUR": "€", "GBP": "£", "JPY": "¥"}
MINOR_DIGITS = {"JPY": 0}


def to_currency(usd: Decimal, usd_rate: Decimal) -> Decimal:
    """US dollars → the person's currency (``usd_rate`` units per dollar)."""
    return usd * usd_rate


def to_usd(amount: Decimal, usd_rate: Decimal) -> Decimal:
    if usd_rate <= 0:
        raise ValueError("the exchange rate must be positive")
    return amount / usd_rate


def rounded(amount: Decimal, currency: str) -> Decimal:
    digits = MINOR_DIGITS.get(currency, 2)
    return amount.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)


def format_money(amount: Decimal, currency: str) -> str:
    """``$1,234.57`` / ``-¥12.00``: the currency's minor unit, grouped thousands."""
    value = rounded(amount, currency)
    if value == 0:
        value = abs(value)  # never print "-$0.00"
    digits = MINOR_DIGITS.get(currency, 2)
    sign = "-" if value < 0 else ""
    return f"{sign}{SYMBOLS.get(currency, currency + ' ')}{abs(value):,.{digits}f}"


def as_json_number(amount: Decimal) -> float:
    """Six decimals: exact to a millionth of the currency unit, readable by any tool."""
    return float(amount.quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN))


def units_per_usd(currency: str, config: LedgerConfig) -> Decimal:
    """How many units of ``currency`` make a US dollar: 1 for dollars, the person's own
    rate for their currency, else Hearth's starting value for that currency (stated in
    the report wherever it is used)."""
    with serial_imports:
        from app.ledger.settings import STARTING_VALUES

    if currency == "USD":
        return Decimal(1)
    if currency == config.currency:
        return config.fx_rate
    if currency not in STARTING_VALUES:
        raise ValueError(f"no exchange rate for {currency}")
    return STARTING_VALUES[currency].fx_rate


def convert(amount: Decimal, currency: str, config: LedgerConfig) -> Decimal:
    """An amount billed in ``currency`` in the person's currency. Nothing is converted
    when the two are the same: a yuan price stays exactly the yuan it was billed."""
    if currency == config.currency:
        return amount
    return amount / units_per_usd(currency, config) * config.usd_rate


def in_usd(amount: Decimal, currency: str, config: LedgerConfig) -> Decimal:
    """For code that only takes dollars and converts at the person's rate itself."""
    return amount / units_per_usd(currency, config)


def rate_words(currency: str, config: LedgerConfig) -> str:
    """The rate an amount in ``currency`` was shown at, in words."""
    if currency == config.currency:
        words = translate("Ledger", "{currency} amounts shown as billed, without conversion.")
        return words.format(currency=currency)
    words = translate("Ledger", "{currency} amounts converted at {rate} {currency} per US dollar.")
    text = words.format(currency=currency, rate=units_per_usd(currency, config))
    if currency not in ("USD", config.currency):
        text += " " + translate(
            "Ledger", "That is Hearth's starting value; choose that currency to set your own."
        )
    return text
