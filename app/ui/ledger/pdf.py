"""PDF export: the HTML report laid out by QTextDocument onto a QPdfWriter (QtGui only,
so the CLI can use it with the offscreen platform)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.core.errors import KnownError
from app.core.i18n import translate
from app.ledger.export_html import to_html
from app.ledger.report import MonthReport


def write_pdf(
    report: MonthReport, out: Path, money: Callable[[Decimal], str] | None = None
) -> None:
    """Write the report as an A4 PDF. Safe on a worker thread (no widgets involved)."""
    writer = QPdfWriter(str(out))
    writer.setTitle(
        translate("Ledger", "Hearth savings report — {month}").format(month=report.month)
    )
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(150)
    document = QTextDocument()
    document.setHtml(to_html(report, money))
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.print_(writer)
    del writer  # flushes and closes the file
    if not out.exists() or out.stat().st_size == 0:
        raise KnownError(
            translate("Ledger", "Could not write the PDF to {path}.").format(path=out),
            hint=translate("Ledger", "Check that the folder exists and you may write to it."),
        )
