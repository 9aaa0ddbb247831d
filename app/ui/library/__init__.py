"""The model library feature: ``install(window, ctx)`` wires it into a main window.

It adds "Model library…" to the menu whose objectName is ``menu_models`` (created in
the menu bar if the window has none) and returns the ``LibraryFeature``; keep it, and
ask ``has_active_downloads()`` before quitting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.ui.context import AppContext
from app.ui.library.downloads import DownloadManager

if TYPE_CHECKING:
    from app.library.catalog import Catalog
    from app.ui.library.dialog import LibraryDialog


class LibraryFeature(QObject):
    def __init__(self, window: QWidget, ctx: AppContext) -> None:
        super().__init__(window)
        self.setObjectName("library_feature")
        self._window = window
        self._ctx = ctx
        self.downloads = DownloadManager(ctx, self)
        self._catalog: Catalog | None = None
        self.dialog: LibraryDialog | None = None
        self.action = QAction(self.tr("Model library…"), window)
        self.action.setObjectName("action_model_library")
        self.action.triggered.connect(self.show)

    def has_active_downloads(self) -> bool:
        return self.downloads.has_active_downloads()

    def cancel_downloads(self) -> None:
        """Stop every running download (their partial files stay; Resume continues)."""
        self.downloads.cancel_all()

    def show(self) -> LibraryDialog:
        if self.dialog is None:
            # Loaded when first opened, not while the window opens.
            with serial_imports:
                from app.library.catalog import load_catalog
                from app.ui.library.dialog import LibraryDialog
            if self._catalog is None:
                self._catalog = load_catalog()
            self.dialog = LibraryDialog(self._ctx, self.downloads, self._catalog, self._window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog


def install(window: QMainWindow, ctx: AppContext) -> LibraryFeature:
    feature = LibraryFeature(window, ctx)
    menu = window.findChild(QMenu, "menu_models")
    if menu is None:
        menu = window.menuBar().addMenu(translate("MainWindow", "&Models"))
        menu.setObjectName("menu_models")
    menu.addAction(feature.action)
    return feature
