"""Token prices: Hearth's dated table (``resources/prices.json``) first, then
``genai-prices`` (works offline). A price is in its provider's own currency — yuan for
DeepSeek and Qwen, US dollars for what genai-prices lists — and stays in it: converting
is for display, at a rate the person can see.

Every price is computed per request at that request's own timestamp: prices change
over time, some providers have off-peak hours, and long-context tiers apply per
request, so summing tokens first and pricing once would be wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports

if TYPE_CHECKING:
    from genai_prices.types import ModelInfo, ModelPrice

    from app.pricing.custom import CustomEntry
    from app.pricing.table import TableModelInfo

    PriceInfo = ModelInfo | TableModelInfo

# The price tables (genai-prices, pydantic: ~0.2 s) load at the first price, on the
# thread that needs it, not with this package (the keys dialog imports it at start-up).
USD = "USD"


class PriceUnknownError(KnownError):
    """No price is known for this provider/model; the person must enter one."""


@dataclass(frozen=True)
class PriceQuote:
    amount: Decimal
    input_amount: Decimal
    output_amount: Decimal
    source: str
    """Provenance shown to the person, e.g. ``genai-prices: Anthropic Claude Sonnet 4.5``."""
    currency: str = USD

    @property
    def usd(self) -> Decimal:
        """The amount, for callers that only handle US dollars (refuses any other)."""
        if self.currency != USD:
            raise ValueError(f"price is in {self.currency}, not USD")
        return self.amount


def _unknown(provider_id: str, model: str) -> PriceUnknownError:
    return PriceUnknownError(
        translate("Pricing", "No published price is known for {provider} / {model}.").format(
            provider=provider_id, model=model
        ),
        hint=translate("Pricing", "Enter a price per million tokens in Settings."),
    )


@cache
def find_model(
    provider_id: str, model: str, custom: tuple[CustomEntry, ...] = ()
) -> tuple[str, PriceInfo]:
    """(provider display name, price info): the table's entry (over genai-prices' as its
    base before the entry's first period), else genai-prices', else PriceUnknownError.
    ``custom`` are the person's own prices (``app.pricing.custom``), laid over both."""
    with serial_imports:
        from genai_prices import data_snapshot

        from app.pricing.table import TableModelInfo, table_model, with_periods

    base: ModelInfo | None = None
    provider_name = provider_id
    try:
        provider, base = data_snapshot.get_snapshot().find_provider_model(
            model, None, provider_id, None
        )
        provider_name = provider.name
    except LookupError:
        base = None
    entry = table_model(provider_id, model)
    if entry is not None or custom:
        if provider_name == provider_id:
            provider_name = {
                "deepseek": "DeepSeek",
                "qwen": "Alibaba Qwen",
                "ark": "Volcano Engine Ark",
            }.get(provider_id, provider_id)
        name = (base.name if base is not None else None) or model
        periods = tuple(e.as_period() for e in custom)
        merged = with_periods(entry, provider_id, model, name, periods) if custom else entry
        assert merged is not None
        return provider_name, TableModelInfo(merged, base)
    if base is None:
        raise _unknown(provider_id, model)
    return provider_name, base


def currency_of(info: PriceInfo, price: ModelPrice) -> str:
    with serial_imports:
        from app.pricing.table import TableModelInfo

    return info.currency_of(price) if isinstance(info, TableModelInfo) else USD


def quote(
    provider_id: str,
    model: str,
    *,
    input_tokens: int,
    output_tokens: int,
    cache_read_tokens: int = 0,
    cache_write_tokens: int = 0,
    at: datetime,
    custom: tuple[CustomEntry, ...] = (),
) -> PriceQuote:
    """Price one request. ``input_tokens`` includes cached tokens (genai-prices' rule)."""
    if at.tzinfo is None:
        raise ValueError("request timestamps must be timezone-aware")
    with serial_imports:
        from genai_prices import Usage

        from app.pricing.table import TableModelInfo

    provider_name, info = find_model(provider_id, model, custom)
    price = info.get_prices(at)
    usage = Usage(
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        cache_read_tokens=cache_read_tokens or None,
        cache_write_tokens=cache_write_tokens or None,
    )
    result = price.calc_price(usage)
    name = info.name or info.id
    period = info.period(at) if isinstance(info, TableModelInfo) else None
    if period is not None and period.custom:
        source = translate("Pricing", "your price for {provider} {model} from {date}").format(
            provider=provider_name, model=name, date=period.start.date()
        )
    elif period is not None and period.secondary:
        source = translate(
            "Pricing", "Hearth price table: {provider} {model} ({url}, a secondary source)"
        ).format(provider=provider_name, model=name, url=period.source)
    elif period is not None:
        source = translate("Pricing", "Hearth price table: {provider} {model} ({url})").format(
            provider=provider_name, model=name, url=period.source
        )
    else:
        source = f"genai-prices: {provider_name} {name}"
    per_request = period.per_request if period is not None else Decimal(0)
    return PriceQuote(
        amount=Decimal(result["total_price"]) + per_request,
        input_amount=Decimal(result["input_price"]),
        output_amount=Decimal(result["output_price"]),
        source=source,
        currency=currency_of(info, price),
    )


@dataclass(frozen=True)
class CustomPrice:
    """A price the person entered per million tokens (or per request), in ``currency``."""

    input_per_mtok: Decimal = Decimal(0)
    output_per_mtok: Decimal = Decimal(0)
    per_request: Decimal = Decimal(0)
    currency: str = USD

    def quote(self, input_tokens: int, output_tokens: int) -> PriceQuote:
        million = Decimal(1_000_000)
        input_amount = self.input_per_mtok * input_tokens / million
        output_amount = self.output_per_mtok * output_tokens / million
        return PriceQuote(
            amount=input_amount + output_amount + self.per_request,
            input_amount=input_amount,
            output_amount=output_amount,
            source="custom price",
            currency=self.currency,
        )
