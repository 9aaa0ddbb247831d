"""Start-up: translations, theme, the database writer, the main window.

The window is shown before the database has finished opening; anything that needs the
database is queued behind it on the writer thread, so start-up stays quick.
"""

from __future__ import annotations

import gc
import logging
import logging.handlers
import sqlite3
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.chat.recovery import recover_interrupted
from app.core import paths
from app.core.i18n import install_translator
from app.core.lazy import serial_imports
from app.core.settings import Settings
from app.engines.hosts import ollama_host
from app.ledger.settings import adopt_local_currency
from app.storage import repo
from app.storage.db import OpenedDatabase
from app.storage.writer import SerialWriter
from app.ui.context import AppContext, AppEvents
from app.ui.tasks import TaskRunner
from app.ui.theme import THEME, apply_theme, follow_system

log = logging.getLogger(__name__)
QUIET_LOGGERS = ("httpx", "httpcore", "httpx2", "httpcore2", "openai", "anthropic", "urllib3")


def setup_logging() -> None:
    handler = logging.handlers.RotatingFileHandler(
        paths.log_dir() / "hearth.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # HTTP client debug logs can carry request headers (API keys): keep them quiet.
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def install_translations(app: QApplication) -> None:
    if QLocale().name() == "C":
        # No LANG set (a bare session): format numbers and money the common way.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    locale = QLocale()
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    ours = QTranslator(app)
    folder = paths.translations_dir()
    if folder is not None and ours.load(locale, "hearth", "_", str(folder)):
        app.installTranslator(ours)
    install_translator(QCoreApplication.translate)


def create_context(app: QApplication) -> AppContext:
    settings = Settings(paths.settings_path())
    apply_theme(app, settings.get(THEME))
    follow_system(app, lambda: settings.get(THEME))
    writer = SerialWriter(paths.database_path())
    tasks = TaskRunner(parent=app)
    if adopt_local_currency(settings, QLocale().name().partition("_")[2]):
        tasks.run(settings.save, None, lambda exc: log.warning("settings not saved: %s", exc))
    return AppContext(settings, writer, tasks, AppEvents(app), ollama_host())


def report_database(ctx: AppContext, opened: OpenedDatabase, parent: object) -> None:
    """After opening: tidy up, and tell the person if their database had to be replaced."""

    def tidy(conn: sqlite3.Connection) -> None:
        repo.purge_deleted(conn)
        recover_interrupted(conn)  # crashed replies: kept as stopped, with usage

    ctx.writer.submit(tidy)
    if opened.moved_aside is not None:
        QMessageBox.warning(
            parent,  # type: ignore[arg-type]
            QCoreApplication.translate("Startup", "Hearth"),
            QCoreApplication.translate(
                "Startup",
                "Your conversation database was damaged and could not be opened. It has been "
                "kept at:\n{path}\nHearth started with a new, empty database.",
            ).format(path=opened.moved_aside),
        )


GIL_SWITCH_SECONDS = 0.0005


def favour_the_gui_thread() -> None:
    """Let a thread waiting for the GIL have it within half a millisecond, not Python's
    default five. Every Qt callback into Python (a timer, a layout signal) needs the GIL,
    and while a reply streams the reader thread holds it nearly all the time: a frame
    that calls into Python a few times could wait 5 ms at each and stall the window.
    Measured by tests/bench/bench_streaming.py: longest stall ~70 → ~35 ms, for a few
    percent of the reader's throughput at 20,000 tokens/s."""
    sys.setswitchinterval(GIL_SWITCH_SECONDS)


def settle_memory() -> None:
    """Once the window is up: what exists now (modules, Qt wrappers, parsers) lives as
    long as the app, so take it out of the garbage collector's full passes, which
    otherwise walk all of it and pause the GUI for tens of milliseconds mid-reply."""
    gc.freeze()


def main(argv: Sequence[str] = ()) -> int:
    favour_the_gui_thread()
    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("Hearth")
    app.setApplicationDisplayName("Hearth")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Hearth")
    app.setDesktopFileName("hearth")
    setup_logging()
    install_translations(app)
    ctx = create_context(app)

    with serial_imports:
        from app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()

    def opened(result: OpenedDatabase) -> None:
        report_database(ctx, result, window)

    def failed(exc: BaseException) -> None:
        QMessageBox.critical(
            window,
            QCoreApplication.translate("Startup", "Hearth cannot open its database"),
            str(exc),
        )
        app.exit(1)

    ctx.tasks.watch(ctx.writer.opened(), opened, failed)
    with serial_imports:
        from app.ui.chat.markdown import prewarm

    ctx.tasks.run(prewarm)
    QTimer.singleShot(0, settle_memory)
    code = app.exec()
    ctx.tasks.shutdown()
    ctx.writer.close()
    return code
