"""The savings ledger in the main window: the status-bar tally and the Tools menu entries."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.ui.context import AppContext


def install(window: QMainWindow, ctx: AppContext) -> None:
    """Add the tally to the status bar and the ledger's actions to the Tools menu.
    The dialogs are imported when first opened: with the price tables they need, that
    is ~0.2 s the window would otherwise take to appear."""
    with serial_imports:
        from app.ui.ledger.tally import SavingsTally

    def open_report() -> None:
        with serial_imports:
            from app.ui.ledger.report_view import ReportDialog

        ReportDialog(ctx, window).open()

    def open_calculator() -> None:
        with serial_imports:
            from app.ui.ledger.calculator_dialog import CalculatorDialog

        CalculatorDialog(ctx, window).open()

    def open_settings() -> None:
        with serial_imports:
            from app.ui.ledger.settings_dialog import LedgerSettingsDialog

        LedgerSettingsDialog(ctx, window).open()

    tally = SavingsTally(ctx, window)
    tally.clicked.connect(open_report)
    window.statusBar().addPermanentWidget(tally)

    menu = window.findChild(QMenu, "menu_tools")
    if menu is None:
        menu = window.menuBar().addMenu(translate("MainWindow", "&Tools"))
        menu.setObjectName("menu_tools")
    for name, text, slot in (
        ("action_savings_report", translate("MainWindow", "Savings report…"), open_report),
        ("action_break_even", translate("MainWindow", "Break-even calculator…"), open_calculator),
        ("action_savings_settings", translate("MainWindow", "Savings settings…"), open_settings),
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
