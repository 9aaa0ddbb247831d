"""Prices for cloud replies and for the escalation preview.

``CloudPricer`` implements ``app.chat.service.Pricer``: the person's own price for the
model from its start date (``app.pricing.custom``, any currency), else Hearth's dated
price table and genai-prices at the request's own timestamp (``app.pricing``), in the
provider's currency; otherwise no cost and a source that says why. Local providers cost
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.cloud.providers import get_provider
from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.settings import Settings
from app.engines.base import ReplyUsage
from app.pricing import PriceQuote, PriceUnknownError, quote
from app.pricing.custom import custom_entries
from app.pricing.table import USD


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


def price_request(
    provider_id: str, model: str, tokens: Tokens, at: datetime, settings: Settings
) -> PriceQuote:
    """Price one request in its provider's own currency, or raise ``PriceUnknownError``.

    The person's own price for the model (or the provider) from its start date on, else
    Hearth's price table and genai-prices at the request's time."""
    provider = get_provider(provider_id)
    if provider.is_local:
        zero = Decimal(0)
        return PriceQuote(zero, zero, zero, translate("Pricing", "local: no API cost"))
    mine = custom_entries(settings, provider.id, model)
    prices_id = provider.prices_id or provider.id
    try:
        return quote(
            prices_id,
            model,
            input_tokens=tokens.input,
            output_tokens=tokens.output,
            cache_read_tokens=tokens.cache_read,
            cache_write_tokens=tokens.cache_write,
            at=at,
            custom=mine,
        )
    except PriceUnknownError as exc:
        raise PriceUnknownError(
            translate("Pricing", "No published price is known for {provider} / {model}.").format(
                provider=provider.name, model=model
            ),
            hint=translate(
                "Pricing", "Enter your price per million tokens for {model} in Tools → API keys."
            ).format(model=model),
        ) from exc


class CloudPricer:
    """``app.chat.service.Pricer`` for cloud replies."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def __call__(
        self, provider: str, model: str, usage: ReplyUsage, context_tokens: int, at: datetime
    ) -> tuple[Decimal | None, str, str]:
        try:
            result = price_request(
                provider, model, tokens_from_usage(usage, context_tokens), at, self._settings
            )
        except KnownError as exc:  # unknown provider or no price: record "unknown"
            return None, exc.message, USD
        return result.amount, result.source, result.currency


def make_pricer(settings: Settings) -> CloudPricer:
    """The pricer the chat service uses for cloud replies."""
    return CloudPricer(settings)
