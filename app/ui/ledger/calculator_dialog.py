"""The break-even calculator, pre-filled from the person's measured usage, live results."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.core.numbers import format_number, parse_optional
from app.ledger.calculator import (
    CalculatorError,
    CalculatorInputs,
    CalculatorResult,
    MeasuredUsage,
    calculate,
    measured_usage,
)
from app.ledger.settings import CURRENCIES, baseline_entries, load_config
from app.ledger.store import open_reader
from app.ui.context import AppContext
from app.ui.ledger.common import money_formatter

FIELDS = (
    "requests_per_day",
    "input_tokens",
    "output_tokens",
    "baseline_model",
    "input_price",
    "output_price",
    "request_price",
    "hardware_cost",
    "power_watts",
    "hours_per_day",
    "electricity_price",
    "fx",
    "days_per_month",
)


def _provider_model(baseline: str) -> tuple[str, str]:
    provider, _, model = baseline.partition(":")
    return provider, model


class CalculatorDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_calculator")
        self.setWindowTitle(self.tr("Break-even calculator"))
        self.setMinimumWidth(520)  # room for "anthropic:claude-sonnet-4-5" and the results
        self._ctx = ctx
        config = load_config(ctx.settings)
        labels = {
            "requests_per_day": self.tr("Requests per day"),
            "input_tokens": self.tr("Input tokens per request"),
            "output_tokens": self.tr("Output tokens per request"),
            "baseline_model": self.tr("Baseline model (PROVIDER:MODEL)"),
            "input_price": self.tr("…or price per million input tokens"),
            "output_price": self.tr("…and per million output tokens"),
            "request_price": self.tr("…or price per request"),
            "hardware_cost": self.tr("Hardware cost"),
            "power_watts": self.tr("Power (watts)"),
            "hours_per_day": self.tr("Hours of use per day"),
            "electricity_price": self.tr("Electricity price per kWh"),
            "fx": self.tr("Exchange rate (per US dollar)"),
            "days_per_month": self.tr("Days per month"),
        }
        self._locale = QLocale().name()
        num = self._format
        defaults = {
            "requests_per_day": "100",
            "input_tokens": "2000",
            "output_tokens": "500",
            "baseline_model": config.baseline_model,
            "hardware_cost": num(config.hardware_cost),
            "power_watts": num(config.configured_watts),
            "hours_per_day": "4",
            "electricity_price": num(config.electricity_per_kwh),
            "fx": num(config.fx_rate),
            "days_per_month": str(config.days_per_month),
        }
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name in FIELDS:
            edit = QLineEdit(defaults.get(name, ""))
            edit.setObjectName(name)
            edit.textChanged.connect(self.recompute)
            self.fields[name] = edit
            form.addRow(labels[name], edit)
        self.currency = QComboBox()
        self.currency.setObjectName("currency")
        self.currency.addItems(list(CURRENCIES))
        self.currency.setCurrentText(config.currency)
        self.currency.currentTextChanged.connect(self.recompute)
        form.insertRow(form.rowCount() - 2, self.tr("Currency"), self.currency)
        self.measured = QLabel(self.tr("Reading your measured usage…"))
        self.measured.setObjectName("measured")
        self.measured.setWordWrap(True)
        self.results = QLabel()
        self.results.setObjectName("results")
        self.results.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.measured)
        layout.addLayout(form)
        layout.addWidget(self.results)
        layout.addWidget(buttons)
        self.outcome: CalculatorResult | None = None
        self.recompute()
        path = ctx.writer.path
        ctx.tasks.run(lambda: self._measure(path), self._prefill, self._no_measure, owner=self)

    @staticmethod
    def _measure(path: object) -> MeasuredUsage | None:
        conn = open_reader(path)  # type: ignore[arg-type]
        try:
            return measured_usage(conn, datetime.now(UTC))
        finally:
            conn.close()

    def _prefill(self, usage: MeasuredUsage | None) -> None:
        if usage is None:
            self.measured.setText(
                self.tr("No local replies in the last 30 days yet: example values.")
            )
            return
        self.fields["requests_per_day"].setText(self._format(usage.requests_per_day))
        self.fields["input_tokens"].setText(str(usage.input_tokens))
        self.fields["output_tokens"].setText(str(usage.output_tokens))
        if usage.hours_per_day > 0:
            self.fields["hours_per_day"].setText(self._format(usage.hours_per_day))
        if usage.measured_watts is not None:
            self.fields["power_watts"].setText(self._format(usage.measured_watts))
        self.measured.setText(
            self.tr("Pre-filled from your last %1 days of local replies.").replace(
                "%1", str(usage.days)
            )
        )

    def _no_measure(self, exc: BaseException) -> None:
        self.measured.setText(str(exc))

    def _format(self, value: Decimal) -> str:
        return format_number(value, self._locale)

    def _number(self, name: str) -> Decimal | None:
        """The field as the person typed it, in their locale (app.core.numbers refuses
        an ambiguous "1.500" with a message instead of reading it 1000× too small)."""
        return parse_optional(self.fields[name].text(), self._locale)

    def inputs(self) -> CalculatorInputs:
        custom = self._number("input_price") is not None or self._number("output_price") is not None
        request = self._number("request_price")
        baseline = self.fields["baseline_model"].text().strip()
        return CalculatorInputs(
            requests_per_day=self._number("requests_per_day") or Decimal(0),
            input_tokens=int(self._number("input_tokens") or 0),
            output_tokens=int(self._number("output_tokens") or 0),
            baseline_model=None if custom or request is not None else baseline,
            input_price=self._number("input_price"),
            output_price=self._number("output_price"),
            request_price=request,
            hardware_cost=self._number("hardware_cost") or Decimal(0),
            power_watts=self._number("power_watts") or Decimal(0),
            hours_per_day=self._number("hours_per_day") or Decimal(0),
            electricity_price=self._number("electricity_price") or Decimal(0),
            currency=self.currency.currentText(),
            fx=self._number("fx") or Decimal(0),
            days_per_month=int(self._number("days_per_month") or 0),
            custom=baseline_entries(self._ctx.settings, *_provider_model(baseline)),
        )

    def recompute(self, *_args: object) -> None:
        """Pure arithmetic plus an in-memory price lookup: fast enough to run per keystroke."""
        try:
            inputs = self.inputs()
            self.outcome = calculate(inputs)
        except (CalculatorError, KnownError) as exc:
            self.outcome = None
            self.results.setText(str(exc))
            return
        fmt = money_formatter(inputs.currency)
        months = self.outcome.break_even_months
        when = (
            self.tr("never (no monthly saving)")
            if months is None
            else self.tr("%1 months").replace("%1", f"{months:.1f}")
        )
        self.results.setText(
            self.tr(
                "Cloud cost per month: %1\nElectricity per month: %2\n"
                "Net saving per month: %3\nBreak-even: %4\nPrice: %5"
            )
            .replace("%1", fmt(self.outcome.monthly_cloud_cost))
            .replace("%2", fmt(self.outcome.monthly_electricity_cost))
            .replace("%3", fmt(self.outcome.monthly_net_saving))
            .replace("%4", when)
            .replace("%5", self.outcome.price_source)
        )
