"""What the ledger widgets share: locale money formatting and background report loading."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QLocale, QTimeZone

from app.core.lazy import serial_imports
from app.ledger.localtime import local_timezone
from app.ledger.money import SYMBOLS, rounded
from app.ledger.settings import LedgerConfig
from app.ledger.store import open_reader

if TYPE_CHECKING:
    from app.ledger.report import MonthReport


def money_formatter(currency: str, locale: QLocale | None = None) -> Callable[[Decimal], str]:
    """Amounts in the person's locale (grouping, decimal mark) with the currency's symbol."""
    loc = locale or QLocale()
    symbol = SYMBOLS.get(currency, currency)
    digits = 0 if currency == "JPY" else 2

    def fmt(value: Decimal) -> str:
        amount = rounded(value, currency)
        if amount == 0:
            amount = abs(amount)
        return loc.toCurrencyString(float(amount), symbol, digits)

    return fmt


def gui_timezone() -> tzinfo:
    """The system zone as Qt sees it (falls back to the domain's detection)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return local_timezone()


def this_month(tz: tzinfo) -> str:
    return datetime.now(UTC).astimezone(tz).strftime("%Y-%m")


def load_report(db_path: Path, month: str, config: LedgerConfig, tz: tzinfo) -> MonthReport:
    """Runs on a worker thread, on its own read-only connection (WAL). The report code
    and its price tables (genai-prices, ~0.2 s) are imported here, on that thread, not
    while the window opens."""
    with serial_imports:
        from app.ledger.report import build_month_report

    conn = open_reader(db_path)
    try:
        return build_month_report(conn, month, config, tz=tz)
    finally:
        conn.close()
