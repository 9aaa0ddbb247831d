"""The running tally in the status bar: saved this month, in the person's currency."""

from __future__ import annotations

import logging
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QToolButton, QWidget

from app.ledger.settings import load_config
from app.ui.context import AppContext
from app.ui.ledger.common import gui_timezone, load_report, money_formatter, this_month

if TYPE_CHECKING:
    from app.ledger.report import MonthReport

log = logging.getLogger(__name__)


class SavingsTally(QToolButton):
    """Flat button: "Saved this month: $12.34". Clicking it opens the report."""

    report_loaded = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, tz: tzinfo | None = None):
        super().__init__(parent)
        self.setObjectName("ledger_tally")
        self.setAutoRaise(True)
        self._ctx = ctx
        self._tz = tz or gui_timezone()
        self._loading = False
        self._again = False
        self.setText(self.tr("Saved this month: …"))
        self.setToolTip(self.tr("What local AI saved you this month. Click for the report."))
        ctx.events.reply_recorded.connect(self.refresh)
        ctx.events.settings_changed.connect(self._on_setting)
        ctx.tasks.watch(ctx.writer.opened(), lambda _db: self.refresh(), owner=self)

    def _on_setting(self, key: str) -> None:
        if key.startswith("ledger/"):
            self.refresh()

    def refresh(self, *_args: object) -> None:
        """Recount in the background; a refresh asked for while one runs follows it."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        config = load_config(self._ctx.settings)
        path, month, tz = self._ctx.writer.path, this_month(self._tz), self._tz
        self._ctx.tasks.run(
            lambda: load_report(path, month, config, tz), self._show, self._failed, owner=self
        )

    def _show(self, report: MonthReport) -> None:
        fmt = money_formatter(report.currency)
        self.setText(self.tr("Saved this month: %1").replace("%1", fmt(report.totals.net_saved)))
        self.report_loaded.emit(report)
        self._settled()

    def _failed(self, exc: BaseException) -> None:
        log.warning("savings tally could not be computed: %s", exc)
        self.setText(self.tr("Saved this month: unavailable"))
        self.setToolTip(str(exc))
        self._settled()

    def _settled(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()
