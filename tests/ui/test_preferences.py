"""Preferences in the real main window: every page's settings applied on OK, refused with
a reason (and nothing changed) when one is wrong, and still there after a restart."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from app.chat.system_prompt import DEFAULT_SYSTEM_PROMPT, MAX_PROMPT_CHARS, prompt_for_new
from app.core import paths
from app.core.desktop import CLOSE_TO_TRAY, LANGUAGE, stored_language
from app.core.settings import LOCAL_ONLY, Setting, SettingError, Settings
from app.engines.addresses import EXTRA_ADDRESSES
from app.library.sources import DOWNLOAD_SOURCE
from app.ui.bootstrap import install_translations
from app.ui.main_window import MainWindow
from app.ui.preferences import PreferencesFeature
from app.ui.preferences.dialog import PreferencesDialog
from app.ui.preferences.editors import make_editor, read_value
from app.ui.theme import THEME

OpenWindow = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def light_again(qapp: QApplication) -> Iterator[None]:
    """The theme is the whole application's: put it back for the tests that follow."""
    style = qapp.style().name()
    palette = QPalette(qapp.palette())
    yield
    qapp.styleHints().unsetColorScheme()
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def with_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.ui.tray.tray_available", lambda: True)


def open_preferences(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    window.findChild(QAction, "action_preferences").trigger()
    feature = window.features["app.ui.preferences"]
    assert isinstance(feature, PreferencesFeature)
    dialog = feature.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def editor(dialog: PreferencesDialog, setting: Setting[object], kind: type) -> object:
    found = dialog.findChild(kind, "pref_" + setting.key.replace("/", "_"))
    assert found is not None, setting.key
    return found


def choose(combo: object, value: str) -> None:
    assert isinstance(combo, QComboBox)
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def press(dialog: PreferencesDialog, button: QDialogButtonBox.StandardButton) -> None:
    dialog.buttons.button(button).click()


def saved() -> dict[str, object]:
    path = paths.settings_path()
    if not path.exists():
        return {}
    values = json.loads(path.read_text(encoding="utf-8"))["values"]
    assert isinstance(values, dict)
    return values


def test_the_shortcut_is_ctrl_comma_and_every_page_is_there(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()
    action = window.findChild(QAction, "action_preferences")
    assert "Ctrl+," in [k.toString() for k in action.shortcuts()]
    assert action.menuRole() is QAction.MenuRole.PreferencesRole
    dialog = open_preferences(qtbot, window)
    assert [p.key for p in dialog.pages] == [
        "general",
        "chat",
        "privacy",
        "engines",
        "models",
        "savings",
    ]
    # The existing editors open from their pages, not copies of them.
    dialog.show_page("savings")
    button = dialog.findChild(QPushButton, "prefs_open_savings")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    ledger = window.findChild(QDialog, "ledger_settings")
    assert ledger is not None and ledger.isVisible()
    ledger.reject()


def test_changes_apply_on_ok_and_persist_across_a_restart(
    qtbot: QtBot, open_window: OpenWindow, with_tray: None, qapp: QApplication
) -> None:
    window = open_window()
    dialog = open_preferences(qtbot, window)
    choose(editor(dialog, THEME, QComboBox), "dark")
    choose(editor(dialog, LANGUAGE, QComboBox), "zh_TW")
    close_to_tray = editor(dialog, CLOSE_TO_TRAY, QCheckBox)
    assert isinstance(close_to_tray, QCheckBox) and close_to_tray.isEnabled()
    close_to_tray.setChecked(True)
    local_only = editor(dialog, LOCAL_ONLY, QCheckBox)
    assert isinstance(local_only, QCheckBox)
    local_only.setChecked(True)
    addresses = editor(dialog, EXTRA_ADDRESSES, QPlainTextEdit)
    assert isinstance(addresses, QPlainTextEdit)
    addresses.setPlainText("http://127.0.0.1:8081/v1\n")
    choose(editor(dialog, DOWNLOAD_SOURCE, QComboBox), "modelscope")
    # Nothing has changed before OK.
    assert window.ctx.settings.get(THEME) == "system"
    assert not window.findChild(QAction, "action_local_only").isChecked()

    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    # Applied at once where it shows: the palette, the Tools menu's local-only check.
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert window.findChild(QAction, "action_local_only").isChecked()
    qtbot.waitUntil(lambda: saved().get(DOWNLOAD_SOURCE.key) == "modelscope")
    assert saved()[THEME.key] == "dark"
    assert saved()[LANGUAGE.key] == "zh_TW"
    assert saved()[CLOSE_TO_TRAY.key] is True
    assert saved()[LOCAL_ONLY.key] is True
    assert saved()[EXTRA_ADDRESSES.key] == "http://127.0.0.1:8081/v1"

    # A restart: the window closes for real; a new one reads the file afresh.
    window.quit_hearth()
    window.ctx.tasks.shutdown()
    window.ctx.writer.close()
    again = open_window()
    assert again.ctx.settings is not window.ctx.settings
    assert not again.close()  # closing to the tray survived the restart
    again.show()
    dialog = open_preferences(qtbot, again)
    assert editor(dialog, THEME, QComboBox).currentData() == "dark"  # type: ignore[attr-defined]
    assert editor(dialog, LANGUAGE, QComboBox).currentData() == "zh_TW"  # type: ignore[attr-defined]
    assert editor(dialog, CLOSE_TO_TRAY, QCheckBox).isChecked()  # type: ignore[attr-defined]
    assert editor(dialog, LOCAL_ONLY, QCheckBox).isChecked()  # type: ignore[attr-defined]
    assert editor(dialog, DOWNLOAD_SOURCE, QComboBox).currentData() == "modelscope"  # type: ignore[attr-defined]
    assert "8081" in editor(dialog, EXTRA_ADDRESSES, QPlainTextEdit).toPlainText()  # type: ignore[attr-defined]
    assert stored_language(paths.settings_path()) == "zh_TW"  # what start-up reads


def test_a_refused_value_changes_nothing_and_says_why(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()
    dialog = open_preferences(qtbot, window)
    choose(editor(dialog, THEME, QComboBox), "dark")
    addresses = editor(dialog, EXTRA_ADDRESSES, QPlainTextEdit)
    assert isinstance(addresses, QPlainTextEdit)
    addresses.setPlainText("http://127.0.0.1:8081/v1\nftp://files.example.com\n")
    dialog.show_page("general")
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible()  # not closed
    assert dialog.message.text()  # the reason, named
    assert "Other local servers" in dialog.message.text()
    assert dialog.stack.currentWidget().objectName() == "prefs_page_engines"  # shown
    assert window.ctx.settings.get(THEME) == "system"  # the good change waits too
    assert window.ctx.settings.get(EXTRA_ADDRESSES) == ""
    assert addresses.toPlainText().startswith("http://127.0.0.1:8081/v1")  # nothing lost

    addresses.setPlainText("http://127.0.0.1:8081/v1")
    press(dialog, QDialogButtonBox.StandardButton.Apply)  # Apply: stored, still open
    assert dialog.isVisible()
    assert window.ctx.settings.get(THEME) == "dark"
    assert window.ctx.settings.get(EXTRA_ADDRESSES) == "http://127.0.0.1:8081/v1"
    press(dialog, QDialogButtonBox.StandardButton.Cancel)
    assert not dialog.isVisible()


def test_a_change_made_elsewhere_meanwhile_is_not_undone(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()
    dialog = open_preferences(qtbot, window)
    window.findChild(QAction, "action_local_only").trigger()  # Tools → Local-only mode
    assert window.ctx.settings.get(LOCAL_ONLY) is True
    choose(editor(dialog, THEME, QComboBox), "dark")
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert window.ctx.settings.get(THEME) == "dark"
    assert window.ctx.settings.get(LOCAL_ONLY) is True  # the page's stale box left it alone


def test_cancel_leaves_everything_as_it_was(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    dialog = open_preferences(qtbot, window)
    choose(editor(dialog, DOWNLOAD_SOURCE, QComboBox), "huggingface")
    press(dialog, QDialogButtonBox.StandardButton.Cancel)
    assert window.ctx.settings.get(DOWNLOAD_SOURCE) == "ollama"
    assert DOWNLOAD_SOURCE.key not in saved()


def test_without_a_tray_the_choice_is_shown_disabled(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    dialog = open_preferences(qtbot, window)
    check = editor(dialog, CLOSE_TO_TRAY, QCheckBox)
    assert isinstance(check, QCheckBox) and not check.isEnabled()
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("no tray icons" in text for text in notes)
    check.setChecked(True)  # even if it were ticked, a disabled choice is not applied
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert window.ctx.settings.get(CLOSE_TO_TRAY) is False
    assert window.close()  # closing quits


def test_the_default_system_prompt_in_the_chat_features_own_editor(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()
    dialog = open_preferences(qtbot, window)
    dialog.show_page("chat")
    box = dialog.findChild(QPlainTextEdit, "default_system_prompt")  # DefaultPromptEditor's
    assert box is not None
    box.setPlainText("x" * (MAX_PROMPT_CHARS + 1))  # a paste gone wrong
    choose(editor(dialog, THEME, QComboBox), "dark")
    dialog.show_page("general")
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and "at most" in dialog.message.text()
    assert dialog.stack.currentWidget().objectName() == "prefs_page_chat"
    assert window.ctx.settings.get(DEFAULT_SYSTEM_PROMPT) == ""
    assert window.ctx.settings.get(THEME) == "system"  # nothing stored

    box.setPlainText("  You answer briefly.\n在中文问题时用中文回答。  ")
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    expected = "You answer briefly.\n在中文问题时用中文回答。"
    assert window.ctx.settings.get(DEFAULT_SYSTEM_PROMPT) == expected
    qtbot.waitUntil(lambda: saved().get(DEFAULT_SYSTEM_PROMPT.key) == expected)
    assert prompt_for_new(Settings(paths.settings_path())) == expected  # after a restart


def test_numbers_are_read_in_the_persons_locale(qapp: QApplication) -> None:
    price = Setting("test/price", Decimal("0.15"), "Price")
    count = Setting("test/count", 3, "Count")
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        box = make_editor(price, Decimal("1234.5"))
        assert isinstance(box, QLineEdit)
        assert box.text() == "1234,5"  # written the German way
        box.setText("1.234,5")
        assert read_value(price, box) == Decimal("1234.5")
        box.setText("zwölf")
        with pytest.raises(SettingError, match="Price"):
            read_value(price, box)
        whole = make_editor(count, 3)
        assert isinstance(whole, QLineEdit)
        whole.setText("2,5")
        with pytest.raises(SettingError, match="Count"):
            read_value(count, whole)
    finally:
        QLocale.setDefault(before)


def test_the_chosen_language_is_loaded_at_start(qapp: QApplication, data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text(
        json.dumps({"version": 1, "values": {LANGUAGE.key: "zh_TW"}}), encoding="utf-8"
    )
    before = set(qapp.findChildren(QTranslator))
    try:
        install_translations(qapp)
        assert QCoreApplication.translate("PreferencesDialog", "Preferences") == "偏好設定"
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
            translator.deleteLater()
    assert QCoreApplication.translate("PreferencesDialog", "Preferences") == "Preferences"
