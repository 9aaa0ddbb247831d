"""Hearth in the tray (the menu bar on macOS): Show Hearth, Quick ask…, New conversation,
Quit; and, when the person turns it on, closing the window keeps Hearth running there.

Where the platform has no tray (``QSystemTrayIcon.isSystemTrayAvailable()`` is false:
offscreen, GNOME without the AppIndicator extension) there is no icon and closing the
window quits as it always did — a window hidden with nothing to bring it back would trap
the person. The "Quick ask" shortcut works inside Hearth only (Qt has no OS-wide hotkeys,
and none is registered).

The window's ``closeEvent`` asks ``keep_running()`` first (an event filter would put a
Python call in front of every event the window gets); otherwise it does what it always
did — stop replies, clear the crash-loop marker, save settings — and that stays the one
way out: Quit here calls ``MainWindow.quit_hearth``, which goes through it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle, QSystemTrayIcon, QWidget

from app.core.desktop import CLOSE_TO_TRAY, TRAY_HINT_SHOWN
from app.core.settings import LAST_CONVERSATION
from app.ui.context import AppContext
from app.ui.quick_ask import QuickAskWindow

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

QUICK_ASK_KEY = "Ctrl+Shift+K"
"""Cmd+Shift+K on macOS (Qt maps Ctrl to Command). Not Ctrl/Shift+Space: Chinese input
methods take those for switching the IME and full/half-width."""


def tray_available() -> bool:
    """Whether the desktop shows tray icons now (read at start-up; tests replace it)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def app_icon(fallback: QWidget) -> QIcon:
    """Hearth's icon from resources/icons (source tree or installed), else a stock one."""
    names = (
        Path(__file__).resolve().parents[2] / "resources" / "icons" / "hearth.svg",
        Path(sys.prefix) / "share" / "hearth" / "icons" / "hearth.svg",
    )
    for path in names:
        if path.is_file():
            icon = QIcon(str(path))
            if not icon.isNull():
                return icon
    return fallback.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)


class TrayFeature(QObject):
    def __init__(
        self,
        window: MainWindow,
        ctx: AppContext,
        *,
        with_icon: bool,
    ) -> None:
        super().__init__(window)
        self.setObjectName("tray_feature")
        self._window = window
        self._ctx = ctx
        self.hint_box: QMessageBox | None = None
        self.hints_given: list[str] = []
        """What the person was told when the window first hid (once, by design)."""
        self.quick_ask = QuickAskWindow(
            window, ctx, window.streams, window.chat.current_model, self.open_conversation
        )

        self.quick_ask_action = QAction(self.tr("&Quick ask…"), window)
        self.quick_ask_action.setObjectName("action_quick_ask")
        self.quick_ask_action.setShortcut(QKeySequence(QUICK_ASK_KEY))
        # From any Hearth window (the quick-ask one included), not only the main one.
        self.quick_ask_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quick_ask_action.triggered.connect(self.toggle_quick_ask)
        window.addAction(self.quick_ask_action)

        self.show_action = QAction(self.tr("&Show Hearth"), self)
        self.show_action.setObjectName("tray_show")
        self.show_action.triggered.connect(self.show_window)
        self.new_action = QAction(self.tr("&New conversation"), self)
        self.new_action.setObjectName("tray_new")
        self.new_action.triggered.connect(self._new_conversation)
        self.quit_action = QAction(self.tr("&Quit Hearth"), self)
        self.quit_action.setObjectName("tray_quit")
        self.quit_action.triggered.connect(window.quit_hearth)

        self.menu = QMenu(window)
        self.menu.setObjectName("tray_menu")
        self.menu.addAction(self.show_action)
        self.menu.addAction(self.quick_ask_action)
        self.menu.addAction(self.new_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)

        self.icon: QSystemTrayIcon | None = None
        if with_icon:
            self.icon = QSystemTrayIcon(app_icon(window), self)
            self.icon.setObjectName("tray_icon")
            self.icon.setToolTip(self.tr("Hearth"))
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.show()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            # Logging out closes every window: hiding this one then would hold up the
            # session's end, so a logout is a quit.
            app.commitDataRequest.connect(self._session_ending)

    @property
    def available(self) -> bool:
        """A tray icon exists: hiding the window there leaves a way back."""
        return self.icon is not None

    def keeps_running(self) -> bool:
        """Closing the window now hides it in the tray instead of quitting."""
        return (
            self.available and self._ctx.settings.get(CLOSE_TO_TRAY) and not self._window.quitting
        )

    def keep_running(self) -> bool:
        """Asked by the window as it closes: hide in the tray instead, when wanted."""
        if not self.keeps_running():
            return False
        self.hide_to_tray()
        return True

    def hide_to_tray(self) -> None:
        self._window.hide()
        settings = self._ctx.settings
        if settings.get(TRAY_HINT_SHOWN):
            return
        settings.set(TRAY_HINT_SHOWN, True)
        self._ctx.tasks.run(settings.save, None, None, owner=self)
        title = self.tr("Hearth is still running")
        text = self.tr(
            "Hearth keeps running in the tray (the menu bar on macOS) when you close its "
            "window. Click its icon to bring the window back, or choose Quit there to "
            "quit. You can change this in Preferences."
        )
        self.hints_given.append(text)
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, self.icon.icon(), 15_000)
            return
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=None)
        box.setObjectName("tray_hint")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()  # not exec(): the hiding window must not wait for it
        self.hint_box = box

    def show_window(self) -> None:
        window = self._window
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def toggle_quick_ask(self) -> None:
        if self.quick_ask.isVisible() and self.quick_ask.isActiveWindow():
            self.quick_ask.hide()
        else:
            self.quick_ask.present()

    def open_conversation(self, conversation_id: int) -> None:
        """Bring the window back showing this conversation (quick ask's "Open in Hearth")."""
        self.show_window()
        window = self._window
        window.conversations.refresh(select=conversation_id)
        window.chat.show_conversation(conversation_id)
        self._ctx.settings.set(LAST_CONVERSATION, conversation_id)

    def _new_conversation(self) -> None:
        self.show_window()
        self._window.new_conversation()

    def _session_ending(self, _manager: object) -> None:
        self._window.quitting = True

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # On macOS a click on a menu-bar icon opens its menu, and only that.
        if reason is QSystemTrayIcon.ActivationReason.Trigger and sys.platform != "darwin":
            if self._window.isVisible() and not self._window.isMinimized() and self.keeps_running():
                self._window.hide()
            else:
                self.show_window()


def install(window: MainWindow, ctx: AppContext) -> TrayFeature:
    feature = TrayFeature(window, ctx, with_icon=tray_available())
    menu = window.findChild(QMenu, "menu_file")
    quit_action = window.findChild(QAction, "action_quit")
    if menu is not None:
        if quit_action is not None and quit_action in menu.actions():
            menu.insertAction(quit_action, feature.quick_ask_action)
            menu.insertSeparator(quit_action)
        else:
            menu.addAction(feature.quick_ask_action)
    return feature
