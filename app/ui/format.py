"""Numbers for people: sizes, durations and money in the person's locale."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale


def human_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def money(amount: Decimal, currency: str, digits: int = 2) -> str:
    """``amount`` in ``currency`` (ISO code) formatted for the person's locale, with
    ``digits`` decimals."""
    locale = QLocale()
    symbol = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(currency, currency)
    return locale.toCurrencyString(float(amount), symbol, digits)
