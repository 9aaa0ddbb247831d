"""What every screenshot script shares: waiting on a live event loop, and the main window
opened as the app opens it (translations, the data dir's settings, the theme)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow


_kept: list[QApplication] = []


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(predicate, timeout_ms: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not predicate() and waited < timeout_ms:
        pump(50)
        waited += 50


def open_window(
    theme: str | None,
    size: tuple[int, int],
    before_window: Callable[[AppContext], None] | None = None,
) -> MainWindow:
    """The main window on HEARTH_DATA_DIR and OLLAMA_HOST as set by the caller, shown
    (its context is ``window.ctx``). ``theme`` None leaves the system's;
    ``before_window`` sets up the context first."""
    from app.core import paths
    from app.core.settings import Settings
    from app.ui.bootstrap import create_context, install_translations
    from app.ui.main_window import MainWindow
    from app.ui.theme import THEME, apply_theme

    app = QApplication(sys.argv[:1])
    _kept.append(app)  # the application lives as long as the script
    Settings(paths.settings_path())
    install_translations(app)
    ctx = create_context(app)
    if theme is not None:
        ctx.settings.set(THEME, theme)
        apply_theme(app, theme)
    if before_window is not None:
        before_window(ctx)
    window = MainWindow(ctx)
    window.resize(*size)
    window.show()
    return window
