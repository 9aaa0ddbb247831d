"""Token prices from ``genai-prices`` (works offline), in US dollars.

Every price is computed per request at that request's own timestamp: prices change
over time, some providers have off-peak hours, and long-context tiers apply per
request, so summing tokens first and pricing once would be wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from genai_prices import Usage, calc_price

from app.core.errors import KnownError
from app.core.i18n import translate


class PriceUnknownError(KnownError):
    """genai-prices has no price for this provider/model; the person must enter one."""


@dataclass(frozen=True)
class PriceQuote:
    usd: Decimal
    input_usd: Decimal
    output_usd: Decimal
    source: str
    """Provenance shown to the person, e.g. ``genai-prices: Anthropic Claude Sonnet 4.5``."""


def quote(
    provider_id: str,
    model: str,
    *,
    input_tokens: int,
    output_tokens: int,
    cache_read_tokens: int = 0,
    cache_write_tokens: int = 0,
    at: datetime,
) -> PriceQuote:
    """Price one request. ``input_tokens`` includes cached tokens (genai-prices' rule)."""
    if at.tzinfo is None:
        raise ValueError("request timestamps must be timezone-aware")
    usage = Usage(
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        cache_read_tokens=cache_read_tokens or None,
        cache_write_tokens=cache_write_tokens or None,
    )
    try:
        result = calc_price(usage, model, provider_id=provider_id, genai_request_timestamp=at)
    except LookupError as exc:
        raise PriceUnknownError(
            translate("Pricing", "No published price is known for {provider} / {model}.").format(
                provider=provider_id, model=model
            ),
            hint=translate("Pricing", "Enter a price per million tokens in Settings."),
        ) from exc
    source = f"genai-prices: {result.provider.name} {result.model.name}"
    return PriceQuote(
        usd=Decimal(result.total_price),
        input_usd=Decimal(result.input_price),
        output_usd=Decimal(result.output_price),
        source=source,
    )


@dataclass(frozen=True)
class CustomPrice:
    """A price the person entered, in USD per million tokens (or per request)."""

    input_per_mtok: Decimal = Decimal(0)
    output_per_mtok: Decimal = Decimal(0)
    per_request: Decimal = Decimal(0)

    def quote(self, input_tokens: int, output_tokens: int) -> PriceQuote:
        million = Decimal(1_000_000)
        input_usd = self.input_per_mtok * input_tokens / million
        output_usd = self.output_per_mtok * output_tokens / million
        return PriceQuote(
            usd=input_usd + output_usd + self.per_request,
            input_usd=input_usd,
            output_usd=output_usd,
            source="custom price",
        )
