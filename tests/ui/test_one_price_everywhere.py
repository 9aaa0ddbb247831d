"""One price per model, set once in Tools → API keys, used by ``hearth calc`` and the
monthly report alike, from its date on, in its own currency (yuan), with no round trip
through dollars."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.cloud.keys import KeyStore
from app.core import paths
from app.core.settings import Settings
from app.ledger.report import build_month_report
from app.ledger.settings import BASELINE_MODEL, CURRENCY, load_config
from app.ui.cloud.keys_dialog import ApiKeysDialog
from app.ui.context import AppContext
from app.ui.ledger.settings_dialog import LedgerSettingsDialog
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.unit.ledger_seed import at, local, seeded


def calc(data_dir: Path, moment: str) -> dict[str, object]:
    run = subprocess.run(
        [
            sys.executable, "-m", "app", "calc", "--requests-per-day", "10",
            "--input-tokens", "1,000", "--output-tokens", "500",
            "--baseline-model", "zhipu:glm-4.7", "--currency", "CNY",
            "--at", moment, "--json",
        ],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "HEARTH_DATA_DIR": str(data_dir), "LANG": "en_US.UTF-8"},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    result: dict[str, object] = json.loads(run.stdout)
    return result


def test_a_price_set_in_the_keys_dialog_prices_calc_and_the_report(
    qtbot: QtBot, make_context: Callable[[str], AppContext], data_dir: Path
) -> None:
    ctx = make_context("http://127.0.0.1:9")
    with installed(MemoryKeyring()):
        dialog = ApiKeysDialog(ctx, KeyStore(), None, "zhipu")
        qtbot.addWidget(dialog)
        dialog.show()
        prices = dialog.prices
        assert prices.currency.currentText() == "CNY"  # Zhipu lists and bills in yuan
        prices.model.setEditText("glm-4.7")
        qtbot.keyClicks(prices.input_price_edit, "1")
        qtbot.keyClicks(prices.output_price_edit, "2")
        qtbot.keyClicks(prices.start_edit, "2026-12-10")
        prices.save_button.click()
        assert prices.problem.text() == ""
        qtbot.waitUntil(
            lambda: (
                paths.settings_path().exists()
                and "glm-4.7" in paths.settings_path().read_text(encoding="utf-8")
            ),
            timeout=5000,
        )

    # hearth calc, by hand: from 10 December ¥1 / ¥2 per million:
    # 1,000 × 1/1e6 + 500 × 2/1e6 = ¥0.002 a request
    after = calc(data_dir, "2026-12-15T12:00")
    assert Decimal(str(after["per_request_cost"])) == Decimal("0.002")
    assert "your price" in str(after["price_source"])
    # Before that date Hearth's own table: input ≤ 32K, ¥3 / ¥14 (secondary source):
    # 1,000 × 3/1e6 + 500 × 14/1e6 = ¥0.010
    before = calc(data_dir, "2026-12-05T12:00")
    assert Decimal(str(before["per_request_cost"])) == Decimal("0.01")
    assert "secondary source" in str(before["price_source"])

    # The monthly report with the same settings file: one local reply of 1M in + 1M out on
    # the 5th (table: above 32K of input, ¥4 + ¥16 = ¥20) and one on the 15th (your price:
    # ¥1 + ¥2 = ¥3); the ledger counts in yuan, so ¥23 exactly, no dollar in between.
    settings = Settings(paths.settings_path())
    settings.set(BASELINE_MODEL, "zhipu:glm-4.7")
    settings.set(CURRENCY, "CNY")
    conn = seeded(
        data_dir / "report.sqlite3",
        [
            local(at("2026-12-05T12:00:00"), 1_000_000, 1_000_000, energy_j=0.0),
            local(at("2026-12-15T12:00:00"), 1_000_000, 1_000_000, energy_j=0.0),
        ],
    )
    report = build_month_report(
        conn, "2026-12", load_config(settings), now=at("2026-12-20T00:00:00")
    )
    conn.close()
    assert report.totals.local_baseline == Decimal(23)


def test_savings_settings_edit_the_same_price_for_the_baseline_model(
    qtbot: QtBot, make_context: Callable[[str], AppContext]
) -> None:
    ctx = make_context("http://127.0.0.1:9")
    ctx.settings.set(BASELINE_MODEL, "moonshot:kimi-k2.5")
    dialog = LedgerSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.prices.isVisible()
    assert dialog.prices.currency.currentText() == "CNY"
    assert dialog.prices.model.currentText() == "kimi-k2.5"
    qtbot.keyClicks(dialog.prices.input_price_edit, "3.5")
    qtbot.keyClicks(dialog.prices.output_price_edit, "20")
    dialog.prices.save_button.click()
    config = load_config(ctx.settings)
    assert [
        (e.provider, e.model, e.currency, e.input_per_mtok) for e in config.baseline_custom
    ] == [("moonshot", "kimi-k2.5", "CNY", Decimal("3.5"))]
