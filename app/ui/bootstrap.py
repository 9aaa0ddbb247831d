"""Start-up: translations, theme, the database writer, the main window.

The window is shown before the database has finished opening; anything that needs the
database is queued behind it on the writer thread, so start-up stays quick. What can go
wrong on the way is said in a dialog: a data folder that cannot be used (before any
window, naming the folder), a database that cannot be opened, and a damaged database
(found at open or later while in use) — where the damaged file was kept and what was
recovered from it.
"""

from __future__ import annotations

import gc
import logging
import logging.handlers
import sqlite3
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.chat.recovery import recover_interrupted
from app.core import paths
from app.core.desktop import stored_language
from app.core.i18n import install_translator
from app.core.lazy import serial_imports
from app.core.settings import Settings
from app.engines.hosts import ollama_host
from app.ledger.settings import adopt_local_currency
from app.storage import repo
from app.storage.damage import Recovered, describe
from app.storage.db import OpenedDatabase
from app.storage.writer import SerialWriter
from app.ui.context import AppContext, AppEvents
from app.ui.idle_collector import IdleCollector
from app.ui.tasks import TaskRunner
from app.ui.theme import THEME, apply_theme, follow_system

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
QUIET_LOGGERS = ("httpx", "httpcore", "httpx2", "httpcore2", "openai", "anthropic", "urllib3")


def setup_logging() -> None:
    target = paths.log_dir() / "hearth.log"
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(target) for h in root.handlers):
        return  # already logging there (start-up run twice in one process, as in tests)
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # HTTP client debug logs can carry request headers (API keys): keep them quiet.
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def install_translations(app: QApplication) -> None:
    if QLocale().name() == "C":
        # No LANG set (a bare session): format numbers and money the common way.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    # Issue 16: the language chosen in Preferences, for the words only (numbers and
    # money keep the system's region).
    choice = stored_language(paths.configured_data_dir() / "settings.json")
    # QLocale() itself for "system": on macOS it carries the person's ordered languages.
    locale = QLocale() if choice == "system" else QLocale(choice)
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

    ctx.tasks.watch(ctx.writer.submit(tidy))  # a failure reaches the person by default
    if opened.recovered is not None:
        show_damage(opened.recovered, ctx, parent)


def show_damage(recovered: Recovered, ctx: AppContext, parent: object) -> None:
    """Say where the damaged database is kept and what the new one holds."""
    ctx.events.conversations_changed.emit()  # the list now shows what was recovered
    QMessageBox.warning(
        parent,  # type: ignore[arg-type]
        QCoreApplication.translate("Startup", "Hearth recovered your database"),
        describe(recovered, ctx.writer.path),
    )


def watch_for_damage(ctx: AppContext, parent: object) -> None:
    """Damage found while Hearth runs is recovered on the writer thread; tell the person
    on the GUI thread."""

    def found(recovered: Recovered) -> None:
        ctx.tasks.post(lambda: show_damage(recovered, ctx, parent))

    ctx.writer.add_damage_listener(found)


def show_folder_problem(problem: paths.DataFolderError) -> None:
    """The data folder cannot be used: there is no window yet, so a dialog of its own."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Startup", "Hearth cannot start"),
        problem.message,
    )
    box.setInformativeText(problem.hint)
    box.exec()


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
    otherwise walk all of it and pause the GUI for tens of milliseconds (IdleCollector
    runs those passes, when the window is quiet)."""
    gc.freeze()


def main(argv: Sequence[str] = ()) -> int:
    favour_the_gui_thread()
    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("Hearth")
    app.setApplicationDisplayName("Hearth")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Hearth")
    app.setDesktopFileName("hearth")
    started = start(app)
    if started is None:
        return 1
    ctx, window = started
    collectors: list[IdleCollector] = []

    def settle() -> None:
        settle_memory()
        # After the freeze: the collector counts the old generation it finds as the
        # baseline for "grown by a quarter", and frozen objects are no longer in it.
        collectors.append(IdleCollector(app, busy=window.working))

    QTimer.singleShot(0, settle)
    code = app.exec()
    for collector in collectors:
        collector.stop()
    ctx.tasks.shutdown()
    ctx.writer.close()
    return code


def start(app: QApplication) -> tuple[AppContext, MainWindow] | None:
    """Everything before the event loop; None when Hearth cannot start (already said)."""
    install_translations(app)  # first, so even the data folder dialog is translated
    try:
        paths.check_data_dir()
    except paths.DataFolderError as problem:
        log.error("data folder unusable: %s", problem)
        show_folder_problem(problem)
        return None
    setup_logging()
    ctx = create_context(app)

    with serial_imports:
        from app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    watch_for_damage(ctx, window)

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
        from app.ui.chat.markdown import code_font, prewarm

    code_font()  # asked of the platform theme here, on the GUI thread; prewarm loads it
    ctx.tasks.run(prewarm)
    return ctx, window
