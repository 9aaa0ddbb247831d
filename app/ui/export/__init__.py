"""Export and import in the main window: File ▸ Export conversation… / Import
conversation…, and "Export…" in the conversation list's context menu.

Reading the conversation runs on the writer, writing the file (the PDF included: QtGui
only) on the quick lane; the window only asks for a file name and shows the outcome.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from app import __version__
from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.ui.context import AppContext

SUFFIXES = {"md": ".md", "html": ".html", "pdf": ".pdf", "json": ".json"}


def _filters() -> dict[str, str]:
    return {
        translate("Export", "Markdown (*.md)"): "md",
        translate("Export", "Web page (*.html)"): "html",
        translate("Export", "PDF (*.pdf)"): "pdf",
        translate("Export", "JSON, to import again (*.json)"): "json",
    }


def format_for(path: Path, chosen: str = "md") -> str:
    by_suffix = {suffix: fmt for fmt, suffix in SUFFIXES.items()}
    return by_suffix.get(path.suffix.lower(), chosen)


def export_file(ctx: AppContext, conversation_id: int, out: Path, fmt: str) -> Path:
    """Read and write one export (on a worker thread, waiting for the writer there)."""
    with serial_imports:
        from app.export.files import write_text_export
        from app.export.model import load

    conversation = ctx.writer.call(lambda conn: load(conn, conversation_id), timeout=None)
    if fmt == "pdf":
        with serial_imports:
            from app.ui.export.pdf import write_pdf

        return write_pdf(conversation, out)
    return write_text_export(conversation, fmt, out, __version__)


def import_file(ctx: AppContext, path: Path) -> int:
    with serial_imports:
        from app.cli.export import read_export
        from app.export.json_format import import_into

    conversation = read_export(path)
    return ctx.writer.call(lambda conn: import_into(conn, conversation), timeout=None)


class ExportActions:
    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        self.window = window
        self.ctx = ctx

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _problem(self, title: str, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, KnownError) else f"{type(exc).__name__}: {exc}"
        QMessageBox.warning(self.window, title, text)

    def export_current(self) -> None:
        chat = getattr(self.window, "chat", None)
        conversation = getattr(chat, "conversation", None)
        if conversation is None:
            self._say(translate("Export", "Open a conversation to export it."))
            return
        self.ask_export(conversation.id, conversation.title)

    def ask_export(self, conversation_id: int, title: str) -> None:
        filters = _filters()
        stem = re.sub(r'[\\/:*?"<>|\s]+', " ", title).strip()[:80] or "conversation"
        name, chosen = QFileDialog.getSaveFileName(
            self.window,
            translate("Export", "Export conversation"),
            str(Path.home() / f"{stem}.md"),
            ";;".join(filters),
        )
        if not name:
            return
        out = Path(name)
        fmt = format_for(out, filters.get(chosen, "md"))
        if not out.suffix:
            out = out.with_suffix(SUFFIXES[fmt])
        self.export(conversation_id, out, fmt)

    def export(self, conversation_id: int, out: Path, fmt: str) -> None:
        self._say(translate("Export", "Exporting to {path}…").format(path=out))
        self.ctx.tasks.run(
            lambda: export_file(self.ctx, conversation_id, out, fmt),
            lambda path: self._say(translate("Export", "Exported to {path}").format(path=path)),
            lambda exc: self._problem(translate("Export", "Export failed"), exc),
            owner=self.window,
        )

    def ask_import(self) -> None:
        name, _chosen = QFileDialog.getOpenFileName(
            self.window,
            translate("Export", "Import conversation"),
            str(Path.home()),
            translate("Export", "Hearth conversation (*.json);;All files (*)"),
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> None:
        self.ctx.tasks.run(
            lambda: import_file(self.ctx, path),
            self._imported,
            lambda exc: self._problem(translate("Export", "Import failed"), exc),
            owner=self.window,
        )

    def _imported(self, conversation_id: int) -> None:
        conversations = getattr(self.window, "conversations", None)
        if conversations is not None:
            conversations.refresh(select=conversation_id)
        chat = getattr(self.window, "chat", None)
        if chat is not None:
            chat.show_conversation(conversation_id)
        self._say(translate("Export", "Conversation imported."))


def install(window: QMainWindow, ctx: AppContext) -> Any:
    actions = ExportActions(window, ctx)
    menu = window.findChild(QMenu, "menu_file")
    if menu is None:
        menu = window.menuBar().addMenu(translate("MainWindow", "&File"))
        menu.setObjectName("menu_file")
    first = next((a for a in menu.actions() if a.isSeparator()), None)
    export = QAction(translate("MainWindow", "&Export conversation…"), window)
    export.setObjectName("action_export")
    export.triggered.connect(actions.export_current)
    imported = QAction(translate("MainWindow", "&Import conversation…"), window)
    imported.setObjectName("action_import")
    imported.triggered.connect(actions.ask_import)
    if first is None:
        menu.addActions([export, imported])
    else:
        menu.insertActions(first, [export, imported])  # before Quit
    conversations = getattr(window, "conversations", None)
    extras = getattr(conversations, "menu_extras", None)
    if extras is not None:

        def add(context_menu: QMenu, conversation_id: int, title: str) -> None:
            context_menu.addAction(
                translate("MainWindow", "Export…"),
                lambda: actions.ask_export(conversation_id, title),
            )

        extras.append(add)
    return actions
