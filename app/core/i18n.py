"""Translation hook for Qt-free code.

Domain code must not import Qt, yet every user-visible string has to go through Qt's
translation so zh_CN / zh_TW can be added without touching code. Domain modules call
``translate(context, text)``; the GUI and CLI install ``QCoreApplication.translate`` at
start-up. ``pyside6-lupdate`` recognises ``translate("Context", "text")`` calls, so the
strings are extracted the same way as ``self.tr`` ones in widgets.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(_context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def install_translator(translator: Translator) -> None:
    global _translator  # noqa: PLW0603 - one process-wide hook, set once at start-up
    _translator = translator


def translate(context: str, text: str) -> str:
    return _translator(context, text)
