"""Hearth's dated price table: worked by hand from resources/prices.json.

DeepSeek V4 Flash in yuan per million tokens (cache hit / miss / output):
  from 2026-04-26 12:15Z  0.02 / 1 / 2
  from 2026-08-16 16:00Z  off-peak 0.05 / 1.5 / 4.5, peak (01-04, 06-10 UTC) 0.1 / 3 / 9
  from 2026-09-10         off-peak 0.02 / 1 / 4, peak 0.04 / 2 / 8, weekdays only
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cloud.providers import PROVIDERS, get_provider, retired_message
from app.core.settings import Settings
from app.ledger.baseline import make_baseline
from app.ledger.calculator import CalculatorError, CalculatorInputs, calculate
from app.ledger.explain import provenance
from app.ledger.report import build_month_report, month_bounds
from app.ledger.settings import BASELINE_MODEL, LedgerConfig, load_config
from app.pricing import quote
from app.pricing.custom import ALL_MODELS, CustomEntry, custom_entries, set_price
from app.pricing.table import parse_table, price_table
from app.storage.records import UsageRecord
from tests.unit.ledger_seed import at, local, seeded

D = Decimal
FLASH = "deepseek:deepseek-v4-flash"
CNY = LedgerConfig(currency="CNY", fx_rate=D("7.1"), baseline_model=FLASH)


def _flash(moment: str, miss: int = 1_000_000, out: int = 1_000_000) -> tuple[Decimal, str]:
    result = quote(
        "deepseek", "deepseek-v4-flash", input_tokens=miss, output_tokens=out, at=at(moment)
    )
    return result.amount, result.currency


def test_v4_flash_list_price_by_date_and_hour() -> None:
    # A Tuesday, 12:00 UTC: off-peak ¥1 + ¥4
    assert _flash("2026-12-01T12:00:00") == (D(5), "CNY")
    # The same Tuesday at 02:00 UTC (10:00 Beijing): peak ¥2 + ¥8
    assert _flash("2026-12-01T02:00:00") == (D(10), "CNY")
    # A Saturday at 02:00 UTC: weekends are off-peak
    assert _flash("2026-11-28T02:00:00") == (D(5), "CNY")
    # 2026-08-20, 02:00 UTC (peak every day then): ¥3 + ¥9
    assert _flash("2026-08-20T02:00:00") == (D(12), "CNY")
    # May: ¥1 + ¥2, no peak hours
    assert _flash("2026-05-10T02:00:00") == (D(3), "CNY")
    # The price change at 16:00 UTC on 2026-08-16 applies by the request's own time
    assert _flash("2026-08-16T15:59:59") == (D(3), "CNY")
    assert _flash("2026-08-16T16:00:00") == (D(6), "CNY")  # off-peak ¥1.5 + ¥4.5


def test_every_table_entry_is_dated_sourced_and_in_the_providers_currency() -> None:
    raw = json.loads(Path("resources/prices.json").read_text(encoding="utf-8"))
    assert raw["checked"] == "2026-12-01"
    table = parse_table(raw)
    assert table == price_table()
    for (provider, _model), entry in table.items():
        assert entry.currency == "CNY", (provider, entry.model)  # DeepSeek, DashScope: yuan
        for period in entry.periods:
            assert period.start.tzinfo is not None
            assert period.source.startswith("https://"), entry.model
            # A figure not read from the provider's own page says so in its note.
            assert not period.secondary or "Secondary source" in period.note, entry.model
    assert {"zhipu", "ark", "moonshot"} <= {item["provider"] for item in raw["not_found"]}


def test_a_yuan_model_is_priced_in_yuan_without_a_round_trip(tmp_path: Path) -> None:
    """A DeepSeek V4 Flash baseline for a person counting in yuan: exactly the list price;
    shown in dollars, converted once at the stated rate."""
    rows = [
        local(at("2026-12-01T12:00:00"), 1_000_000, 1_000_000, energy_j=0.0),  # off-peak: ¥5
        local(at("2026-12-02T02:00:00"), 500_000, 250_000, energy_j=0.0),  # peak: ¥1 + ¥2
    ]
    conn = seeded(tmp_path / "db.sqlite3", rows)
    now = at("2026-12-03T00:00:00")
    report = build_month_report(conn, "2026-12", CNY, now=now)
    assert report.totals.local_baseline == D(8)
    days = {d.day: d.amounts.local_baseline for d in report.days}
    assert days == {date(2026, 12, 1): D(5), date(2026, 12, 2): D(3)}
    assert "in CNY" in report.baseline_description
    dollars = build_month_report(conn, "2026-12", LedgerConfig(baseline_model=FLASH), now=now)
    assert dollars.totals.local_baseline == D(8) / D("7.1")
    assert "7.1 CNY per US dollar" in dollars.baseline_description
    conn.close()


def test_a_price_change_mid_month_takes_effect_on_the_hour(tmp_path: Path) -> None:
    rows = [
        local(at("2026-08-16T12:00:00"), 1_000_000, 1_000_000, energy_j=0.0),  # ¥1 + ¥2
        local(at("2026-08-16T20:00:00"), 1_000_000, 1_000_000, energy_j=0.0),  # ¥1.5 + ¥4.5
        local(at("2026-08-17T02:00:00"), 1_000_000, 1_000_000, energy_j=0.0),  # peak ¥3 + ¥9
        local(at("2026-08-22T02:00:00"), 1_000_000, 1_000_000, energy_j=0.0),  # Sat, peak: 12
    ]
    conn = seeded(tmp_path / "db.sqlite3", rows)
    report = build_month_report(conn, "2026-08", CNY, now=at("2026-09-01T00:00:00"))
    assert report.totals.local_baseline == D(3) + D(6) + D(12) + D(12)
    conn.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, 60 * 24 * 45), st.integers(0, 300_000), st.integers(0, 4_000)),
        max_size=30,
    )
)
def test_grouped_v4_baseline_equals_pricing_each_request(
    rows: list[tuple[int, int, int]],
) -> None:
    """Weekday peaks, mid-day price changes and weekends: the fast grouped report still
    equals pricing every request on its own."""
    start = datetime(2026, 8, 10, tzinfo=UTC)
    records: list[UsageRecord] = [
        local(start + timedelta(minutes=m), ctx, out, energy_j=0.0) for m, ctx, out in rows
    ]
    baseline = make_baseline(CNY)
    with tempfile.TemporaryDirectory() as folder:
        conn = seeded(Path(folder) / "db.sqlite3", records)
        for month in ("2026-08", "2026-09"):
            lo, hi = month_bounds(month, UTC)
            expected = sum(
                (
                    baseline.price_request(r.ts, r.context_tokens, r.output_tokens_estimate, 0)
                    for r in records
                    if lo <= r.ts < hi
                ),
                D(0),
            )
            report = build_month_report(conn, month, CNY, now=at("2026-12-01T00:00:00"))
            assert abs(report.totals.local_baseline - expected) <= D("1e-12"), month
        conn.close()


def test_retired_ids_name_their_successor() -> None:
    assert retired_message("deepseek", "deepseek-chat") == (
        "DeepSeek retired “deepseek-chat” on 2026-07-24; use “deepseek-v4-flash” instead."
    )
    assert "“deepseek-v4-flash”" in retired_message("deepseek", "deepseek-reasoner")
    assert retired_message("deepseek", "deepseek-v4-pro") == ""
    deepseek = get_provider("deepseek")
    assert "deepseek-chat" not in deepseek.models and "deepseek-reasoner" not in deepseek.models
    for provider in PROVIDERS:
        for model in provider.models:
            assert retired_message(provider.id, model) == "", (provider.id, model)
    with pytest.raises(CalculatorError, match="deepseek-v4-flash"):
        calculate(CalculatorInputs(D(1), 1, 1, baseline_model="deepseek:deepseek-chat"))


def test_a_persons_price_per_model_in_any_currency_from_a_date(tmp_path: Path) -> None:
    settings_ = Settings(tmp_path / "settings.json")
    set_price(
        settings_,
        CustomEntry("deepseek", "deepseek-v4-flash", "EUR", D("0.5"), D(1), date(2026, 12, 2)),
    )
    set_price(settings_, CustomEntry("qwen", ALL_MODELS, "USD", D(2), D(6)))
    settings_.save()
    reread = Settings(tmp_path / "settings.json")
    entries = custom_entries(reread, "deepseek", "deepseek-v4-flash")
    assert [e.currency for e in entries] == ["EUR"]
    custom = entries
    before = quote("deepseek", "deepseek-v4-flash", input_tokens=10**6, output_tokens=10**6,
                   at=at("2026-12-01T12:00:00"), custom=custom)  # fmt: skip
    after = quote("deepseek", "deepseek-v4-flash", input_tokens=10**6, output_tokens=10**6,
                  at=at("2026-12-02T12:00:00"), custom=custom)  # fmt: skip
    assert (before.amount, before.currency) == (D(5), "CNY")  # the list price until then
    assert (after.amount, after.currency) == (D("1.5"), "EUR")
    assert "your price" in after.source
    # The same price serves as the baseline, from the same date
    config = load_config(reread)
    assert config.baseline_custom == ()  # the baseline is still Sonnet
    reread.set(BASELINE_MODEL, FLASH)
    assert load_config(reread).baseline_custom == entries


def _calc(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "calc", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HEARTH_DATA_DIR": str(data_dir), "LANG": "en_US.UTF-8"},
    )


def test_calc_prices_v4_flash_at_its_list_price(tmp_path: Path) -> None:
    run = _calc(
        "--requests-per-day", "100", "--input-tokens", "2,000", "--output-tokens", "500",
        "--baseline-model", FLASH, "--currency", "CNY", "--fx", "7.1",
        "--at", "2026-12-01T12:00", "--json", data_dir=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    # Off-peak: 2,000 × ¥1/1e6 + 500 × ¥4/1e6 = ¥0.004 a request, no conversion
    assert data["per_request_cost"] == pytest.approx(0.004)
    assert data["monthly_cloud_cost"] == pytest.approx(0.004 * 100 * 30)
    assert "Hearth price table" in data["price_source"]
    peak = _calc(
        "--requests-per-day", "100", "--input-tokens", "2000", "--output-tokens", "500",
        "--baseline-model", FLASH, "--currency", "USD",
        "--at", "2026-12-01T02:00", "--json", data_dir=tmp_path,
    )  # fmt: skip
    # Peak ¥0.008 a request, shown in dollars at Hearth's starting 7.1 yuan per dollar
    assert json.loads(peak.stdout)["per_request_cost"] == pytest.approx(0.008 / 7.1, abs=1e-6)
    retired = _calc(
        "--requests-per-day", "1", "--input-tokens", "1", "--output-tokens", "1",
        "--baseline-model", "deepseek:deepseek-chat", data_dir=tmp_path,
    )  # fmt: skip
    assert retired.returncode == 1 and "deepseek-v4-flash" in retired.stderr


def test_a_deepseek_baseline_in_the_report_names_its_rate(tmp_path: Path) -> None:
    conn = seeded(
        tmp_path / "db.sqlite3", [local(at("2026-12-01T12:00:00"), 1_000_000, 0, energy_j=0.0)]
    )
    report = build_month_report(
        conn, "2026-12", LedgerConfig(baseline_model=FLASH), now=at("2026-12-02T00:00:00")
    )
    assert report.totals.local_baseline == D(1) / D("7.1")  # ¥1 off-peak, in dollars
    assert "7.1 CNY per US dollar" in provenance(report)["baseline_cost"]
    conn.close()


def test_a_retired_baseline_still_prices_history_and_says_so(tmp_path: Path) -> None:
    conn = seeded(
        tmp_path / "db.sqlite3", [local(at("2026-06-01T12:00:00"), 1_000_000, 0, energy_j=0.0)]
    )
    config = LedgerConfig(currency="CNY", fx_rate=D("7.1"), baseline_model="deepseek:deepseek-chat")
    report = build_month_report(conn, "2026-06", config, now=at("2026-12-01T00:00:00"))
    assert report.totals.local_baseline == D(1)  # ¥1 per million input, as billed in June
    assert "use “deepseek-v4-flash” instead" in report.baseline_description
    conn.close()
