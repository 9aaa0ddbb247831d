"""A QTextDocument printed onto A4 pages: the one page set-up the conversation export
and the savings report share (QtGui only: safe on a worker thread and offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

RESOLUTION_DPI = 150
MARGIN_MM = 15


def print_a4(document: QTextDocument, out: Path, title: str) -> None:
    """Lay ``document`` out on A4 with 15 mm margins and write it to ``out``."""
    writer = QPdfWriter(str(out))
    writer.setTitle(title)
    writer.setCreator("Hearth")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(RESOLUTION_DPI)
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.print_(writer)
    del writer  # flushes and closes the file
