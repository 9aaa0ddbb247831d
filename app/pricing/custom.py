"""The person's own prices: per model (or for every model of a provider), in any
currency, from a date on. One list, kept in one setting, read by the cloud pricer, the
baseline and ``hearth calc`` alike, and written by the keys dialog.

Earlier releases kept one US-dollar price per provider (``cloud/<id>/input_price_per_mtok``
and ``…output…``) and a custom savings baseline in the ledger's currency; settings version
2 moves both into this list (``app.core.settings_upgrades``), so nothing a person entered
is lost and there is one place a price lives.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import Setting, Settings, declare

if TYPE_CHECKING:
    from genai_prices.types import ModelPrice

    from app.pricing.table import Period

ALL_MODELS = "*"


def _valid_prices(value: str) -> str | None:
    try:
        parse_entries(value)
    except (ValueError, KeyError, TypeError, InvalidOperation):
        return translate("Pricing", "The list of your prices could not be read.")
    return None


CUSTOM_PRICES = declare(
    Setting(
        "pricing/custom_prices",
        "[]",
        "Your prices per model (JSON list)",
        validate=_valid_prices,
    )
)


@dataclass(frozen=True)
class CustomEntry:
    provider: str
    model: str
    """A model id, or ``*`` for every model of the provider."""
    currency: str
    input_per_mtok: Decimal
    output_per_mtok: Decimal
    start: date | None = None
    """Applies to requests from this UTC date on (None: to every request)."""
    per_request: Decimal = Decimal(0)
    """A fixed amount per request on top (some plans and the old custom baseline)."""

    def applies_to(self, provider: str, model: str) -> bool:
        return self.provider == provider and self.model in (model, ALL_MODELS)

    def price(self) -> ModelPrice:
        # Late imports: the keys dialog reads this module while the window opens, and the
        # price tables (genai-prices, pydantic) load only when a price is computed.
        with serial_imports:
            from genai_prices.types import ModelPrice

        return ModelPrice(input_mtok=self.input_per_mtok, output_mtok=self.output_per_mtok)

    def as_period(self) -> Period:
        with serial_imports:
            from app.pricing.table import Period

        start = datetime.combine(self.start or date(1970, 1, 1), time(0), tzinfo=UTC)
        source = translate("Pricing", "your price")
        return Period(
            start,
            self.price(),
            None,
            (),
            False,
            source,
            "",
            self.currency,
            True,
            per_request=self.per_request,
        )


def parse_entries(text: str) -> tuple[CustomEntry, ...]:
    entries = []
    for item in json.loads(text or "[]"):
        start = item.get("from") or None
        entries.append(
            CustomEntry(
                provider=str(item["provider"]),
                model=str(item.get("model") or ALL_MODELS),
                currency=str(item["currency"]),
                input_per_mtok=Decimal(str(item["input"])),
                output_per_mtok=Decimal(str(item["output"])),
                start=date.fromisoformat(start) if start else None,
                per_request=Decimal(str(item.get("per_request") or 0)),
            )
        )
    return tuple(entries)


def _dump(entries: tuple[CustomEntry, ...]) -> str:
    items = []
    for entry in entries:
        data = asdict(entry)
        items.append(
            {
                "provider": data["provider"],
                "model": data["model"],
                "currency": data["currency"],
                "input": str(entry.input_per_mtok),
                "output": str(entry.output_per_mtok),
                "from": entry.start.isoformat() if entry.start else "",
                **({"per_request": str(entry.per_request)} if entry.per_request else {}),
            }
        )
    return json.dumps(items, ensure_ascii=False)


def custom_entries(settings: Settings, provider: str, model: str) -> tuple[CustomEntry, ...]:
    """The person's prices that apply to ``provider``/``model``, oldest start first; a
    model's own price sorts after a provider-wide one with the same start."""
    own = [e for e in parse_entries(settings.get(CUSTOM_PRICES)) if e.applies_to(provider, model)]
    return tuple(sorted(own, key=lambda e: (e.start or date.min, e.model != ALL_MODELS)))


def set_price(settings: Settings, entry: CustomEntry) -> None:
    """Add a price; one with the same provider, model and start replaces the old one."""
    kept = tuple(
        e
        for e in parse_entries(settings.get(CUSTOM_PRICES))
        if (e.provider, e.model, e.start) != (entry.provider, entry.model, entry.start)
    )
    settings.set(CUSTOM_PRICES, _dump((*kept, entry)))


def remove_prices(settings: Settings, provider: str, model: str) -> None:
    kept = tuple(
        e
        for e in parse_entries(settings.get(CUSTOM_PRICES))
        if (e.provider, e.model) != (provider, model)
    )
    settings.set(CUSTOM_PRICES, _dump(kept))
