"""Savings settings: every ledger setting, with the reason when a value is refused."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.cloud.providers import provider_for_ref
from app.core.i18n import translate
from app.core.numbers import NumberInputError, format_number, parse_number
from app.core.settings import Setting, SettingError
from app.ledger.settings import (
    ALL_SETTINGS,
    BASELINE_MODEL,
    CURRENCY,
    ELECTRICITY_PER_KWH,
    FX_RATE,
    STARTING_VALUES,
)
from app.ui.cloud.price_editor import PriceEditor
from app.ui.context import AppContext

Editor = QComboBox | QCheckBox | QLineEdit | QSpinBox


class LedgerSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_settings")
        self.setWindowTitle(self.tr("Savings settings"))
        self._ctx = ctx
        self._locale = QLocale().name()
        self.editors: dict[str, Editor] = {}
        form = QFormLayout()
        for setting in ALL_SETTINGS:
            editor = self._editor(setting, ctx.settings.get(setting))
            editor.setObjectName(setting.key.replace("/", "_"))
            self.editors[setting.key] = editor
            form.addRow(translate("Settings", setting.label), editor)
        self._currency = str(ctx.settings.get(CURRENCY))
        currency = self.editors[CURRENCY.key]
        assert isinstance(currency, QComboBox)
        currency.currentIndexChanged.connect(lambda _i: self._currency_changed(currency))
        note = QLabel(
            self.tr(
                "Prices, electricity and hardware are in your currency; the exchange rate "
                "converts published US-dollar prices. Hearth never fetches live rates."
            )
        )
        note.setWordWrap(True)
        # h14: the same per-model prices as Tools → API keys and hearth calc, in the price's
        # own currency; here for the baseline model.
        self.baseline_price_label = QLabel(self)
        self.baseline_price_label.setWordWrap(True)
        self.prices = PriceEditor(ctx.settings, self)
        self.prices.saved.connect(self._price_saved)
        baseline = self.editors[BASELINE_MODEL.key]
        assert isinstance(baseline, QLineEdit)
        baseline.editingFinished.connect(lambda: self._show_baseline(baseline.text()))
        self._show_baseline(baseline.text())
        self.error = QLabel()
        self.error.setObjectName("settings_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: palette(highlight);")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.baseline_price_label)
        layout.addWidget(self.prices)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _show_baseline(self, ref: str) -> None:
        provider_ref, _, model = ref.strip().partition(":")
        provider = provider_for_ref(provider_ref)
        if provider is None or provider.is_local or not model:
            self.prices.hide()
            self.baseline_price_label.setText(
                self.tr("Write the baseline as PROVIDER:MODEL to set your own price for it.")
            )
            return
        self.prices.set_provider(provider)
        self.prices.model.setEditText(model)
        self.prices.show()
        self.baseline_price_label.setText(
            self.tr(
                "Your own price for %1 (any currency, from a date on; also in Tools → API keys):"
            ).replace("%1", f"{provider.name} {model}")
        )

    def _price_saved(self, key: str) -> None:
        self._ctx.tasks.run(self._ctx.settings.save, None, self._save_failed)
        self._ctx.events.settings_changed.emit(key)

    def _currency_changed(self, combo: QComboBox) -> None:
        """A rate or electricity price still at the old currency's starting value would be
        wrong in the new one (0.15 a kWh is dollars, not yuan): move it to the new
        currency's. A value the person typed is theirs and stays."""
        old, new = STARTING_VALUES[self._currency], STARTING_VALUES[str(combo.currentData())]
        self._currency = str(combo.currentData())
        for setting, before, after in (
            (FX_RATE, old.fx_rate, new.fx_rate),
            (ELECTRICITY_PER_KWH, old.electricity_per_kwh, new.electricity_per_kwh),
        ):
            editor = self.editors[setting.key]
            assert isinstance(editor, QLineEdit)
            try:
                untouched = parse_number(editor.text(), self._locale) in (before, setting.default)
            except NumberInputError:
                untouched = False
            if untouched:
                editor.setText(format_number(after, self._locale))

    def _editor(self, setting: Setting[Any], value: object) -> Editor:
        if setting.choices:
            combo = QComboBox()
            for choice in setting.choices:
                combo.addItem(translate("Settings", str(choice)), choice)
            combo.setCurrentIndex(combo.findData(value))
            return combo
        if isinstance(value, bool):
            check = QCheckBox()
            check.setChecked(value)
            return check
        if isinstance(value, int):
            spin = QSpinBox()
            spin.setRange(-1000, 100000)  # out-of-range values are refused with a reason
            spin.setValue(value)
            return spin
        if isinstance(value, Decimal):
            return QLineEdit(format_number(value, self._locale))
        return QLineEdit(str(value))

    def _value(self, setting: Setting[Any]) -> object:
        editor = self.editors[setting.key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        text = editor.text().strip()
        if isinstance(setting.default, Decimal):
            try:
                return parse_number(text, self._locale)
            except NumberInputError as exc:
                raise SettingError(
                    translate("Settings", "“{label}”: {problem}").format(
                        label=translate("Settings", setting.label), problem=str(exc)
                    )
                ) from exc
        return text

    def apply(self) -> None:
        """Validate everything first; change nothing unless every value is acceptable."""
        problems: list[str] = []
        values: dict[str, object] = {}
        for setting in ALL_SETTINGS:
            try:
                value = self._value(setting)
                problem = setting.validate(value) if setting.validate else None
                if problem:
                    raise SettingError(
                        translate("Settings", "“{label}”: {problem}").format(
                            label=translate("Settings", setting.label), problem=problem
                        )
                    )
                values[setting.key] = value
            except SettingError as exc:
                problems.append(exc.message)
        if problems:
            self.error.setText("\n".join(problems))
            return
        changed = []
        for setting in ALL_SETTINGS:
            if self._ctx.settings.get(setting) != values[setting.key]:
                self._ctx.settings.set(setting, values[setting.key])
                changed.append(setting.key)
        self._ctx.tasks.run(self._ctx.settings.save, None, self._save_failed)
        for key in changed:
            self._ctx.events.settings_changed.emit(key)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))
