"""The monthly savings report: month picker, totals, charts, words, exports."""

from __future__ import annotations

import logging
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.lazy import serial_imports
from app.ledger.explain import how_computed, payback_words, provenance, summary
from app.ledger.export_csv import to_csv
from app.ledger.report import MonthReport
from app.ledger.settings import load_config
from app.ui.context import AppContext
from app.ui.ledger import charts
from app.ui.ledger.common import gui_timezone, load_report, money_formatter, this_month

log = logging.getLogger(__name__)


_TIPS = {
    "local_replies": "replies",
    "cloud_replies": "replies",
    "failed": "replies",
    "local_tokens": "input_tokens",
    "cloud_tokens": "input_tokens",
}


class ReportDialog(QDialog):
    report_shown = Signal(object)
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, tz: tzinfo | None = None):
        super().__init__(parent)
        self.setObjectName("ledger_report")
        self.setWindowTitle(self.tr("Savings report"))
        self.resize(900, 760)
        self._ctx = ctx
        self._tz = tz or gui_timezone()
        self.report: MonthReport | None = None

        self.month = QDateEdit()
        self.month.setObjectName("month_picker")
        self.month.setDisplayFormat("yyyy-MM")
        year, month = (int(part) for part in this_month(self._tz).split("-"))
        self.month.setDate(QDate(year, month, 1))
        self.month.dateChanged.connect(self.reload)
        self.status = QLabel()
        self.status.setObjectName("report_status")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:")))
        top.addWidget(self.month)
        top.addStretch(1)
        for kind, text in (
            ("pdf", self.tr("Export PDF…")),
            ("csv", self.tr("Export CSV…")),
            ("html", self.tr("Export HTML…")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"export_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self._ask_export(k))
            top.addWidget(button)

        self.totals = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in self._total_rows():
            value = QLabel("…")
            value.setObjectName(f"total_{key}")
            self.values[key] = value
            self.totals.addRow(label, value)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.charts = QGridLayout()
        self.method = QTextBrowser()
        self.method.setObjectName("how_computed")
        self.method.setMinimumHeight(200)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(self.totals)
        inner.addWidget(self.summary)
        inner.addLayout(self.charts)
        inner.addWidget(QLabel(self.tr("<b>How this is computed</b>")))
        inner.addWidget(self.method)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        ctx.events.reply_recorded.connect(self.reload)
        self.reload()

    def _total_rows(self) -> list[tuple[str, str]]:
        return [
            ("local_replies", self.tr("Local replies")),
            ("cloud_replies", self.tr("Cloud replies (billed)")),
            ("failed", self.tr("Failed attempts (billed nothing)")),
            ("local_tokens", self.tr("Local tokens (input / output)")),
            ("cloud_tokens", self.tr("Cloud tokens (input / output)")),
            ("baseline_cost", self.tr("All-cloud baseline")),
            ("cloud_spend", self.tr("Cloud spend")),
            ("electricity_cost", self.tr("Electricity")),
            ("amortization_cost", self.tr("Hardware amortization")),
            ("net_saved", self.tr("Net saved")),
            ("cumulative_saved", self.tr("Cumulative saved")),
            ("payback", self.tr("Payback")),
        ]

    def selected_month(self) -> str:
        return self.month.date().toString("yyyy-MM")

    def reload(self, *_args: object) -> None:
        self.status.setText(self.tr("Computing…"))
        config = load_config(self._ctx.settings)
        path, month, tz = self._ctx.writer.path, self.selected_month(), self._tz
        self._ctx.tasks.run(
            lambda: load_report(path, month, config, tz), self._show, self._failed, owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        log.warning("savings report failed: %s", exc)
        self.status.setText(self.tr("The report could not be computed: %1").replace("%1", str(exc)))

    def _show(self, report: MonthReport) -> None:
        if report.month != self.selected_month():
            return  # an older request finished after the person picked another month
        self.report = report
        fmt = money_formatter(report.currency)
        t, c = report.totals, report.counts
        sources = provenance(report)
        texts = {
            "local_replies": str(c.local_replies),
            "cloud_replies": str(c.cloud_replies),
            "failed": str(c.failed_replies),
            "local_tokens": f"{c.local_input_tokens:,} / {c.local_output_tokens:,}",
            "cloud_tokens": f"{c.cloud_input_tokens:,} / {c.cloud_output_tokens:,}",
            "baseline_cost": fmt(t.baseline),
            "cloud_spend": fmt(t.cloud_spend),
            "electricity_cost": fmt(t.electricity),
            "amortization_cost": fmt(t.amortization),
            "net_saved": fmt(t.net_saved),
            "cumulative_saved": fmt(report.cumulative_saved),
            "payback": payback_words(report),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
            self.values[key].setToolTip(sources.get(key, sources.get(_TIPS.get(key, ""), "")))
        self.summary.setText(summary(report, fmt))
        self.method.setPlainText("\n\n".join(how_computed(report)))
        while self.charts.count():
            item = self.charts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.charts.addWidget(charts.daily_savings(report), 0, 0, 1, 2)
        self.charts.addWidget(charts.local_cloud_share(report), 1, 0)
        self.charts.addWidget(charts.top_models(report), 1, 1)
        self.charts.setColumnStretch(0, 1)
        self.charts.setColumnStretch(1, 1)
        self.status.setText(self.tr("Amounts in %1.").replace("%1", report.currency))
        self.report_shown.emit(report)

    def _ask_export(self, kind: str) -> None:
        if self.report is None:
            return
        filters = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "html": "HTML (*.html)"}
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export report"),
            f"hearth-savings-{self.report.month}.{kind}",
            filters[kind],
        )
        if name:
            self.export_to(Path(name), kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Write the shown report in the background; ``exported`` fires when it is on disk."""
        report = self.report
        if report is None:
            return
        fmt = money_formatter(report.currency)

        def write() -> str:
            with serial_imports:
                from app.ui.ledger.pdf import html_with_charts, write_pdf

            if kind == "pdf":
                write_pdf(report, path, fmt)
            else:
                text = to_csv(report) if kind == "csv" else html_with_charts(report, fmt)
                path.write_text(text, encoding="utf-8")
            return str(path)

        def done(written: str) -> None:
            self.status.setText(self.tr("Saved to %1").replace("%1", written))
            self.exported.emit(written)

        self._ctx.tasks.run(write, done, self._failed, owner=self)
