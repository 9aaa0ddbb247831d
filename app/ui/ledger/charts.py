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
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from app.core.i18n import translate
from app.ledger.report import MonthReport
from app.ui.theme import is_dark

TOP_MODELS = 5


def _view(chart: QChart, legend: bool = False) -> QChartView:
    # Charts do not follow the palette by themselves: pick the matching theme.
    chart.setTheme(
        QChart.ChartTheme.ChartThemeDark if is_dark() else QChart.ChartTheme.ChartThemeLight
    )
    chart.legend().setVisible(legend)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setBackgroundRoundness(0)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def daily_savings(report: MonthReport) -> QChartView:
    bars = QBarSet(translate("LedgerCharts", "Saved"))
    categories = []
    for day in report.days:
        bars.append(float(day.amounts.net_saved))
        categories.append(str(day.day.day))
    series = QBarSeries()
    series.append(bars)
    chart = QChart()
    chart.setTitle(
        translate("LedgerCharts", "Saved per day ({currency})").replace(
            "{currency}", report.currency
        )
    )
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
    series.append(translate("LedgerCharts", "Local"), report.counts.local_replies)
    series.append(translate("LedgerCharts", "Cloud"), report.counts.cloud_replies)
    chart = QChart()
    chart.setTitle(translate("LedgerCharts", "Replies: local and cloud"))
    chart.addSeries(series)
    view = _view(chart, legend=True)
    view.setObjectName("chart_share")
    return view


def top_models(report: MonthReport) -> QChartView:
    top = report.models[:TOP_MODELS]
    bars = QBarSet(translate("LedgerCharts", "Replies"))
    names = []
    for figures in reversed(top):
        bars.append(figures.counts.local_replies + figures.counts.cloud_replies)
        names.append(figures.model)
    series = QHorizontalBarSeries()
    series.append(bars)
    chart = QChart()
    chart.setTitle(translate("LedgerCharts", "Top models by replies"))
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
