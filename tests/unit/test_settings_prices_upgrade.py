"""Settings version 2: one list of per-model prices. What releases up to 0.1 stored in
three places and three currencies is moved into it when the file is read, and every
consumer (cloud pricer, ledger baseline, ``hearth calc``) reads the same price."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from app.cloud.pricer import Tokens, price_request
from app.core.settings import LAST_MODEL, SETTINGS_VERSION, Settings
from app.ledger.baseline import make_baseline
from app.ledger.settings import BASELINE_MODEL, CURRENCY, load_config
from app.pricing import quote
from app.pricing.custom import CUSTOM_PRICES, CustomEntry, custom_entries, parse_entries

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0"
AT = datetime(2026, 12, 15, 12, tzinfo=UTC)


def write_v1(path: Path, values: dict[str, object]) -> Settings:
    path.write_text(json.dumps({"version": 1, "values": values}), encoding="utf-8")
    return Settings(path)


def test_the_release_0_1_0_settings_file_still_loads_and_saves_as_version_2(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    settings = Settings(folder / "settings.json")
    assert settings.get(LAST_MODEL) == "qwen2.5:7b"
    assert parse_entries(settings.get(CUSTOM_PRICES)) == ()
    settings.save()
    saved = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
    assert saved["version"] == SETTINGS_VERSION == 2
    assert saved["values"]["chat/last_model"] == "qwen2.5:7b"
    assert saved["values"]["ui/last_conversation"] == 1
    assert Settings(folder / "settings.json").get(LAST_MODEL) == "qwen2.5:7b"  # idempotent


def test_an_old_custom_baseline_in_yuan_becomes_a_price_for_a_model_in_yuan(
    tmp_path: Path,
) -> None:
    """0.1: baseline kind "custom", ¥2 / ¥8 per million and ¥0.01 per request in the ledger
    currency. Now: the model custom:baseline at the same prices, still in yuan."""
    settings = write_v1(
        tmp_path / "settings.json",
        {
            "ledger/currency": "CNY",
            "ledger/baseline_kind": "custom",
            "ledger/baseline_model": "anthropic:claude-sonnet-4-5",
            "ledger/custom_input_per_mtok": "2",
            "ledger/custom_output_per_mtok": "8",
            "ledger/custom_per_request": "0.01",
            "cloud/openai/input_price_per_mtok": "3",
            "cloud/openai/output_price_per_mtok": "bad",
        },
    )
    assert settings.get(BASELINE_MODEL) == "custom:baseline"
    assert settings.get(CURRENCY) == "CNY"
    assert custom_entries(settings, "custom", "baseline") == (
        CustomEntry("custom", "baseline", "CNY", Decimal(2), Decimal(8), None, Decimal("0.01")),
    )
    # The dollar price of openai survives; the unreadable half is dropped, not guessed.
    assert custom_entries(settings, "openai", "gpt-x") == (
        CustomEntry("openai", "*", "USD", Decimal(3), Decimal(0)),
    )
    # The ledger baseline prices it exactly as 0.1 did: per request, by hand
    # 1,000,000 × ¥2/1e6 + 500,000 × ¥8/1e6 + ¥0.01 = ¥6.01, no conversion (CNY ledger)
    config = load_config(settings)
    baseline = make_baseline(config)
    assert baseline.price_request(AT, 1_000_000, 500_000, 0) == Decimal("6.01")
    # The cloud pricer and hearth calc's quote read the same entry
    result = price_request("custom", "baseline", Tokens(1_000_000, 500_000), AT, settings)
    assert (result.amount, result.currency) == (Decimal("6.01"), "CNY")


def test_an_unreadable_price_list_is_kept_aside_not_lost(tmp_path: Path) -> None:
    settings = write_v1(
        tmp_path / "settings.json",
        {"pricing/custom_prices": "[{broken", "cloud/ark/input_price_per_mtok": "0.8"},
    )
    entries = parse_entries(settings.get(CUSTOM_PRICES))
    assert [(e.provider, e.input_per_mtok) for e in entries] == [("ark", Decimal("0.8"))]
    settings.save()
    saved = json.loads(settings.path.read_text(encoding="utf-8"))
    assert saved["values"]["pricing/custom_prices.unreadable"] == "[{broken"


def test_a_newer_settings_file_is_read_but_not_downgraded(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"version": 9, "values": {"chat/last_model": "m", "future/key": 1}}),
        encoding="utf-8",
    )
    settings = Settings(path)
    assert settings.get(LAST_MODEL) == "m"
    settings.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 9 and saved["values"]["future/key"] == 1


def test_a_price_change_mid_month_applies_by_each_requests_date(tmp_path: Path) -> None:
    """Worked by hand: a person pays ¥2/¥8 for glm-4.7 until 14 December, then ¥1/¥4 from
    15 December (their own dated prices). 1M in + 1M out on the 14th costs ¥10, the same
    on the 15th ¥5. Hearth's own table price for glm-4.7 (¥4 / ¥16 above 32K of input,
    from 2025-12-22) started later than the person's "always" price but does not win
    over it: the person's price is laid over the table."""
    settings = Settings(tmp_path / "settings.json")
    from app.pricing.custom import set_price

    set_price(settings, CustomEntry("zhipuai", "glm-4.7", "CNY", Decimal(2), Decimal(8)))
    set_price(
        settings,
        CustomEntry("zhipuai", "glm-4.7", "CNY", Decimal(1), Decimal(4), date(2026, 12, 15)),
    )
    mine = custom_entries(settings, "zhipuai", "glm-4.7")

    def day(d: int, hour: int = 0) -> Decimal:
        moment = datetime(2026, 12, d, hour, tzinfo=UTC)
        result = quote(
            "zhipuai", "glm-4.7", input_tokens=10**6, output_tokens=10**6, at=moment, custom=mine
        )
        assert result.currency == "CNY"
        return result.amount

    assert day(14, 23) == Decimal(10)
    assert day(15, 0) == Decimal(5)
    assert day(31, 23) == Decimal(5)
