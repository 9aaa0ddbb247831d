"""Typing amounts into the real widgets in English and Chinese locales (pytest-qt
keyClicks): the calculator and Savings settings read "25,000" as 25000, refuse an
ambiguous "25.000" with a message, and store nothing when a value is refused."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.ledger.settings import HARDWARE_COST
from app.ui.context import AppContext
from app.ui.ledger.calculator_dialog import CalculatorDialog
from app.ui.ledger.settings_dialog import LedgerSettingsDialog
from tests.ui.test_ledger_ui import ctx  # noqa: F401 - the shared fixture

LOCALES = {
    "en_US": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
    "zh_CN": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
}


@pytest.fixture(params=sorted(LOCALES))
def locale(request: pytest.FixtureRequest) -> Iterator[str]:
    previous = QLocale()
    QLocale.setDefault(LOCALES[request.param])
    yield request.param
    QLocale.setDefault(previous)


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Key clicks for ASCII; what a Chinese input method does (commit the composed text
    with an input-method event) for full-width characters, which QTest cannot click."""
    edit.selectAll()
    edit.clear()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(edit, event)


def _calculator(qtbot: QtBot, ctx: AppContext) -> CalculatorDialog:  # noqa: F811
    dialog = CalculatorDialog(ctx)
    qtbot.addWidget(dialog)
    for name, text in {
        "requests_per_day": "100",
        "input_tokens": "2000",
        "output_tokens": "500",
        "power_watts": "300",
        "hours_per_day": "4",
        "electricity_price": "0.2",
    }.items():
        _type(qtbot, dialog.fields[name], text)
    dialog.currency.setCurrentText("USD")
    return dialog


@pytest.mark.parametrize("typed", ["25,000", "25000", "25 000", "２５，０００", "25,000.00"])
def test_calculator_reads_a_grouped_hardware_cost(
    qtbot: QtBot,
    ctx: AppContext,  # noqa: F811
    locale: str,
    typed: str,
) -> None:
    dialog = _calculator(qtbot, ctx)
    _type(qtbot, dialog.fields["hardware_cost"], typed)
    assert dialog.outcome is not None, dialog.results.text()
    # Sonnet 4.5: 2,000 × 3/1e6 + 500 × 15/1e6 = 0.0135 × 100 × 30 = 40.5 a month;
    # 0.3 kW × 4 h × 30 × 0.2 = 7.2 → 33.3 saved; 25,000 / 33.3 = 750.75 months (not 0.75)
    assert dialog.inputs().hardware_cost == Decimal(25_000)
    assert dialog.outcome.break_even_months == Decimal(25_000) / Decimal("33.3")


def test_calculator_refuses_an_ambiguous_amount(qtbot: QtBot, ctx: AppContext, locale: str) -> None:  # noqa: F811
    dialog = _calculator(qtbot, ctx)
    _type(qtbot, dialog.fields["hardware_cost"], "25.000")
    assert dialog.outcome is None
    assert "25000" in dialog.results.text()
    assert "25.000" in dialog.results.text()


def test_savings_settings_store_the_amount_typed(
    qtbot: QtBot,
    ctx: AppContext,  # noqa: F811
    locale: str,
) -> None:
    dialog = LedgerSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    edit = dialog.editors[HARDWARE_COST.key]
    assert isinstance(edit, QLineEdit)
    _type(qtbot, edit, "25,000")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.error.text() == ""
    assert ctx.settings.get(HARDWARE_COST) == Decimal(25_000)  # was stored as "25.000"


def test_savings_settings_refuse_an_ambiguous_amount_and_keep_the_old_value(
    qtbot: QtBot,
    ctx: AppContext,  # noqa: F811
    locale: str,
) -> None:
    ctx.settings.set(HARDWARE_COST, Decimal(3000))
    dialog = LedgerSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    edit = dialog.editors[HARDWARE_COST.key]
    assert isinstance(edit, QLineEdit)
    assert edit.text() == "3000"
    _type(qtbot, edit, "1.500")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "1500" in dialog.error.text()
    assert dialog.isVisible() or dialog.result() == 0
    assert ctx.settings.get(HARDWARE_COST) == Decimal(3000)
