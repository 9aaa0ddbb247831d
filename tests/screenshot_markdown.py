"""Screenshots of a reply's details line (and its hover), a code block while it streams,
task lists and quotes, and code in a narrow window. Called from tests/screenshots.py
with its window and fake Ollama; files are named ``<shot>-<theme>-<language>.png``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from tests.fakes.ollama_server import ChatScript, split_tokens

CODE_REPLY = (
    "Here is a parser; the lines show as code while they arrive:\n\n"
    "```python\n"
    "import csv\n\n"
    "def column_total(path, column):\n"
    "    total = 0.0\n"
    "    with open(path, newline='', encoding='utf-8') as handle:\n"
    "        for row in csv.DictReader(handle):\n"
    "            if row.get(column):  # skip the empty cells, and the header's own row\n"
    "                total += float(row[column].replace(',', ''))\n"
    "    return total\n"
    "```\n\n"
    "- [x] read the file\n- [ ] handle a missing column\n\n"
    "> A quoted note: **keep** the numbers as text until you sum them.\n"
)


def markdown_shots(
    window: Any,
    fake: Any,
    out: Path,
    theme: str,
    pump: Callable[[int], None],
    wait_until: Callable[..., None],
) -> None:
    lang = QLocale().name()
    name = lambda shot: str(out / f"{shot}-{theme}-{lang}.png")  # noqa: E731

    window.chat.new_conversation()
    pump(300)
    fake.chat_scripts.append(ChatScript(tokens=split_tokens(CODE_REPLY), token_delay=0.06))
    window.chat.composer.edit.setPlainText("写一个对 CSV 某一列求和的函数。")
    QTest.keyClick(window.chat.composer.edit, Qt.Key.Key_Return)
    # Caught mid-block: the fence is open, the code already looks like code.
    wait_until(
        lambda: (
            len(window.chat.messages.widgets()) >= 2
            and "for row in" in window.chat.messages.widgets()[-1].text
        ),
        20_000,
    )
    pump(200)
    window.grab().save(name("streaming-code"))
    wait_until(lambda: window.chat.messages.widgets()[-1].status != "streaming", 30_000)
    pump(800)
    reply = window.chat.messages.widgets()[-1]
    window.grab().save(name("reply-details"))

    # The hover, as a person sees it: a tooltip window over the details line.
    line = reply._details
    QToolTip.showText(line.mapToGlobal(QPoint(40, line.height())), line.toolTip(), line)
    pump(500)
    screen = QGuiApplication.primaryScreen()
    top_left = window.mapToGlobal(QPoint(0, 0))
    screen.grabWindow(0, top_left.x(), top_left.y(), window.width(), window.height()).save(
        name("reply-details-hover")
    )
    QToolTip.hideText()

    window.resize(560, 760)  # the chat column is about 300 px wide beside the list
    pump(600)
    bar = window.chat.messages.verticalScrollBar()
    bar.setValue(bar.maximum())
    pump(200)
    window.grab().save(name("narrow-code"))
    window.resize(1100, 760)
    pump(300)
