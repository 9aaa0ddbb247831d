"""The report's charts as PNG images, for the PDF and HTML exports.

The window draws its charts with QtCharts, but QtCharts items are widgets: they live on
the GUI thread and need a QApplication, while exports are written on a worker thread and
by the CLI with only a QGuiApplication. So the exports draw the same three charts —
saved per day, replies local and cloud, top models — with QPainter on a QImage, which is
safe on any thread. Labels come through translate(), like every other word in a report.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from app.core.i18n import translate
from app.ledger.report import MonthReport

WIDTH, HEIGHT = 900, 320
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 90, 40, 44
SAVED, LOST, LOCAL, CLOUD, AXIS = "#2e7d32", "#c62828", "#1565c0", "#ef6c00", "#555555"
TOP_MODELS = 5


def _canvas() -> tuple[QImage, QPainter]:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(14)
    painter.setFont(font)
    return image, painter


def _title(painter: QPainter, text: str) -> None:
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(17)
    painter.save()
    painter.setFont(font)
    painter.drawText(QRectF(0, 6, WIDTH, 30), Qt.AlignmentFlag.AlignHCenter, text)
    painter.restore()


def _png(image: QImage, painter: QPainter) -> bytes:
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str works
    return bytes(data.data())


def daily_savings(report: MonthReport, money: Callable[[Decimal], str]) -> bytes:
    image, painter = _canvas()
    _title(
        painter,
        translate("LedgerCharts", "Saved per day ({currency})").replace(
            "{currency}", report.currency
        ),
    )
    values = [float(day.amounts.net_saved) for day in report.days]
    top = max([0.0, *values]) or 1.0
    bottom = min([0.0, *values])
    plot = QRectF(MARGIN_LEFT, MARGIN_TOP, WIDTH - MARGIN_LEFT - 20, HEIGHT - 44 - MARGIN_BOTTOM)
    span = (top - bottom) or 1.0

    def y(value: float) -> float:
        return plot.bottom() - (value - bottom) / span * plot.height()

    painter.setPen(QPen(QColor(AXIS)))
    painter.drawLine(QPointF(plot.left(), y(0)), QPointF(plot.right(), y(0)))
    for value in (top, bottom) if bottom < 0 else (top,):
        painter.drawText(
            QRectF(0, y(value) - 10, MARGIN_LEFT - 6, 20),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            money(Decimal(repr(value))),
        )
    step = plot.width() / max(1, len(values))
    for index, (day, value) in enumerate(zip(report.days, values, strict=True)):
        left = plot.left() + index * step + step * 0.15
        painter.fillRect(
            QRectF(left, min(y(value), y(0)), step * 0.7, abs(y(value) - y(0))),
            QColor(SAVED if value >= 0 else LOST),
        )
        painter.drawText(
            QRectF(left - 6, plot.bottom() + 4, step * 0.7 + 12, 20),
            Qt.AlignmentFlag.AlignHCenter,
            str(day.day.day),
        )
    if not values:
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, translate("LedgerCharts", "No data"))
    return _png(image, painter)


def _bars(title: str, rows: list[tuple[str, float, str]]) -> bytes:
    """Horizontal bars: (label, value, colour) per row."""
    image, painter = _canvas()
    _title(painter, title)
    label_width = 260
    plot = QRectF(label_width, MARGIN_TOP, WIDTH - label_width - 80, HEIGHT - MARGIN_TOP - 16)
    top = max([1.0, *(value for _, value, _ in rows)])
    step = plot.height() / max(1, len(rows))
    painter.setPen(QPen(QColor(AXIS)))
    for index, (label, value, colour) in enumerate(rows):
        row = plot.top() + index * step
        painter.drawText(
            QRectF(8, row, label_width - 16, step),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        width = value / top * plot.width()
        painter.fillRect(QRectF(plot.left(), row + step * 0.2, width, step * 0.6), QColor(colour))
        painter.drawText(
            QRectF(plot.left() + width + 6, row, 80, step),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{value:,.0f}",
        )
    if not rows:
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, translate("LedgerCharts", "No data"))
    return _png(image, painter)


def local_cloud_share(report: MonthReport) -> bytes:
    c = report.counts
    return _bars(
        translate("LedgerCharts", "Replies: local and cloud"),
        [
            (translate("LedgerCharts", "Local"), float(c.local_replies), LOCAL),
            (translate("LedgerCharts", "Cloud"), float(c.cloud_replies), CLOUD),
        ],
    )


def top_models(report: MonthReport) -> bytes:
    rows = [
        (
            figures.model,
            float(figures.counts.local_replies + figures.counts.cloud_replies),
            LOCAL if figures.is_local else CLOUD,
        )
        for figures in report.models[:TOP_MODELS]
    ]
    return _bars(translate("LedgerCharts", "Top models by replies"), rows)


def chart_images(report: MonthReport, money: Callable[[Decimal], str]) -> dict[str, bytes]:
    """The three charts as PNGs, keyed by a file name (needs a QGuiApplication)."""
    return {
        "chart-daily.png": daily_savings(report, money),
        "chart-share.png": local_cloud_share(report),
        "chart-models.png": top_models(report),
    }
