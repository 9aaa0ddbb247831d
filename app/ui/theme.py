"""Light and dark: follow the OS unless the person chose otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.core.settings import Setting, declare

THEME = declare(Setting("ui/theme", "system", "Appearance", choices=("system", "light", "dark")))


def apply_theme(app: QApplication, choice: str) -> None:
    app.setStyle("Fusion")  # the one style that follows the colour scheme on every OS
    hints = app.styleHints()
    scheme = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(choice, Qt.ColorScheme.Unknown)
    hints.setColorScheme(scheme)


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    if app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return True
    window = app.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128
