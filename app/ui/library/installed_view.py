"""Installed models: size, date, loaded state and VRAM, details, delete with confirmation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.sizes import format_bytes
from app.library.installed import InstalledModel, LibraryClient, ModelCard
from app.ui.context import AppContext
from app.ui.library.named import named

T = TypeVar("T")


class InstalledView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.models: list[InstalledModel] = []
        self.table = named(QTableWidget(0, 4), "installed_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Model"), self.tr("Size"), self.tr("Downloaded"), self.tr("Loaded")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.status = named(QLabel(), "installed_status")
        self.status.setWordWrap(True)
        self.details = named(QLabel(), "installed_details")
        self.details.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.details_button = named(QPushButton(self.tr("Details")), "installed_details_button")
        self.delete_button = named(QPushButton(self.tr("Delete…")), "installed_delete")
        self.refresh_button.clicked.connect(self.refresh)
        self.details_button.clicked.connect(self.show_details)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.details_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        layout.addWidget(self.status)
        ctx.events.models_changed.connect(self.refresh)
        self.refresh()

    def _client(self) -> LibraryClient:
        return LibraryClient(self._ctx.ollama_host)

    def refresh(self) -> None:
        self.status.setText(self.tr("Asking Ollama…"))
        self._ctx.tasks.run(
            lambda: _closing(self._client(), LibraryClient.installed),
            self._show,
            self._show_error,
            owner=self,
        )

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.models[rows[0].row()].name if rows else None

    def select(self, name: str) -> None:
        for row, model in enumerate(self.models):
            if model.name == name:
                self.table.selectRow(row)

    def _show(self, models: list[InstalledModel]) -> None:
        self.models = models
        locale = QLocale()
        self.table.setRowCount(len(models))
        for row, model in enumerate(models):
            day = model.modified_at.date() if model.modified_at else None
            date = (
                locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
                if day
                else ""
            )
            loaded = (
                self.tr("yes — {vram} on GPU").format(vram=format_bytes(model.vram_bytes))
                if model.loaded
                else ""
            )
            cells = [model.name, format_bytes(model.size_bytes), date, loaded]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status.setText(
            self.tr("{n} models installed.").format(n=len(models))
            if models
            else self.tr("No models yet: pick one in the catalog and press Download.")
        )

    def _show_error(self, exc: BaseException) -> None:
        self.status.setText(str(exc))

    def show_details(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        self._ctx.tasks.run(
            lambda: _closing(self._client(), lambda c: c.details(name)),
            self._show_card,
            self._show_error,
            owner=self,
        )

    def _show_card(self, card: ModelCard) -> None:
        context = f"{card.context_length:,}" if card.context_length else "?"
        self.details.setText(
            self.tr(
                "{name}: {family} {params} {quant}; context {context} tokens; can do: {caps}"
            ).format(
                name=card.name,
                family=card.family,
                params=card.parameter_size,
                quant=card.quantization,
                context=context,
                caps=", ".join(card.capabilities) or "—",
            )
        )

    def confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete model"),
            self.tr("Delete {name}? Its files are removed; you can download it again.").format(
                name=name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected(self) -> None:
        name = self.selected_name()
        if name is None or not self.confirm_delete(name):
            return
        self.status.setText(self.tr("Deleting {name}…").format(name=name))
        self._ctx.tasks.run(
            lambda: _closing(self._client(), lambda c: c.delete(name)),
            lambda _none: self._ctx.events.models_changed.emit(),
            self._show_error,
            owner=self,
        )


def _closing(client: LibraryClient, call: Callable[[LibraryClient], T]) -> T:
    try:
        return call(client)
    finally:
        client.close()
