"""Screenshots of a reply's details line (and its hover), a code block while it streams,
task lists and quotes, and code in a narrow window. Called from tests/screenshots.py
with its window and fake Ollama; files are named ``<shot>-<theme>-<language>.png``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame, QLabel

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

    # The hover: a tooltip is its own window, which a grab of ours misses, so the same
    # rich text is shown in a label with the tooltip's palette, where the tooltip opens.
    line = reply._details
    tip = QLabel(window)
    tip.setTextFormat(Qt.TextFormat.RichText)
    tip.setText(line.toolTip())
    tip.setFrameShape(QFrame.Shape.Box)
    tip.setMargin(6)
    palette = tip.palette()
    palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText))
    tip.setPalette(palette)
    tip.setAutoFillBackground(True)
    tip.setMaximumWidth(520)
    tip.setWordWrap(True)
    tip.adjustSize()
    below = line.mapTo(window, QPoint(40, line.height() + 4))
    tip.move(below.x(), min(below.y(), window.height() - tip.height() - 4))
    tip.show()
    pump(200)
    window.grab().save(name("reply-details-hover"))
    tip.deleteLater()

    window.resize(560, 760)  # the chat column is about 300 px wide beside the list
    pump(600)
    bar = window.chat.messages.verticalScrollBar()
    bar.setValue(bar.maximum())
    pump(200)
    window.grab().save(name("narrow-code"))
    window.resize(1100, 760)
    pump(300)
