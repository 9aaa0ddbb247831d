"""Light and dark: follow the OS unless the person chose otherwise.

Fusion follows the colour scheme on Windows and macOS, but on Linux without a desktop
platform theme (and under Xvfb) the palette stays light, so a dark palette is set
explicitly whenever the effective scheme is dark.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.core.settings import Setting, declare

THEME = declare(Setting("ui/theme", "system", "Appearance", choices=("system", "light", "dark")))


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#202124",
        role.WindowText: "#e8eaed",
        role.Base: "#17181a",
        role.AlternateBase: "#2a2c30",
        role.ToolTipBase: "#2a2c30",
        role.ToolTipText: "#e8eaed",
        role.PlaceholderText: "#9aa0a6",
        role.Text: "#e8eaed",
        role.Button: "#2d2f33",
        role.ButtonText: "#e8eaed",
        role.BrightText: "#ff6b6b",
        role.Link: "#8ab4f8",
        role.LinkVisited: "#c58af9",
        role.Highlight: "#3d6dcc",
        role.HighlightedText: "#ffffff",
        role.Light: "#3c4043",
        role.Midlight: "#33363a",
        role.Mid: "#2a2c30",
        role.Dark: "#111214",
        role.Shadow: "#000000",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.Text, role.ButtonText, role.WindowText):
        palette.setColor(disabled, colour_role, QColor("#6b6f75"))
    return palette


def apply_theme(app: QApplication, choice: str) -> None:
    app.setStyle("Fusion")  # the one style that follows the colour scheme on every OS
    hints = app.styleHints()
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(choice)
    if scheme is not None:
        hints.setColorScheme(scheme)
    dark = scheme == Qt.ColorScheme.Dark or (
        scheme is None and hints.colorScheme() == Qt.ColorScheme.Dark
    )
    style = app.style()
    app.setPalette(dark_palette() if dark else style.standardPalette())


def follow_system(app: QApplication, current_choice: Callable[[], str]) -> None:
    """Re-apply when the OS switches between light and dark (only for "system")."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if current_choice() == "system":
            apply_theme(app, "system")

    app.styleHints().colorSchemeChanged.connect(changed)


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    window = app.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128
