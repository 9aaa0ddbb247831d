"""Help → Keyboard shortcuts: the list read from the window itself when it opens.

Every ``QAction`` and ``QShortcut`` the window and its widgets (dialogs and the quick-ask
window included, once they exist) hold with a key is listed, grouped by its menu, in the
platform's own notation (``QKeySequence.NativeText``: ⌘, on macOS, Ctrl+, elsewhere).
Nothing is written down twice, so the list cannot drift from what the keys do.
Keys a widget handles by itself (Enter sends, Shift+Enter starts a new line) are not
actions and are not listed here; the composer says them in its placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import translate
from app.ui.context import AppContext

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@dataclass(frozen=True)
class ShortcutEntry:
    group: str
    name: str
    keys: tuple[str, ...]
    """Each key sequence in the platform's notation."""
    source: QObject


def plain(text: str) -> str:
    """A menu text as a person reads it: no mnemonic "&" (nor the "(&F)" Chinese menus
    append), no trailing ellipsis."""
    text = re.sub(r"\s*\(&[^&\s]\)", "", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def native(keys: list[QKeySequence]) -> tuple[str, ...]:
    return tuple(
        text for key in keys if (text := key.toString(QKeySequence.SequenceFormat.NativeText))
    )


def _menu_titles(window: QWidget) -> dict[int, str]:
    """Each action in the menu bar's menus (and their submenus): its menu's title."""
    titles: dict[int, str] = {}
    menu_bar = getattr(window, "menuBar", None)
    if not callable(menu_bar):
        return titles

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{title} › {plain(sub.title())}")
            else:
                titles.setdefault(id(action), title)

    for top in menu_bar().actions():
        sub = top.menu()
        if isinstance(sub, QMenu):
            walk(sub, plain(sub.title()))
    return titles


def _owner_title(obj: QObject, window: QWidget) -> str:
    """Where a key outside the menus works: the nearest widget that has a name for
    people (its accessible name: "Conversation list"), else its window's title."""
    parent = obj.parent()
    while parent is not None:
        if isinstance(parent, QWidget):
            if parent.accessibleName():
                return plain(parent.accessibleName())
            if parent.isWindow():
                return plain(parent.windowTitle() or window.windowTitle())
        parent = parent.parent()
    return plain(window.windowTitle())


def collect(window: QWidget) -> list[ShortcutEntry]:
    """Every action and shortcut with a key in ``window`` and everything it owns."""
    titles = _menu_titles(window)
    seen: set[int] = set()
    entries: list[ShortcutEntry] = []
    actions: list[QAction] = list(window.findChildren(QAction))
    for widget in [window, *window.findChildren(QWidget)]:
        actions += widget.actions()
    for action in actions:
        if id(action) in seen or action.isSeparator():
            continue
        seen.add(id(action))
        keys = native(action.shortcuts())
        if not keys:
            continue
        group = titles.get(id(action)) or _owner_title(action, window)
        name = plain(action.text()) or action.objectName()
        entries.append(ShortcutEntry(group, name, keys, action))
    for shortcut in window.findChildren(QShortcut):
        keys = native(shortcut.keys())
        if keys and id(shortcut) not in seen:
            seen.add(id(shortcut))
            name = shortcut.whatsThis() or shortcut.objectName()
            entries.append(ShortcutEntry(_owner_title(shortcut, window), name, keys, shortcut))
    # The menus first, in the menu bar's order; then the other places, by name.
    order = {title: i for i, title in enumerate(dict.fromkeys(titles.values()))}
    return sorted(entries, key=lambda e: (order.get(e.group, len(order)), e.group, e.name))


class ShortcutsDialog(QDialog):
    def __init__(self, entries: list[ShortcutEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(480, 520)
        self.entries = entries
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcuts_filter")
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcuts_tree")
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        groups: dict[str, QTreeWidgetItem] = {}
        self._items: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        for entry in entries:
            group = groups.get(entry.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[entry.group] = group
                self._items.append((group, []))
            item = QTreeWidgetItem(group, [entry.name, ", ".join(entry.keys)])
            next(children for g, children in self._items if g is group).append(item)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, action, keys) as shown."""
        return [
            (group.text(0), item.text(0), item.text(1))
            for group, children in self._items
            for item in children
        ]

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for group, children in self._items:
            visible = 0
            for item in children:
                words = f"{group.text(0)} {item.text(0)} {item.text(1)}".casefold()
                hit = needle in words
                item.setHidden(not hit)
                visible += hit
            group.setHidden(visible == 0)


class ShortcutsFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts_feature")
        self._window = window
        self.dialog: ShortcutsDialog | None = None
        self.action = QAction(self.tr("&Keyboard shortcuts"), window)
        self.action.setObjectName("action_keyboard_shortcuts")
        self.action.setShortcuts([QKeySequence(Qt.Key.Key_F1), QKeySequence("Ctrl+/")])
        self.action.triggered.connect(self._open)

    def _open(self) -> None:
        self.show()

    def show(self) -> ShortcutsDialog:
        """Read afresh each time: an action added since (a dialog opened) is listed."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ShortcutsDialog(collect(self._window), self._window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog


def install(window: MainWindow, ctx: AppContext) -> ShortcutsFeature:
    del ctx  # the list needs only the window
    feature = ShortcutsFeature(window)
    menu = window.findChild(QMenu, "menu_help")
    if menu is None:
        menu = window.menuBar().addMenu(translate("MainWindow", "&Help"))
        menu.setObjectName("menu_help")
    first = menu.actions()[0] if menu.actions() else None
    if first is not None:
        menu.insertAction(first, feature.action)
        menu.insertSeparator(first)
    else:
        menu.addAction(feature.action)
    return feature
