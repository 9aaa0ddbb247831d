"""Preferences: ``install(window, ctx)`` adds "Preferences…" (Ctrl+, — Cmd+, on macOS,
where Qt moves it to the application menu) to the Tools menu. The window is built when
first opened, so start-up does not pay for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.ui.context import AppContext

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.preferences.dialog import PreferencesDialog


def preference_keys() -> list[QKeySequence]:
    """Ctrl+, everywhere, and the platform's own key for it where it has another."""
    keys = [QKeySequence("Ctrl+,")]
    keys += [
        key
        for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        if key not in keys
    ]
    return keys


class PreferencesFeature(QObject):
    def __init__(self, window: MainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.setObjectName("preferences_feature")
        self._window = window
        self._ctx = ctx
        self.dialog: PreferencesDialog | None = None
        self.action = QAction(self.tr("&Preferences…"), window)
        self.action.setObjectName("action_preferences")
        self.action.setShortcuts(preference_keys())
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.triggered.connect(self._open)

    def _open(self) -> None:
        self.show()

    def show(self, page: str = "") -> PreferencesDialog:
        """The open window, raised; else a fresh one showing the settings as they are now."""
        if self.dialog is not None and self.dialog.isVisible():
            if page:
                self.dialog.show_page(page)
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        with serial_imports:
            from app.ui.preferences.dialog import PreferencesDialog
            from app.ui.preferences.pages import Environment
        if self.dialog is not None:
            self.dialog.deleteLater()
        tray = self._window.features.get("app.ui.tray")
        env = Environment(self._ctx, self._window, bool(getattr(tray, "available", False)))
        self.dialog = PreferencesDialog(env, self._window)
        if page:
            self.dialog.show_page(page)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog


def install(window: MainWindow, ctx: AppContext) -> PreferencesFeature:
    feature = PreferencesFeature(window, ctx)
    menu = window.findChild(QMenu, "menu_tools")
    if menu is None:
        menu = window.menuBar().addMenu(translate("MainWindow", "&Tools"))
        menu.setObjectName("menu_tools")
    menu.addSeparator()
    menu.addAction(feature.action)
    return feature
