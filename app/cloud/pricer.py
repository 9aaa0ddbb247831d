"""Prices for cloud replies and for the escalation preview.

``CloudPricer`` implements ``app.chat.service.Pricer``: genai-prices at the request's own
timestamp first; where genai-prices has no price (Qwen/DashScope, Ark, Custom, or a
model it does not list yet) the person's own price per million tokens from Settings;
otherwise no cost and a source that says why. Local providers cost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.cloud.providers import INPUT_PRICES, OUTPUT_PRICES, Provider, get_provider
from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.settings import Settings
from app.engines.base import ReplyUsage
from app.pricing import CustomPrice, PriceQuote, PriceUnknownError, quote


@dataclass(frozen=True)
class Tokens:
    """A request's tokens the way genai-prices counts them (input *includes* cached)."""

    input: int
    output: int
    cache_read: int = 0
    cache_write: int = 0


def tokens_from_usage(usage: ReplyUsage, context_tokens: int) -> Tokens:
    """Convert ``ReplyUsage`` (input excludes cached and cache-write tokens)."""
    cached = usage.cached_input_tokens or 0
    written = usage.cache_write_tokens or 0
    if usage.input_tokens is None:
        billed_input = context_tokens  # nothing reported: the whole context is billed
    else:
        billed_input = usage.input_tokens + cached + written
    return Tokens(
        input=billed_input,
        output=usage.output_tokens or 0,
        cache_read=cached,
        cache_write=written,
    )


def custom_price(provider: Provider, settings: Settings) -> CustomPrice | None:
    if provider.id not in INPUT_PRICES:
        return None
    price = CustomPrice(
        input_per_mtok=settings.get(INPUT_PRICES[provider.id]),
        output_per_mtok=settings.get(OUTPUT_PRICES[provider.id]),
    )
    if price.input_per_mtok == 0 and price.output_per_mtok == 0:
        return None
    return price


def price_request(
    provider_id: str, model: str, tokens: Tokens, at: datetime, settings: Settings
) -> PriceQuote:
    """Price one request, or raise ``PriceUnknownError`` when no price is known."""
    provider = get_provider(provider_id)
    if provider.is_local:
        zero = Decimal(0)
        return PriceQuote(zero, zero, zero, translate("Pricing", "local: no API cost"))
    unknown: PriceUnknownError | None = None
    if provider.prices_id is not None:
        try:
            return quote(
                provider.prices_id,
                model,
                input_tokens=tokens.input,
                output_tokens=tokens.output,
                cache_read_tokens=tokens.cache_read,
                cache_write_tokens=tokens.cache_write,
                at=at,
            )
        except PriceUnknownError as exc:
            unknown = exc
    mine = custom_price(provider, settings)
    if mine is not None:
        result = mine.quote(tokens.input, tokens.output)
        return PriceQuote(
            result.usd,
            result.input_usd,
            result.output_usd,
            translate("Pricing", "your price for {provider}").format(provider=provider.name),
        )
    raise unknown or PriceUnknownError(
        translate("Pricing", "No published price is known for {provider} / {model}.").format(
            provider=provider.name, model=model
        ),
        hint=translate(
            "Pricing", "Enter your price per million tokens for {provider} in Settings."
        ).format(provider=provider.name),
    )


class CloudPricer:
    """``app.chat.service.Pricer`` for cloud replies."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def __call__(
        self, provider: str, model: str, usage: ReplyUsage, context_tokens: int, at: datetime
    ) -> tuple[Decimal | None, str]:
        try:
            result = price_request(
                provider, model, tokens_from_usage(usage, context_tokens), at, self._settings
            )
        except KnownError as exc:  # unknown provider or no price: record "unknown"
            return None, exc.message
        return result.usd, result.source


def make_pricer(settings: Settings) -> CloudPricer:
    """The pricer the chat service uses for cloud replies."""
    return CloudPricer(settings)
