"""Data from release 0.1.0 after schema step 7 and the per-model prices: the ledger reads
the same money from it, and a price entered the old way still prices replies."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from app.cloud.pricer import Tokens, price_request
from app.core.settings import Settings
from app.ledger.report import PICO, build_month_report
from app.ledger.settings import LedgerConfig
from app.pricing.custom import custom_entries
from app.storage import repo
from app.storage.db import open_database
from app.storage.schema import SCHEMA_VERSION

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0"


def test_an_old_ledger_reads_the_same_money_after_step_7(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    conn = open_database(folder / "hearth.sqlite3").connection
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 7
    usage = repo.list_usage(conn)
    assert {u.cost_currency for u in usage} == {"USD"}  # every old cost was in dollars
    assert all(u.cost_amount is None for u in usage)
    assert [str(u.cost_usd) for u in usage if u.cost_usd] == expected["usage_cost_usd"]
    assert conn.execute("SELECT count(*) FROM ledger_cost").fetchone()[0] == 0
    months = sorted({u.ts.strftime("%Y-%m") for u in usage})
    now = datetime(2030, 1, 1, tzinfo=UTC)
    for month in months:
        report = build_month_report(conn, month, LedgerConfig(), now=now)
        billed = sum(
            (
                u.cost_usd.quantize(PICO)
                for u in usage
                if u.cost_usd and u.ts.strftime("%Y-%m") == month and not u.is_local
            ),
            Decimal(0),
        )
        assert report.totals.cloud_spend == billed, month
        assert report.counts.cloud_unpriced >= 0
    conn.close()


def test_an_old_per_provider_dollar_price_still_counts(tmp_path: Path) -> None:
    """Release 0.1 stored one US-dollar price per provider; the settings upgrade makes it a
    price for every model of that provider, in dollars, and the old keys are gone."""
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "values": {
                    "cloud/ark/input_price_per_mtok": "0.8",
                    "cloud/ark/output_price_per_mtok": "2",
                    "chat/last_model": "qwen2.5:7b",
                },
            }
        ),
        encoding="utf-8",
    )
    settings = Settings(path)
    entries = custom_entries(settings, "ark", "doubao-seed-2-0-lite")
    assert [(e.model, e.currency, e.input_per_mtok, e.output_per_mtok) for e in entries] == [
        ("*", "USD", Decimal("0.8"), Decimal(2))
    ]
    quote = price_request(
        "ark", "doubao-seed-2-0-lite", Tokens(1_000_000, 1_000_000),
        datetime(2026, 12, 1, tzinfo=UTC), settings,
    )  # fmt: skip
    assert (quote.amount, quote.currency) == (Decimal("2.8"), "USD")
    settings.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 2
    assert not any("price_per_mtok" in key for key in saved["values"])
    assert saved["values"]["chat/last_model"] == "qwen2.5:7b"
