"""The ledger's widgets on a bare main window with the lead's menu names, a real
database, the real task runner and events (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from app.core import paths
from app.core.settings import Settings
from app.ledger.settings import ELECTRICITY_PER_KWH, FX_RATE
from app.storage import repo
from app.storage.records import UsageRecord
from app.storage.writer import SerialWriter
from app.ui.context import AppContext, AppEvents
from app.ui.ledger import install
from app.ui.ledger.calculator_dialog import CalculatorDialog
from app.ui.ledger.report_view import ReportDialog
from app.ui.ledger.settings_dialog import LedgerSettingsDialog
from app.ui.ledger.tally import SavingsTally
from app.ui.tasks import TaskRunner
from tests.unit.ledger_seed import at, cloud, local

UTC_TZ = UTC


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    """Amounts follow QLocale; the expectations below are written for en_US."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def ctx(qapp: object) -> Iterator[AppContext]:
    context = AppContext(
        Settings(paths.settings_path()),
        SerialWriter(paths.database_path()),
        TaskRunner(),
        AppEvents(),
        "http://127.0.0.1:9",
    )
    context.writer.opened().result(10)
    yield context
    context.tasks.shutdown()
    context.writer.close()


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    main = QMainWindow()
    for name in ("menu_file", "menu_conversation", "menu_models", "menu_tools", "menu_help"):
        menu = main.menuBar().addMenu(name)
        menu.setObjectName(name)
    qtbot.addWidget(main)
    return main


def record(ctx: AppContext, usage: UsageRecord) -> int:
    return ctx.writer.call(lambda conn: repo.record_usage(conn, usage))


def test_install_adds_the_tally_and_the_tools_actions(
    qtbot: QtBot, window: QMainWindow, ctx: AppContext
) -> None:
    install(window, ctx)
    assert window.statusBar().findChild(SavingsTally) is None  # after the window shows
    tools = window.findChild(QMenu, "menu_tools")
    names = [a.objectName() for a in tools.actions()]
    assert names == ["action_savings_report", "action_break_even", "action_savings_settings"]
    assert tools.actions()[0].text() == "Savings report…"
    qtbot.waitUntil(lambda: window.statusBar().findChild(SavingsTally) is not None, timeout=3000)
    assert isinstance(tools.actions()[0], QAction)


def test_tally_updates_after_a_reply_is_recorded(qtbot: QtBot, ctx: AppContext) -> None:
    tally = SavingsTally(ctx, tz=UTC_TZ)
    qtbot.addWidget(tally)
    qtbot.waitUntil(lambda: "$0.00" in tally.text(), timeout=5000)
    now = datetime.now(UTC)
    # 100,000 × 3/1e6 + 10,000 × 15/1e6 = 0.30 + 0.15 = 0.45; no electricity (0 J measured)
    usage = local(now, 100_000, 10_000, energy_j=0.0)
    record(ctx, usage)
    with qtbot.waitSignal(tally.report_loaded, timeout=5000):
        ctx.events.reply_recorded.emit(usage)
    assert tally.text() == "Saved this month: $0.45"


def test_tally_click_opens_the_report(qtbot: QtBot, window: QMainWindow, ctx: AppContext) -> None:
    install(window, ctx)
    qtbot.waitUntil(lambda: window.statusBar().findChild(SavingsTally) is not None, timeout=3000)
    tally = window.statusBar().findChild(SavingsTally)
    tally.click()
    qtbot.waitUntil(lambda: window.findChild(ReportDialog) is not None, timeout=3000)


def test_report_view_shows_the_totals_of_a_seeded_database(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.settings.set(ELECTRICITY_PER_KWH, Decimal("0.15"))
    for usage in (
        # 0.045 baseline; 3,600 J = 0.001 kWh × 0.15 = 0.00015
        local(at("2025-05-01T10:00:00"), 10_000, 1_000, energy_j=3600.0),
        cloud(at("2025-05-02T10:00:00"), 2_000, 100, "0.0075"),
    ):
        record(ctx, usage)
    dialog = ReportDialog(ctx, tz=UTC_TZ)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.report_shown, timeout=5000):
        dialog.month.setDate(QDate(2025, 5, 1))
    value = {k: v.text() for k, v in dialog.values.items()}
    assert value["local_replies"] == "1"
    assert value["cloud_replies"] == "1"
    assert value["baseline_cost"] == "$0.05"  # 0.0525
    assert value["cloud_spend"] == "$0.01"  # 0.0075
    assert value["net_saved"] == "$0.04"  # 0.04485
    assert "Prompt-cache discount: not modelled" in dialog.values["baseline_cost"].toolTip()
    assert "1 local and 1 billed cloud replies" in dialog.summary.text()
    assert value["cloud_tokens"] == "2,000 / 100" and value["failed"] == "0"
    assert "whole conversation as input" in dialog.method.toPlainText()
    assert dialog.findChild(QLabel, "summary") is dialog.summary
    charts = {c.objectName() for c in dialog.findChildren(type(dialog.charts.itemAt(0).widget()))}
    assert {"chart_daily", "chart_share", "chart_models"} <= charts


@pytest.mark.parametrize("kind", ["csv", "html", "pdf"])
def test_report_exports_in_the_background(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, kind: str
) -> None:
    record(ctx, local(at("2025-05-01T10:00:00"), 10_000, 1_000, energy_j=3600.0))
    dialog = ReportDialog(ctx, tz=UTC_TZ)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.report_shown, timeout=5000):
        dialog.month.setDate(QDate(2025, 5, 1))
    out = tmp_path / f"report.{kind}"
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export_to(out, kind)
    assert out.stat().st_size > 100
    if kind == "csv":
        assert out.read_text(encoding="utf-8").startswith("date,local_replies")
    if kind == "pdf":
        assert out.read_bytes().startswith(b"%PDF")


def test_settings_dialog_refuses_bad_values_and_saves_good_ones(
    qtbot: QtBot, ctx: AppContext
) -> None:
    dialog = LedgerSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "ledger_fx_rate").setText("0")
    dialog.findChild(QLineEdit, "ledger_electricity_per_kwh").setText("-1")
    dialog.apply()
    assert "greater than zero" in dialog.error.text()
    assert "must not be negative" in dialog.error.text().lower()
    assert ctx.settings.get(FX_RATE) == Decimal("7.1")  # nothing changed
    dialog.findChild(QLineEdit, "ledger_fx_rate").setText("7.2")
    dialog.findChild(QLineEdit, "ledger_electricity_per_kwh").setText("0.6")
    with qtbot.waitSignal(ctx.events.settings_changed, timeout=3000):
        dialog.apply()
    assert ctx.settings.get(FX_RATE) == Decimal("7.2")
    qtbot.waitUntil(lambda: Path(paths.settings_path()).exists(), timeout=3000)
    assert '"ledger/electricity_per_kwh": "0.6"' in Path(paths.settings_path()).read_text()


def test_calculator_is_prefilled_from_measured_usage_and_live(
    qtbot: QtBot, ctx: AppContext
) -> None:
    now = datetime.now(UTC)
    for _ in range(3):
        record(ctx, local(now, 2_000, 500, energy_j=3000.0, wall_ms=10_000.0))
    dialog = CalculatorDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Pre-filled" in dialog.measured.text(), timeout=5000)
    assert dialog.fields["input_tokens"].text() == "2000"
    assert dialog.fields["power_watts"].text() == "300"  # 9,000 J over 30 s
    dialog.fields["request_price"].setText("1")
    dialog.fields["requests_per_day"].setText("10")
    dialog.fields["hardware_cost"].setText("300")
    dialog.fields["electricity_price"].setText("0")
    # ¥/$1 per request × 10 × 30 days = 300 a month: one month to break even
    assert dialog.outcome is not None
    assert dialog.outcome.monthly_cloud_cost == Decimal(300)
    assert "Break-even: 1.0 months" in dialog.results.text()
    dialog.fields["requests_per_day"].setText("-1")
    assert dialog.outcome is None
    assert "must not be negative" in dialog.results.text()


def test_changing_currency_moves_untouched_money_settings_to_that_currency(
    qtbot: QtBot, ctx: AppContext
) -> None:
    # 0.15 a kWh is a US price; left as it is, a yuan ledger would count electricity at a
    # quarter of its cost and overstate the savings.
    dialog = LedgerSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    currency = dialog.findChild(QComboBox, "ledger_currency")
    fx = dialog.findChild(QLineEdit, "ledger_fx_rate")
    electricity = dialog.findChild(QLineEdit, "ledger_electricity_per_kwh")
    assert electricity.text() == "0.15"
    currency.setCurrentIndex(currency.findData("CNY"))
    assert (fx.text(), electricity.text()) == ("7.1", "0.6")
    fx.setText("7.25")  # the person's own rate is kept from here on
    currency.setCurrentIndex(currency.findData("EUR"))
    assert (fx.text(), electricity.text()) == ("7.25", "0.28")
    with qtbot.waitSignal(ctx.events.settings_changed, timeout=3000):
        dialog.apply()
    assert ctx.settings.get(ELECTRICITY_PER_KWH) == Decimal("0.28")
