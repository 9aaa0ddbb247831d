"""Help → Keyboard shortcuts lists every key the real window answers to.

The check walks the window on its own (menus, every widget's actions, every QShortcut,
the windows it owns), independently of the list's collector, so an action the collector
misses fails here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.shortcuts import ShortcutsDialog, ShortcutsFeature, plain

OpenWindow = Callable[..., MainWindow]
NATIVE = QKeySequence.SequenceFormat.NativeText


def open_list(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    feature = window.features["app.ui.shortcuts"]
    assert isinstance(feature, ShortcutsFeature)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    dialog = feature.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def everything_with_a_key(window: MainWindow) -> list[tuple[str, str]]:
    """(name, keys) of every action and shortcut in reach, found without the collector."""
    owned: list[QObject] = [window]

    def walk_menu(menu: QMenu) -> None:
        for action in menu.actions():
            owned.append(action)
            if action.menu() is not None:
                walk_menu(action.menu())  # type: ignore[arg-type]

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk_menu(top.menu())  # type: ignore[arg-type]
    for widget in QApplication.allWidgets():
        if widget is window or window.isAncestorOf(widget) or _owned_by(widget, window):
            owned.append(widget)
            owned += widget.actions()
    owned += window.findChildren(QAction) + window.findChildren(QShortcut)
    found: dict[int, tuple[str, str]] = {}
    for obj in owned:
        if isinstance(obj, QAction) and obj.shortcuts():
            keys = ", ".join(k.toString(NATIVE) for k in obj.shortcuts())
            found[id(obj)] = (plain(obj.text()) or obj.objectName(), keys)
        elif isinstance(obj, QShortcut) and obj.keys():
            sequences: list[QKeySequence] = obj.keys()
            keys = ", ".join(k.toString(NATIVE) for k in sequences)
            found[id(obj)] = (obj.whatsThis() or obj.objectName(), keys)
    return sorted(found.values())


def _owned_by(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parent()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parent()
    return False


def test_every_action_with_a_key_is_listed_in_native_text(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()
    dialog = open_list(qtbot, window)
    listed = sorted((name, keys) for _group, name, keys in dialog.rows())
    expected = everything_with_a_key(window)
    assert listed == expected
    by_name = {name: keys for _g, name, keys in dialog.rows()}
    new = QKeySequence(QKeySequence.StandardKey.New).toString(NATIVE)
    assert by_name["New conversation"] == new
    assert by_name["Quick ask"] == QKeySequence("Ctrl+Shift+K").toString(NATIVE)
    assert QKeySequence("Ctrl+,").toString(NATIVE) in by_name["Preferences"]
    assert by_name["Keyboard shortcuts"] == ", ".join(
        QKeySequence(k).toString(NATIVE) for k in ("F1", "Ctrl+/")
    )
    assert by_name["Stop reply"] == QKeySequence(Qt.Key.Key_Escape).toString(NATIVE)
    assert by_name["Hide quick ask"] == QKeySequence(Qt.Key.Key_Escape).toString(NATIVE)
    assert by_name["Rename conversation"] == "F2"  # the conversation list's own keys too
    groups = {name: group for group, name, _keys in dialog.rows()}
    assert groups["New conversation"] == "File"
    assert groups["Preferences"] == "Tools"
    assert groups["Hide quick ask"] == "Quick ask"
    assert groups["Rename conversation"] == "Conversation list"
    order = list(dict.fromkeys(group for group, _n, _k in dialog.rows()))
    assert order[:4] == ["File", "Conversation", "Tools", "Help"]  # the menu bar's order


def test_an_action_added_later_is_listed_next_time(qtbot: QtBot, open_window: OpenWindow) -> None:
    """Generated, not written down: a feature's new action shows up by itself."""
    window = open_window()
    first = open_list(qtbot, window)
    assert "Summarize" not in [name for _g, name, _k in first.rows()]
    tools = window.findChild(QMenu, "menu_tools")
    action = QAction("&Summarize…", window)
    action.setShortcut(QKeySequence("Ctrl+Alt+S"))
    tools.addAction(action)
    shortcut = QShortcut(QKeySequence("Ctrl+Alt+J"), window.chat)
    shortcut.setWhatsThis("Jump to the latest reply")
    again = open_list(qtbot, window)
    rows = {name: (group, keys) for group, name, keys in again.rows()}
    assert rows["Summarize"] == ("Tools", QKeySequence("Ctrl+Alt+S").toString(NATIVE))
    assert rows["Jump to the latest reply"][1] == QKeySequence("Ctrl+Alt+J").toString(NATIVE)
    assert sorted((n, k) for _g, n, k in again.rows()) == everything_with_a_key(window)


def test_the_filter_narrows_the_list(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    dialog = open_list(qtbot, window)
    qtbot.keyClicks(dialog.filter, "quick")
    shown = [
        item.text(0)
        for group, children in dialog._items
        for item in children
        if not item.isHidden() and not group.isHidden()
    ]
    assert "Quick ask" in shown and "New conversation" not in shown


def test_menu_texts_read_plainly() -> None:
    assert plain("&Quick ask…") == "Quick ask"
    assert plain("快速提問(&Q)…") == "快速提問"
    assert plain("檔案(&F)") == "檔案"
    assert plain("Save && quit") == "Save & quit"
    assert plain("Load...") == "Load"
