"""The report's charts (QtCharts): daily savings, local vs cloud share, top models."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter

from app.ledger.report import MonthReport

TOP_MODELS = 5


def _tr(text: str) -> str:
    return QCoreApplication.translate("LedgerCharts", text)


def _view(chart: QChart) -> QChartView:
    chart.legend().setVisible(False)
    chart.setBackgroundRoundness(0)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def daily_savings(report: MonthReport) -> QChartView:
    bars = QBarSet(_tr("Saved"))
    categories = []
    for day in report.days:
        bars.append(float(day.amounts.net_saved))
        categories.append(str(day.day.day))
    series = QBarSeries()
    series.append(bars)
    chart = QChart()
    chart.setTitle(_tr("Saved per day ({currency})").replace("{currency}", report.currency))
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    view = _view(chart)
    view.setObjectName("chart_daily")
    return view


def local_cloud_share(report: MonthReport) -> QChartView:
    series = QPieSeries()
    series.append(_tr("Local"), report.counts.local_replies)
    series.append(_tr("Cloud"), report.counts.cloud_replies)
    series.setLabelsVisible(True)
    chart = QChart()
    chart.setTitle(_tr("Replies: local and cloud"))
    chart.addSeries(series)
    view = _view(chart)
    view.setObjectName("chart_share")
    return view


def top_models(report: MonthReport) -> QChartView:
    top = report.models[:TOP_MODELS]
    bars = QBarSet(_tr("Replies"))
    names = []
    for figures in reversed(top):
        bars.append(figures.counts.local_replies + figures.counts.cloud_replies)
        names.append(figures.model)
    series = QHorizontalBarSeries()
    series.append(bars)
    chart = QChart()
    chart.setTitle(_tr("Top models by replies"))
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append(names)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%d")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    view = _view(chart)
    view.setObjectName("chart_models")
    return view
