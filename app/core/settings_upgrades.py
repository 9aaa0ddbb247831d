"""Upgrades of the settings file, one function per version step (Picard's
``config_upgrade_hooks`` pattern). Each works on the raw JSON values, before any feature
has declared its settings, so it names the keys it moves as plain strings and never loses
a value: what it cannot read it keeps aside under ``<key>.unreadable``.

Version 1 (releases up to 0.1.x) → 2: a person's prices lived in three places, each in its
own currency — ``cloud/<id>/input_price_per_mtok`` / ``output_price_per_mtok`` (US dollars,
per provider), and the savings baseline's ``ledger/custom_input_per_mtok``,
``…output…`` and ``ledger/custom_per_request`` (the ledger's currency, chosen with
``ledger/baseline_kind = "custom"``). Version 2 keeps one list, ``pricing/custom_prices``
(``app.pricing.custom``): each price for a model (or ``*``, every model of a provider), in
its own currency, from a date on. The old baseline becomes the model ``custom:baseline``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

log = logging.getLogger(__name__)

Values = dict[str, Any]

CUSTOM_PRICES = "pricing/custom_prices"
BASELINE_MODEL = "ledger/baseline_model"
BASELINE_KIND = "ledger/baseline_kind"
LEDGER_CURRENCY = "ledger/currency"
OLD_BASELINE = ("ledger/custom_input_per_mtok", "ledger/custom_output_per_mtok")
OLD_PER_REQUEST = "ledger/custom_per_request"
CUSTOM_BASELINE = ("custom", "baseline")
"""Where the old custom baseline goes: the Custom (OpenAI-compatible) provider's model."""
_PROVIDER_PRICE = re.compile(r"^cloud/(?P<id>[^/]+)/(?P<side>input|output)_price_per_mtok$")


def _amount(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount >= 0 else None


def _price_list(values: Values) -> list[dict[str, str]]:
    raw = values.get(CUSTOM_PRICES, "[]")
    try:
        items = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        items = None
    if not isinstance(items, list):
        values[CUSTOM_PRICES + ".unreadable"] = raw
        return []
    return items


def _has(items: list[dict[str, str]], provider: str, model: str) -> bool:
    return any(
        i.get("provider") == provider and i.get("model") == model and not i.get("from")
        for i in items
        if isinstance(i, dict)
    )


def to_2(values: Values) -> None:
    items = _price_list(values)
    providers: dict[str, dict[str, Decimal]] = {}
    for key in [k for k in values if _PROVIDER_PRICE.match(k)]:
        match = _PROVIDER_PRICE.match(key)
        assert match is not None
        amount = _amount(values.pop(key))
        if amount is None:
            log.warning("settings upgrade: unreadable %s dropped", key)
            continue
        providers.setdefault(match["id"], {})[match["side"]] = amount
    for provider_id, sides in sorted(providers.items()):
        price_in, price_out = sides.get("input", Decimal(0)), sides.get("output", Decimal(0))
        if (price_in or price_out) and not _has(items, provider_id, "*"):
            items.append(
                {
                    "provider": provider_id,
                    "model": "*",
                    "currency": "USD",
                    "input": str(price_in),
                    "output": str(price_out),
                    "from": "",
                }
            )
    kind = values.pop(BASELINE_KIND, "model")
    baseline = [_amount(values.pop(key, 0)) or Decimal(0) for key in OLD_BASELINE]
    per_request = _amount(values.pop(OLD_PER_REQUEST, 0)) or Decimal(0)
    if kind == "custom" or any(baseline) or per_request:
        provider_id, model = CUSTOM_BASELINE
        if not _has(items, provider_id, model):
            entry = {
                "provider": provider_id,
                "model": model,
                "currency": str(values.get(LEDGER_CURRENCY) or "USD"),
                "input": str(baseline[0]),
                "output": str(baseline[1]),
                "from": "",
            }
            if per_request:
                entry["per_request"] = str(per_request)
            items.append(entry)
        if kind == "custom":
            values[BASELINE_MODEL] = f"{provider_id}:{model}"
    values[CUSTOM_PRICES] = json.dumps(items, ensure_ascii=False)


UPGRADES: dict[int, Callable[[Values], None]] = {2: to_2}
"""Version reached → the step that reaches it from the one before."""


def upgrade(values: Values, version: int, target: int) -> bool:
    """Run every step from ``version`` to ``target`` in place; True if any ran."""
    ran = False
    for step in range(version + 1, target + 1):
        UPGRADES[step](values)
        ran = True
    return ran
