"""PDF and HTML exports with their charts: the HTML report laid out by QTextDocument
onto a QPdfWriter, the charts drawn by app.ui.ledger.chart_images (QtGui only, so the CLI
can use it with the offscreen platform, and a worker thread can)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from app.core.errors import KnownError
from app.core.i18n import translate
from app.ledger.export_html import to_html
from app.ledger.money import format_money
from app.ledger.report import MonthReport
from app.ui.ledger.chart_images import chart_images
from app.ui.pdf_pages import print_a4


def write_pdf(
    report: MonthReport, out: Path, money: Callable[[Decimal], str] | None = None
) -> None:
    """Write the report as an A4 PDF. Safe on a worker thread (no widgets involved)."""
    document = QTextDocument()
    fmt = money or (lambda value: format_money(value, report.currency))
    images = chart_images(report, fmt)
    for name, png in images.items():
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png)
        )
    document.setHtml(to_html(report, fmt, {name: name for name in images}))
    print_a4(
        document,
        out,
        translate("Ledger", "Hearth savings report — {month}").format(month=report.month),
    )
    if not out.exists() or out.stat().st_size == 0:
        raise KnownError(
            translate("Ledger", "Could not write the PDF to {path}.").format(path=out),
            hint=translate("Ledger", "Check that the folder exists and you may write to it."),
        )


def html_with_charts(report: MonthReport, money: Callable[[Decimal], str] | None = None) -> str:
    """The standalone HTML page with its charts embedded as data: URLs (needs a
    QGuiApplication; safe on a worker thread)."""
    fmt = money or (lambda value: format_money(value, report.currency))
    images = chart_images(report, fmt)
    sources = {
        name: "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        for name, png in images.items()
    }
    return to_html(report, fmt, sources)
