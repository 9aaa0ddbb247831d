"""One editor for one declared setting, and its value read back and checked.

The setting's declaration (type, choices, validation, label) decides the editor, so a
page never repeats what the setting already says. Decimals are written and read in the
person's locale (``app.core.numbers``): "1.234,5" in German, "1,234.5" in English.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.core.i18n import translate
from app.core.numbers import NumberInputError, format_number, parse_integer, parse_number
from app.core.settings import Setting, SettingError

Editor = QComboBox | QCheckBox | QLineEdit | QPlainTextEdit
ChoiceLabel = Callable[[Any], str]


def _default_label(choice: object) -> str:
    return translate("Settings", str(choice))


def make_editor(
    setting: Setting[Any],
    value: object,
    *,
    multiline: bool = False,
    choice_label: ChoiceLabel | None = None,
    parent: QWidget | None = None,
) -> Editor:
    editor: Editor
    if setting.choices:
        combo = QComboBox(parent)
        for choice in setting.choices:
            combo.addItem((choice_label or _default_label)(choice), choice)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        editor = combo
    elif isinstance(setting.default, bool):
        check = QCheckBox(translate("Settings", setting.label), parent)
        check.setChecked(bool(value))
        editor = check
    elif multiline:
        text = QPlainTextEdit(parent)
        text.setPlainText(str(value))
        text.setTabChangesFocus(True)
        editor = text
    elif isinstance(setting.default, Decimal | int) and isinstance(value, Decimal | int):
        editor = QLineEdit(format_number(value, QLocale().name()), parent)
    else:
        editor = QLineEdit(str(value), parent)
    editor.setObjectName("pref_" + setting.key.replace("/", "_"))
    return editor


def _refused(setting: Setting[Any], problem: str) -> SettingError:
    return SettingError(
        translate("Settings", "“{label}”: {problem}").format(
            label=translate("Settings", setting.label), problem=problem
        )
    )


def read_value(setting: Setting[Any], editor: Editor) -> object:
    """The editor's value as the setting's type, checked; SettingError says what is wrong."""
    if isinstance(editor, QComboBox):
        value: object = editor.currentData()
    elif isinstance(editor, QCheckBox):
        value = editor.isChecked()
    else:
        text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        kind = setting.kind
        if kind is Decimal or kind is int or kind is float:
            locale = QLocale().name()
            try:
                if kind is int:
                    value = parse_integer(text.strip(), locale)
                else:
                    number = parse_number(text.strip(), locale)
                    value = number if kind is Decimal else float(number)
            except NumberInputError as exc:
                raise _refused(setting, str(exc)) from exc
        else:
            value = text.strip()
    if setting.choices and value not in setting.choices:
        raise _refused(setting, translate("Settings", "Not one of the choices."))
    problem = setting.validate(value) if setting.validate is not None else None
    if problem:
        raise _refused(setting, problem)
    return value
