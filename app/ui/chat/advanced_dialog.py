"""Advanced model options for one conversation: temperature, top_p, seed, context length.

Shows what each engine does with them (Ollama: all four; OpenAI-compatible servers:
temperature, top_p and seed, their context is fixed when the server loads the model;
Claude: a temperature from 0 to 1 and no seed), and for Ollama what a larger context
costs in memory on this machine and whether it still fits (the same arithmetic as the
model library's fit check, :func:`app.library.fit.fits_by_context`). Numbers are read in
the person's locale (app/core/numbers.py). Empty fields mean "the engine's default".
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.chat.options import ModelOptions, OptionsInputError, parse_options
from app.core.lazy import serial_imports
from app.core.sizes import format_bytes
from app.engines.context import ContextSource
from app.library.fit import Verdict
from app.ui.chat.advanced_setup import (
    ANTHROPIC_KIND,
    OLLAMA_KIND,
    OPENAI_KIND,
    AdvancedSetup,
    count,
)
from app.ui.library.named import named


def _number(value: float | int | None, locale: str) -> str:
    """A stored option as the person's locale writes it (0,7 in German)."""
    if value is None:
        return ""
    with serial_imports:
        from app.core.numbers import format_number  # babel: when the dialog opens

    return format_number(value if isinstance(value, int) else Decimal(repr(value)), locale)


class AdvancedDialog(QDialog):
    def __init__(
        self,
        setup: AdvancedSetup,
        current: ModelOptions,
        *,
        propose_context: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("advanced_dialog")
        self.setWindowTitle(self.tr("Advanced options"))
        self._setup = setup
        self._locale = QLocale().name()
        self._options = current
        intro = QLabel(
            self.tr(
                "Options for this conversation with {model} ({engine}). Leave a field "
                "empty to use the engine's default."
            ).format(model=setup.model, engine=setup.engine_name)
        )
        intro.setWordWrap(True)

        self.temperature = named(
            QLineEdit(_number(current.temperature, self._locale)), "temperature"
        )
        self.temperature.setPlaceholderText(self.tr("engine default"))
        self.temperature.setToolTip(
            self.tr("Lower is steadier, higher more varied. 0 to 2 (Claude: 0 to 1).")
        )
        self.top_p = named(QLineEdit(_number(current.top_p, self._locale)), "top_p")
        self.top_p.setPlaceholderText(self.tr("engine default"))
        self.top_p.setToolTip(self.tr("Only the most likely words whose chances add up to this."))
        self.seed = named(QLineEdit(_number(current.seed, self._locale)), "seed")
        self.seed.setPlaceholderText(self.tr("random"))
        self.seed.setToolTip(self.tr("The same seed and question give the same reply again."))
        self.context = named(QComboBox(), "context_choice")
        self.context.currentIndexChanged.connect(self._show_fit)
        self.fit_label = named(QLabel(), "context_fit")
        self.fit_label.setWordWrap(True)
        self.note = named(QLabel(self._engine_note()), "engine_note")
        self.note.setWordWrap(True)
        self.error = named(QLabel(), "options_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: palette(highlight);")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Temperature"), self.temperature)
        form.addRow(self.tr("Top P"), self.top_p)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Context length"), self.context)
        self._fill_contexts(current.num_ctx, propose_context)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.reset = QPushButton(self.tr("Engine defaults"))
        self.reset.clicked.connect(self._reset)
        buttons.addButton(self.reset, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.fit_label)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Wrapped labels change height with the choice: the dialog grows to show them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.resize(560, self.sizeHint().height())

    # --- what the person chose -------------------------------------------------------------

    def chosen(self) -> ModelOptions:
        """The options as applied (only meaningful after the dialog was accepted)."""
        return self._options

    def _apply(self) -> None:
        try:
            self._options = parse_options(
                self.temperature.text(),
                self.top_p.text(),
                self.seed.text(),
                self.context.currentData(),
                self._locale,
            )
        except OptionsInputError as exc:
            self.error.setText(str(exc))  # the dialog stays open, nothing typed is lost
            self.error.show()
            return
        self.accept()

    def _reset(self) -> None:
        for field in (self.temperature, self.top_p, self.seed):
            field.clear()
        self.context.setCurrentIndex(0)

    # --- context ----------------------------------------------------------------------------

    def _fill_contexts(self, chosen: int | None, propose: int | None) -> None:
        setup, context = self._setup, self._setup.context
        if setup.kind != OLLAMA_KIND or context is None or not context.adjustable:
            running = context.tokens if context is not None else None
            self.context.addItem(
                self.tr("{tokens} tokens (set by {engine})").format(
                    tokens=count(running), engine=setup.engine_name
                )
                if running
                else self.tr("set by {engine}").format(engine=setup.engine_name),
                None,
            )
            self.context.setEnabled(False)
            self._show_fit()
            return
        default = self._default_tokens()
        self.context.addItem(
            self.tr("Default: {tokens} tokens").format(tokens=count(default))
            if default
            else self.tr("Default"),
            None,
        )
        for fit in setup.fits:
            self.context.addItem(
                self.tr("{tokens} tokens").format(tokens=count(fit.context)), fit.context
            )
        wanted = propose or chosen
        if wanted:
            index = self.context.findData(wanted)
            if index < 0:
                self.context.addItem(
                    self.tr("{tokens} tokens").format(tokens=count(wanted)), wanted
                )
                index = self.context.count() - 1
            self.context.setCurrentIndex(index)
        self._show_fit()

    def _default_tokens(self) -> int | None:
        """What this conversation runs with when it chooses nothing: the Modelfile's
        num_ctx or Ollama's default here, cut to the model's maximum."""
        context = self._setup.context
        if context is None:
            return None
        if context.source is ContextSource.CONVERSATION:
            default = self._setup.machine_default
            if default and context.model_max:
                return min(default, context.model_max)
            return default
        return context.tokens

    def _show_fit(self) -> None:
        tokens = self.context.currentData()
        if tokens is None:
            tokens = self._default_tokens() if self.context.isEnabled() else None
        fit = next((f for f in self._setup.fits if f.context == tokens), None)
        if not self.context.isEnabled() or fit is None:
            self.fit_label.setText("")
            self.fit_label.setVisible(False)
            return
        estimate = self.tr(" (estimated)") if fit.kv_estimated else ""
        text = self.tr(
            "Memory for the context: {kv}{estimate}. The model then needs about {total} "
            "in all: {verdict}."
        ).format(
            kv=format_bytes(fit.kv_cache_bytes),
            estimate=estimate,
            total=format_bytes(fit.needed_bytes),
            verdict=fit.badge(),
        )
        self.fit_label.setText(text)
        self.fit_label.setToolTip(fit.explanation())
        self.fit_label.setStyleSheet(
            "color: palette(highlight);" if fit.verdict is Verdict.TOO_LARGE else ""
        )
        self.fit_label.setVisible(True)

    def _engine_note(self) -> str:
        setup = self._setup
        if setup.kind == ANTHROPIC_KIND:
            return self.tr(
                "Claude takes a temperature from 0 to 1 (higher is sent as 1) and has no "
                "seed. Top P is sent only when no temperature is set. Some Claude models "
                "refuse sampling options; the reply then says so."
            )
        if setup.kind == OPENAI_KIND:
            context = setup.context
            if context is not None and context.tokens:
                return self.tr(
                    "{engine} runs this model with a context of {tokens} tokens, set when the "
                    "model is loaded: it cannot be changed from Hearth."
                ).format(engine=setup.engine_name, tokens=count(context.tokens))
            return self.tr(
                "{engine} sets the context itself and does not say how large it is: it "
                "cannot be changed from Hearth."
            ).format(engine=setup.engine_name)
        return self.tr(
            "Past the context, Ollama forgets the oldest messages without a warning. A "
            "larger context needs more memory."
        )
