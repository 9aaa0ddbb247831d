"""Choose how much of a conversation the model keeps in mind, seeing what it costs.

One row per context size up to the model's maximum (:func:`app.library.fit.fits_by_context`):
the KV-cache memory it takes, the total the model then needs, and whether that still
runs on the GPU. The row Ollama would pick on this machine is marked as the default.
The lead opens it from the chat when :func:`app.engines.context.will_outgrow` says
NEAR/OVER (or from a menu) and stores :meth:`ContextDialog.chosen` as the
conversation's ``num_ctx`` (sent as ``ChatRequest.options``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.sizes import format_bytes
from app.engines.context import ollama_context_for
from app.hardware import Machine
from app.library.catalog import Architecture
from app.library.fit import Fit, Verdict, fits_by_context
from app.ui.library.named import named


class ContextDialog(QDialog):
    def __init__(
        self,
        machine: Machine,
        model: str,
        weights_bytes: int,
        architecture: Architecture | None,
        *,
        model_max: int | None = None,
        current: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("context_dialog")
        self.setWindowTitle(self.tr("Conversation memory"))
        self.default = ollama_context_for(machine)
        self.fits: list[Fit] = fits_by_context(machine, weights_bytes, architecture, model_max)
        intro = QLabel(
            self.tr(
                "How many tokens of this conversation {model} keeps in mind. Past that, "
                "the oldest messages are forgotten without a warning from the engine. A "
                "larger context needs more memory:"
            ).format(model=model)
        )
        intro.setWordWrap(True)
        self.table = named(QTableWidget(len(self.fits), 4), "context_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Context"),
                self.tr("Memory for the context"),
                self.tr("Model needs in all"),
                self.tr("On this machine"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        selected = current or self.default
        for row, fit in enumerate(self.fits):
            label = self.tr("{tokens} tokens").format(tokens=f"{fit.context:,}")
            if fit.context == self.default:
                label += self.tr(" (Ollama's default here)")
            estimate = self.tr(" (estimated)") if fit.kv_estimated else ""
            self.table.setItem(row, 0, QTableWidgetItem(label))
            self.table.setItem(
                row, 1, QTableWidgetItem(format_bytes(fit.kv_cache_bytes) + estimate)
            )
            self.table.setItem(row, 2, QTableWidgetItem(format_bytes(fit.needed_bytes)))
            badge = QTableWidgetItem(fit.badge())
            badge.setToolTip(fit.explanation())
            self.table.setItem(row, 3, badge)
            if fit.context == selected:
                self.table.selectRow(row)
        if not self.table.selectedItems() and self.fits:
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 360)

    def chosen(self) -> int | None:
        """The context picked (tokens), or None when nothing is selected."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.fits[rows[0].row()].context

    def too_large(self) -> list[int]:
        return [fit.context for fit in self.fits if fit.verdict is Verdict.TOO_LARGE]
