"""One reply's saving, with its provenance: the figure behind a single chat message."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.core.i18n import translate
from app.ledger.baseline import make_baseline
from app.ledger.energy import MEASURED_SOURCES
from app.ledger.money import convert
from app.ledger.report import J_PER_KWH, PICO
from app.ledger.settings import LedgerConfig
from app.storage.records import UsageRecord


@dataclass(frozen=True)
class ReplySaving:
    """Amounts in the person's currency."""

    baseline: Decimal
    cloud_spend: Decimal
    electricity: Decimal
    energy_estimated: bool
    provenance: str

    @property
    def saved(self) -> Decimal:
        return self.baseline - self.cloud_spend - self.electricity


def reply_saving(record: UsageRecord, config: LedgerConfig, cacheable: int = 0) -> ReplySaving:
    """Price one reply the slow, exact way (genai-prices at the reply's own time).

    ``cacheable`` is the context a prompt cache would have served (used only with the cache
    model on); the monthly report gets it from the database.
    """
    rate = config.usd_rate
    if not record.is_local:
        if record.cost_amount is not None:  # billed in its own currency (schema step 7)
            cost = convert(record.cost_amount.quantize(PICO), record.cost_currency, config)
        else:
            cost = (record.cost_usd or Decimal(0)).quantize(PICO) * rate
        return ReplySaving(
            cost,
            cost,
            Decimal(0),
            False,
            translate("Ledger", "Cloud reply, as billed: {source}").format(
                source=record.price_source or translate("Ledger", "no known price")
            ),
        )
    baseline = make_baseline(config)
    price = Decimal(0)
    if record.outcome != "failed":
        price = baseline.price_request(
            record.ts, record.context_tokens, record.output_tokens_estimate, cacheable
        )
    estimated = record.energy_j is None or record.energy_source not in MEASURED_SOURCES
    joules = (
        Decimal(repr(record.energy_j))
        if record.energy_j is not None
        else Decimal(repr(record.wall_ms)) / 1000 * config.configured_watts
    )
    electricity = joules * config.electricity_per_kwh / J_PER_KWH
    words = translate(
        "Ledger", "{tokens} context tokens and {output} output tokens priced at {baseline}; "
    ).format(
        tokens=record.context_tokens,
        output=record.output_tokens_estimate,
        baseline=baseline.describe(),
    )
    if not estimated:
        words += translate("Ledger", "energy measured ({source}).").format(
            source=record.energy_source
        )
    elif record.energy_j is None:
        words += translate("Ledger", "energy estimated at your current {watts} W.").format(
            watts=config.configured_watts
        )
    elif record.energy_j == 0:
        words += translate("Ledger", "no energy: the engine produced nothing.")
    else:
        watts = Decimal(repr(record.energy_j)) * 1000 / Decimal(repr(max(record.wall_ms, 1e-9)))
        words += translate(
            "Ledger", "energy estimated at {watts} W, the wattage set when it was recorded."
        ).format(watts=watts.quantize(Decimal(1)))
    return ReplySaving(price, Decimal(0), electricity, estimated, words)
