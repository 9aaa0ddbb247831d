"""The price fields of the keys dialog: the person's own price for a model (or every model
of the provider), in any currency, from a date on. Stored in the one list
``app.pricing.custom`` keeps, which the cloud pricer, the savings baseline and
``hearth calc`` all read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.cloud.providers import Provider
from app.core.errors import KnownError
from app.core.numbers import format_number, parse_optional
from app.core.settings import Settings
from app.ledger.settings import CURRENCIES
from app.pricing.custom import ALL_MODELS, CUSTOM_PRICES, CustomEntry, parse_entries, set_price


class PriceEditor(QWidget):
    """Model, currency, price in / out per million tokens, from (date): Save."""

    saved = Signal(str)
    """The settings key that changed (the caller saves the settings file and tells)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("price_editor")
        self._settings = settings
        self._provider: Provider | None = None
        self.model = QComboBox(self)
        self.model.setObjectName("price_model")
        self.model.setEditable(True)
        self.currency = QComboBox(self)
        self.currency.setObjectName("price_currency")
        self.currency.addItems(list(CURRENCIES))
        self.input_price_edit = QLineEdit(self)
        self.input_price_edit.setObjectName("input_price_edit")
        self.input_price_edit.setPlaceholderText(self.tr("input"))
        self.output_price_edit = QLineEdit(self)
        self.output_price_edit.setObjectName("output_price_edit")
        self.output_price_edit.setPlaceholderText(self.tr("output"))
        self.start_edit = QLineEdit(self)
        self.start_edit.setObjectName("price_from")
        self.start_edit.setPlaceholderText(self.tr("from YYYY-MM-DD (empty: always)"))
        self.start_edit.setMinimumWidth(220)
        self.save_button = QPushButton(self.tr("Save price"), self)
        self.save_button.setObjectName("save_price")
        self.listing = QLabel(self)
        self.listing.setObjectName("price_listing")
        self.listing.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("price_problem")
        self.problem.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.model, 0, 0, 1, 2)
        grid.addWidget(self.currency, 0, 2)
        grid.addWidget(self.input_price_edit, 1, 0)
        grid.addWidget(self.output_price_edit, 1, 1)
        grid.addWidget(self.start_edit, 1, 2)
        grid.addWidget(self.save_button, 1, 3)
        grid.addWidget(self.listing, 2, 0, 1, 4)
        grid.addWidget(self.problem, 3, 0, 1, 4)
        self.save_button.clicked.connect(self.save)
        self.output_price_edit.returnPressed.connect(self.save)

    def set_provider(self, provider: Provider) -> None:
        self._provider = provider
        self.model.clear()
        self.model.addItem(self.tr("All models"), ALL_MODELS)
        for name in provider.models:
            self.model.addItem(name, name)
        self.currency.setCurrentText(provider.currency)
        for edit in (self.input_price_edit, self.output_price_edit, self.start_edit):
            edit.clear()
        self.problem.clear()
        self._show_listing()

    def _model_id(self) -> str:
        index = self.model.currentIndex()
        text = self.model.currentText().strip()
        if index >= 0 and self.model.itemText(index) == text:
            return str(self.model.itemData(index) or text)
        return text or ALL_MODELS

    def save(self) -> None:
        provider = self._provider
        if provider is None:
            return
        locale = QLocale().name()
        try:
            price_in = parse_optional(self.input_price_edit.text(), locale)
            price_out = parse_optional(self.output_price_edit.text(), locale)
            start = self._start()
        except KnownError as exc:
            self.problem.setText(str(exc))
            return
        if price_in is None and price_out is None:
            self.problem.setText(self.tr("Enter a price per million input or output tokens."))
            return
        if min(price_in or Decimal(0), price_out or Decimal(0)) < 0:
            self.problem.setText(self.tr("A price must not be negative."))
            return
        entry = CustomEntry(
            provider.id,
            self._model_id(),
            self.currency.currentText(),
            Decimal(0) if price_in is None else price_in,
            Decimal(0) if price_out is None else price_out,
            start,
        )
        set_price(self._settings, entry)
        self.problem.clear()
        self._show_listing()
        self.saved.emit(CUSTOM_PRICES.key)

    def _start(self) -> date | None:
        text = self.start_edit.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise KnownError(self.tr("Write the date as YYYY-MM-DD, or leave it empty.")) from exc

    def _show_listing(self) -> None:
        provider = self._provider
        if provider is None:
            return
        entries = parse_entries(self._settings.get(CUSTOM_PRICES))
        mine = [e for e in entries if e.provider == provider.id]
        if not mine:
            self.listing.setText(
                self.tr("No price of yours: Hearth's price table and genai-prices apply.")
            )
            return
        locale = QLocale().name()
        lines = []
        for entry in mine:
            model = self.tr("all models") if entry.model == ALL_MODELS else entry.model
            since = entry.start.isoformat() if entry.start else self.tr("always")
            lines.append(
                self.tr("%1: %2 in / %3 out per million tokens, from %4")
                .replace("%1", model)
                .replace("%2", f"{format_number(entry.input_per_mtok, locale)} {entry.currency}")
                .replace("%3", f"{format_number(entry.output_per_mtok, locale)} {entry.currency}")
                .replace("%4", since)
            )
        self.listing.setText("\n".join(lines))
