"""Search in the main window: Ctrl+Shift+F (Conversation ▸ Search all conversations…)
opens the search window; Ctrl+F (Find in conversation…) the find bar over the messages."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import LAST_CONVERSATION
from app.ui.context import AppContext


def install(window: QMainWindow, ctx: AppContext) -> Any:
    state: dict[str, Any] = {}

    def open_search() -> None:
        dialog = state.get("dialog")
        if dialog is None:
            with serial_imports:
                from app.ui.search.dialog import SearchDialog

            dialog = SearchDialog(ctx, window)
            dialog.open_requested.connect(jump)
            state["dialog"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.focus_field()

    def jump(conversation_id: int, message_id: int, text: str) -> None:
        chat = getattr(window, "chat", None)
        conversations = getattr(window, "conversations", None)
        if chat is None:
            return
        if conversations is not None:
            conversations.select(conversation_id)
        chat.show_conversation(conversation_id, at=message_id, find=text)
        ctx.settings.set(LAST_CONVERSATION, conversation_id)

    def find_here() -> None:
        chat = getattr(window, "chat", None)
        if chat is not None:
            chat.find_bar.open_bar()

    menu = window.findChild(QMenu, "menu_conversation")
    if menu is None:
        menu = window.menuBar().addMenu(translate("MainWindow", "&Conversation"))
        menu.setObjectName("menu_conversation")
    menu.addSeparator()
    search = QAction(translate("MainWindow", "Search all conversations…"), window)
    search.setObjectName("action_search")
    search.setShortcut(QKeySequence("Ctrl+Shift+F"))
    search.triggered.connect(open_search)
    menu.addAction(search)
    find = QAction(translate("MainWindow", "Find in conversation…"), window)
    find.setObjectName("action_find")
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.triggered.connect(find_here)
    menu.addAction(find)
    state["open"] = open_search
    state["jump"] = jump
    return state
