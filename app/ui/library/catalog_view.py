"""The catalog with fit badges, a filter by use, a download source, and a free-text pull
field. Sizes show the catalog's dated value until the exact size from the registry
manifest arrives (:meth:`set_exact_sizes`, fetched on a worker by the dialog)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.core.sizes import format_bytes
from app.hardware import Machine
from app.library.catalog import Catalog, CatalogModel, normalize_pull_name
from app.library.fit import Fit, Verdict, estimate_fit
from app.library.sources import SOURCES, pull_name, source_label
from app.ui.library.named import named

COLUMNS = 5  # name, size, uses, fit, download button


class CatalogView(QWidget):
    download_requested = Signal(str, object)  # name, expected bytes (int | None)
    source_changed = Signal(str)  # the download source the person chose

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.machine: Machine | None = None
        self.exact_sizes: dict[str, int] = {}
        self.source_choice = named(QComboBox(), "download_source")
        for source in SOURCES:
            self.source_choice.addItem(source_label(source), source)
        self.source_choice.setToolTip(
            self.tr(
                "ModelScope and Hugging Face hold GGUF copies of many catalog models; "
                "Ollama downloads them by name. Models without a copy there come from the "
                "Ollama library."
            )
        )
        self.source_choice.activated.connect(
            lambda _row: self.source_changed.emit(self.download_source())
        )
        self.language = QLocale().name()
        self.use_filter = named(QComboBox(), "catalog_filter")
        self.use_filter.addItem(self.tr("All uses"), "")
        self._use_labels = {
            "chat": self.tr("chat"),
            "coding": self.tr("coding"),
            "chinese": self.tr("Chinese"),
            "vision": self.tr("vision"),
        }
        for use, label in (
            ("chat", self.tr("Everyday chat")),
            ("coding", self.tr("Coding")),
            ("chinese", self.tr("Chinese")),
            ("vision", self.tr("Images (vision)")),
        ):
            self.use_filter.addItem(label, use)
        self.use_filter.currentIndexChanged.connect(self.refresh)
        self.table = named(QTableWidget(0, COLUMNS), "catalog_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Model"),
                self.tr("Download"),
                self.tr("Good for"),
                self.tr("On this machine"),
                "",
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.name_field = named(QLineEdit(), "pull_name")
        self.name_field.setPlaceholderText(
            self.tr("Any model: qwen2.5:7b, hf.co/user/repo, or mirror:port/namespace/model:tag")
        )
        self.pull_button = named(QPushButton(self.tr("Download")), "pull_button")
        self.pull_button.clicked.connect(self._pull_typed)
        self.name_field.returnPressed.connect(self._pull_typed)
        self.name_error = named(QLabel(), "pull_error")
        self.name_error.setWordWrap(True)
        self.name_error.hide()
        self.source = QLabel(
            self.tr("Sizes from the Ollama library, compiled {date}.").format(date=catalog.compiled)
        )
        self.source.setToolTip(catalog.sizes_source)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Show:")))
        filter_row.addWidget(self.use_filter)
        filter_row.addStretch(1)
        filter_row.addWidget(QLabel(self.tr("Download from:")))
        filter_row.addWidget(self.source_choice)
        typed_row = QHBoxLayout()
        typed_row.addWidget(self.name_field, 1)
        typed_row.addWidget(self.pull_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.source)
        layout.addLayout(typed_row)
        layout.addWidget(self.name_error)
        self.refresh()

    def set_machine(self, machine: Machine) -> None:
        self.machine = machine
        self.refresh()

    def set_source(self, source: str) -> None:
        index = self.source_choice.findData(source)
        if index >= 0:
            self.source_choice.setCurrentIndex(index)

    def download_source(self) -> str:
        return str(self.source_choice.currentData() or "ollama")

    def set_exact_sizes(self, sizes: dict[str, int]) -> None:
        """Exact download sizes (tag → bytes) read from the registry manifests."""
        self.exact_sizes = dict(sizes)
        if sizes:
            self.source.setText(
                self.tr("Sizes read from the Ollama registry now ({count} models).").format(
                    count=len(sizes)
                )
            )
        self.refresh()

    def size_of(self, model: CatalogModel) -> int:
        return self.exact_sizes.get(model.tag, model.download_bytes)

    def fit_for(self, model: CatalogModel) -> Fit | None:
        if self.machine is None:
            return None
        return estimate_fit(self.machine, self.size_of(model), model.architecture)

    def refresh(self) -> None:
        models = self.catalog.for_use(self.use_filter.currentData())
        self.table.setRowCount(len(models))
        for row, model in enumerate(models):
            name = QTableWidgetItem(model.name)
            name.setToolTip(
                f"{model.tag} · {model.parameters} · {model.quantization}\n"
                f"{model.description(self.language)}"
            )
            self.table.setItem(row, 0, name)
            exact = self.exact_sizes.get(model.tag)
            size = QTableWidgetItem(format_bytes(exact) if exact else model.download_size)
            size.setToolTip(
                self.tr("{bytes} bytes, from the registry").format(bytes=f"{exact:,}")
                if exact
                else self.tr("about {size}, from the catalog of {date}").format(
                    size=model.download_size, date=self.catalog.compiled
                )
            )
            self.table.setItem(row, 1, size)
            uses = ", ".join(self._use_labels.get(use, use) for use in sorted(model.uses))
            self.table.setItem(row, 2, QTableWidgetItem(uses))
            fit = self.fit_for(model)
            badge = QTableWidgetItem(fit.badge() if fit else self.tr("measuring…"))
            if fit is not None:
                badge.setToolTip(fit.explanation())
                badge.setData(0x0100, fit.verdict.value)  # Qt.UserRole: for tests and styling
            self.table.setItem(row, 3, badge)
            button = QPushButton(self.tr("Download"))
            button.setObjectName(f"download:{model.tag}")
            button.setEnabled(fit is None or fit.verdict is not Verdict.TOO_LARGE)
            button.clicked.connect(lambda _=False, m=model: self._download(m))
            self.table.setCellWidget(row, 4, button)
        self.table.resizeColumnsToContents()
        # resizeColumnsToContents fixes every width; let the name take the spare room again.
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _download(self, model: CatalogModel) -> None:
        self.download_requested.emit(pull_name(model, self.download_source()), self.size_of(model))

    def _pull_typed(self) -> None:
        try:
            name = normalize_pull_name(self.name_field.text())
        except KnownError as exc:
            self.name_error.setText(str(exc))
            self.name_error.show()
            return
        self.name_error.hide()
        known = self.catalog.find(name)
        if known is not None:
            self._download(known)
        else:
            self.download_requested.emit(name, None)
        self.name_field.clear()
