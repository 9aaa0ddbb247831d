"""The savings ledger in the main window: the status-bar tally and the Tools menu entries."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.ui.context import AppContext


def install(window: QMainWindow, ctx: AppContext) -> None:
    """Add the ledger's actions to the Tools menu, and the tally to the status bar once
    the window is up.
    The dialogs are imported when first opened: with the price tables they need, that
    is ~0.2 s the window would otherwise take to appear."""

    def add_tally() -> None:
        with serial_imports:
            from app.ui.ledger.tally import SavingsTally

        tally = SavingsTally(ctx, window)
        tally.clicked.connect(open_report)
        window.statusBar().addPermanentWidget(tally)

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

    # The tally (its module, the time zone, a status-bar widget: ~10 ms) joins the status
    # bar on the first turn of the event loop, so the window is on screen first.
    QTimer.singleShot(0, window, add_tally)

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
