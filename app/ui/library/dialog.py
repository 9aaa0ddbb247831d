"""The Model library window: this machine, the catalog, downloads and installed models.

Closing the window does not stop downloads: they belong to the ``DownloadManager``,
which lives as long as the main window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from app.core.errors import KnownError
from app.core.lazy import serial_imports
from app.library.catalog import Catalog
from app.library.pull import check_disk_space, is_local_host
from app.library.sources import DOWNLOAD_SOURCE, manifest_size, registry_url
from app.ui.context import AppContext
from app.ui.library.catalog_view import CatalogView
from app.ui.library.downloads import DownloadManager
from app.ui.library.downloads_panel import DownloadsPanel
from app.ui.library.installed_view import InstalledView
from app.ui.library.machine_panel import MachinePanel
from app.ui.library.named import named


class LibraryDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        manager: DownloadManager,
        catalog: Catalog,
        parent: QWidget | None = None,
        registry: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("library_dialog")
        self.setWindowTitle(self.tr("Model library"))
        self.resize(860, 640)
        self._ctx = ctx
        self._manager = manager
        self.machine_panel = MachinePanel(ctx, self)
        self.catalog_view = CatalogView(catalog, self)
        self.downloads = DownloadsPanel(ctx, manager, self)
        self.installed = InstalledView(ctx, self)
        self.message = named(QLabel(), "library_message")
        self.message.setWordWrap(True)
        self.message.hide()
        downloads_scroll = QScrollArea()
        downloads_scroll.setWidgetResizable(True)
        downloads_scroll.setWidget(self.downloads)
        self.tabs = named(QTabWidget(), "library_tabs")
        self.tabs.addTab(self.catalog_view, self.tr("Catalog"))
        self.tabs.addTab(downloads_scroll, self.tr("Downloads"))
        self.tabs.addTab(self.installed, self.tr("Installed"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.machine_panel)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.machine_panel.measured.connect(self.catalog_view.set_machine)
        self.catalog_view.download_requested.connect(self.download)
        self.catalog_view.set_source(ctx.settings.get(DOWNLOAD_SOURCE))
        self.catalog_view.source_changed.connect(self._save_source)
        manager.failed.connect(lambda name, why: self._say(why))
        self._read_exact_sizes(catalog, registry or registry_url())

    def _read_exact_sizes(self, catalog: Catalog, registry: str) -> None:
        """Ask the registry for every catalog model's exact size, off the GUI thread; an
        unreachable registry leaves the catalog's dated sizes (nothing to report)."""

        def fetch() -> dict[str, int]:
            with serial_imports:
                import httpx

            sizes: dict[str, int] = {}
            with httpx.Client(timeout=httpx.Timeout(8.0, connect=3.0)) as client:
                for model in catalog.models:
                    try:
                        size = manifest_size(model.tag, client, registry)
                    except httpx.TransportError:
                        break  # the registry cannot be reached: keep the dated sizes
                    except (httpx.HTTPStatusError, ValueError):
                        continue  # this one tag is gone or odd; the others may be fine
                    if size is not None:
                        sizes[model.tag] = size
            return sizes

        self._ctx.tasks.run(fetch, self.catalog_view.set_exact_sizes, lambda _exc: None, owner=self)

    def _save_source(self, source: str) -> None:
        try:
            self._ctx.settings.set(DOWNLOAD_SOURCE, source)
            self._ctx.settings.save()
        except KnownError as exc:
            self._say(str(exc))

    def download(self, name: str, expected_bytes: int | None = None) -> None:
        machine = self.machine_panel.machine
        try:
            if machine is not None and is_local_host(self._ctx.ollama_host):
                check_disk_space(name, expected_bytes, machine.disk_free_bytes)
        except KnownError as exc:
            self._say(str(exc))
            return
        self.message.hide()
        self._manager.start(name, expected_bytes)
        self.tabs.setCurrentIndex(1)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
