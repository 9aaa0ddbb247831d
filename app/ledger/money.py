"""Money in the person's currency: conversion at their own rate, plain formatting.

The GUI formats with QLocale; this plain formatter serves the CLI and the exports.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

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
