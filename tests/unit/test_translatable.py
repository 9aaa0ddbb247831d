"""Every user-visible string in the widgets goes through Qt's translation.

A literal string handed straight to a text-showing Qt call would stay English when the
zh_CN / zh_TW catalogues are installed. This walks the UI sources and names any such call.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "app" / "ui"
TEXT_METHODS = {
    "setText",
    "setToolTip",
    "setPlaceholderText",
    "setWindowTitle",
    "setTitle",
    "setStatusTip",
    "setWhatsThis",
    "addAction",
    "addMenu",
    "showMessage",
    "setLabelText",
    "information",
    "warning",
    "critical",
    "question",
    "about",
    "getText",
    "getMultiLineText",
    "setTabText",
    "addTab",
    "setHeaderLabels",
    "setSuffix",
    "setPrefix",
}
TEXT_CLASSES = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
}


LOGGERS = {"log", "logger", "logging"}


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in re.sub(r"<[^>]*>", "", text))


def _is_visible_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _has_words(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _has_words(str(v.value)) for v in node.values)
    return False


def untranslated_calls(source: str, filename: str) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in TEXT_METHODS and name not in TEXT_CLASSES:
            continue
        receiver = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id in LOGGERS:
            continue  # log lines are for developers, not shown to the person
        for arg in node.args:
            if _is_visible_literal(arg):
                problems.append(f"{filename}:{node.lineno}: {name}({ast.unparse(arg)})")
    return problems


def test_the_checker_catches_a_literal() -> None:
    bad = 'label.setText("Hello")\nQPushButton("Send", self)\nlabel.setText(self.tr("Ok"))\n'
    assert len(untranslated_calls(bad, "x.py")) == 2


def test_no_untranslated_user_visible_strings_in_widgets() -> None:
    problems = []
    for path in sorted(UI.rglob("*.py")):
        problems += untranslated_calls(path.read_text(encoding="utf-8"), str(path.relative_to(UI)))
    assert problems == []
