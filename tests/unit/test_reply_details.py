"""A reply's details from its usage row, without Qt: the ledger's own figures."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from app.chat.reply_details import reply_details
from app.ledger.ledger import reply_saving
from app.ledger.settings import LedgerConfig
from tests.unit.reply_usage import cloud_usage, local_usage


def test_reply_details_without_qt_price_through_the_ledger() -> None:
    config = LedgerConfig(currency="CNY", fx_rate=Decimal("7.2"))
    record = local_usage(1, 2)
    details = reply_details(record, config)
    saving = reply_saving(record, config)
    assert details.amount == saving.saved and details.baseline == saving.baseline
    assert details.tokens_per_s == pytest.approx(40.0)
    assert details.ttft_s == pytest.approx(0.35)
    # Without Ollama's eval timing: tokens over the time after the first token.
    other = reply_details(local_usage(1, 2, eval_duration_ns=None), config)
    assert other.tokens_per_s == pytest.approx(812 / 20.65)
    cloud = reply_details(cloud_usage(1, 2), config)
    assert (cloud.money_kind, cloud.amount, cloud.currency) == ("cost", Decimal("0.0123"), "CNY")
    unpriced = reply_details(replace(cloud_usage(1, 2), cost_amount=None), config)
    assert unpriced.amount is None and not unpriced.price_known


def test_a_dollar_cost_and_a_stopped_reply_without_counts() -> None:
    config = LedgerConfig(currency="CNY", fx_rate=Decimal("7.2"))
    dollars = replace(
        cloud_usage(1, 2), cost_amount=None, cost_currency="USD", cost_usd=Decimal("0.5")
    )
    details = reply_details(dollars, config)
    assert (details.amount, details.currency) == (Decimal("0.5"), "USD")  # not converted
    stopped = replace(
        local_usage(1, 2),
        outcome="stopped",
        input_tokens=None,
        output_tokens=None,
        eval_duration_ns=None,
        ttft_ms=None,
        wall_ms=0.0,
    )
    details = reply_details(stopped, config)
    assert details.outcome == "stopped"
    assert details.input_estimated and details.input_tokens == 12_345
    assert details.output_estimated and details.output_tokens == 800
    assert details.tokens_per_s is None and details.ttft_s is None  # no time: no speed
