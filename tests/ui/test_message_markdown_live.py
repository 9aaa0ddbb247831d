"""Markdown a person reads while it streams, in the real reply view: a code block looks
like code before its closing fence arrives, task lists and quotes are styled, and code
keeps its indentation in a narrow window. Checked on the documents' text and formats."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextBlock, QTextDocument, QTextListFormat
from pytestqt.qtbot import QtBot

from app.storage.records import Message, utc_now
from app.ui.chat.live_code import FenceMarks, code_font
from app.ui.chat.markdown import CODE_BG, QUOTE_BAR, QUOTE_TEXT, TASK_BOXES
from app.ui.chat.message_widget import MessageWidget

CODE = (
    "def parse(rows):\n"
    "    for row in rows:\n"
    "        if row:\n"
    "            yield [cell.strip() for cell in row.split(',') if cell and not cell.isspace()]\n"
)
INTRO = "Here is the parser:\n\n"


def reply(qtbot: QtBot, width: int = 700, content: str = "", status: str = "streaming"):  # type: ignore[no-untyped-def]
    widget = MessageWidget(Message(2, 1, "assistant", content, utc_now(), status=status))  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    widget.resize(width, 400)
    widget.show()
    return widget


def stream(qtbot: QtBot, widget: MessageWidget, text: str, piece: int = 12) -> None:
    """At a model's pace (~600 characters a second): rendered as it goes, not poured."""
    for start in range(0, len(text), piece):
        widget.append(text[start : start + piece])
        qtbot.wait(20)


def blocks(document: QTextDocument) -> list[QTextBlock]:
    found, block = [], document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def tail_blocks(widget: MessageWidget) -> list[QTextBlock]:
    return [b for chunk in widget._tail.chunks for b in blocks(chunk.document())]


def is_code(block: QTextBlock) -> bool:
    chars = block.charFormat()
    return (
        block.blockFormat().background().color() == QColor(CODE_BG[False])
        and chars.fontFixedPitch()
        and code_font() in (chars.fontFamilies() or [])
    )


def test_an_open_fence_shows_as_a_code_block_before_it_closes(qtbot: QtBot) -> None:
    widget = reply(qtbot)
    stream(qtbot, widget, INTRO + "```python\n" + CODE + "    return None")
    qtbot.waitUntil(lambda: "Here is the parser" in widget.body_text(), timeout=3000)
    qtbot.wait(100)
    assert widget.status == "streaming"
    shown = tail_blocks(widget)
    texts = [b.text() for b in shown]
    # The prose before it is rendered; the open block is in the tail, as code.
    assert texts[0] == "```python"
    assert texts[1:] == [*CODE.rstrip("\n").split("\n"), "    return None"]
    header = shown[0]
    assert header.blockFormat().background().color() == QColor(CODE_BG[False])
    assert header.charFormat().foreground().color() == QColor("#888")  # a muted header
    assert all(is_code(b) for b in shown[1:]), [b.text() for b in shown if not is_code(b)]
    # Every space of the indentation is kept, and the line still being written is code
    # too: it took the style of the lines before it.
    assert shown[3].text().startswith("        if row:")
    assert shown[-1].text() == "    return None" and is_code(shown[-1])

    # The fence closes: the block is rendered as Markdown and what follows is prose.
    stream(qtbot, widget, "\n```\n\nAnd then some prose.\n\nMore")
    qtbot.waitUntil(lambda: "yield [cell.strip()" in widget.body_text(), timeout=3000)
    qtbot.wait(100)
    rest = tail_blocks(widget)
    assert [b.text() for b in rest][-1] == "More"
    assert not is_code(rest[-1])
    assert rest[-1].blockFormat().background().style() == Qt.BrushStyle.NoBrush  # prose
    widget.finish("ok")
    qtbot.waitUntil(lambda: not widget.is_rendering(), timeout=3000)
    assert "```" not in widget.body_text()
    assert widget.code_blocks() == [CODE + "    return None"]


def test_a_fence_in_the_middle_of_text_that_arrived_at_once(qtbot: QtBot) -> None:
    """Resumed mid-reply (the conversation opened again): the tail set afresh is styled."""
    widget = reply(qtbot)
    widget.resume(INTRO + "```bash\necho one\n  echo two\n")
    qtbot.waitUntil(lambda: "Here is the parser" in widget.body_text(), timeout=3000)
    qtbot.wait(100)
    shown = tail_blocks(widget)
    assert [b.text() for b in shown] == ["```bash", "echo one", "  echo two", ""]
    assert all(is_code(b) for b in shown[1:])


def test_fence_marks_follow_the_cut_scanners_rule() -> None:
    marks = FenceMarks()
    text = "a\n```py\nx\n~~~\nb\n  ```\ny\n"
    marks.feed(text[:9])
    marks.feed(text)
    assert marks.marks == [2, 10, 16]
    assert [marks.kind_at(o) for o in (0, 2, 8, 10, 14, 16, 22)] == [
        "text",
        "open",
        "code",
        "close",
        "text",
        "open",
        "code",
    ]


def test_task_lists_and_block_quotes_are_styled(qtbot: QtBot) -> None:
    text = (
        "Plan:\n\n- [ ] write the parser\n- [x] read the spec\n\n"
        "> Quoted advice, **kept** as written.\n>\n> > A nested quote.\n\nDone."
    )
    widget = reply(qtbot, content=text, status="ok")
    qtbot.waitUntil(lambda: not widget.is_rendering(), timeout=3000)
    shown = widget.body_text()
    assert f"{TASK_BOXES[0]} write the parser" in shown
    assert f"{TASK_BOXES[1]} read the spec" in shown
    assert "[ ]" not in shown and "[x]" not in shown
    document = widget.body.document()
    tasks = [b for b in blocks(document) if b.text().startswith(TASK_BOXES)]
    assert len(tasks) == 2
    for task in tasks:  # no bullets beside the boxes
        assert task.textList().format().style() == QTextListFormat.Style.ListStyleUndefined
    quoted = next(b for b in blocks(document) if "Quoted advice" in b.text())
    assert quoted.charFormat().foreground().color() == QColor(QUOTE_TEXT[False])
    # The quote sits in a table whose first cell is the coloured bar.
    cursor = widget.body.textCursor()
    cursor.setPosition(quoted.position())
    table = cursor.currentTable()
    assert table is not None and table.columns() == 2
    bar = table.cellAt(0, 0).format().background().color()
    assert bar == QColor(QUOTE_BAR[False])
    nested = next(b for b in blocks(document) if "A nested quote" in b.text())
    cursor.setPosition(nested.position())
    inner = cursor.currentTable()
    assert inner is not None and inner != table  # a quote in a quote: a bar in a bar


def test_code_keeps_its_indentation_in_a_narrow_window(qtbot: QtBot) -> None:
    text = "Code:\n\n```python\n" + CODE + "```\n"
    widget = reply(qtbot, width=360, content=text, status="ok")
    qtbot.waitUntil(lambda: not widget.is_rendering(), timeout=3000)
    qtbot.wait(50)
    lines = CODE.rstrip("\n").split("\n")
    document = widget.body.document()
    code = [b for b in blocks(document) if b.text() in lines]
    assert [b.text() for b in code] == lines  # every space kept, nothing collapsed
    assert all(code_font() in (b.charFormat().fontFamilies() or []) for b in code)
    longest = code[-1]
    layout = longest.layout()
    # Too long for 360 px: wrapped, not clipped; the part that goes on is indented.
    assert layout.lineCount() >= 2
    assert longest.blockFormat().textIndent() < 0 < longest.blockFormat().leftMargin()
    first, second = layout.lineAt(0), layout.lineAt(1)
    # The wrapped part goes on past the line's own indentation (12 spaces), so it does not
    # read as a line of the block around it.
    indent = first.cursorToX(12)[0] - first.cursorToX(0)[0]
    assert indent > 0
    assert second.x() - first.x() > indent
    # Lines of other indentations keep their own: the 4-space line wraps at 4 + 2.
    assert code[1].blockFormat().leftMargin() < longest.blockFormat().leftMargin()
    assert widget.body.document().size().width() <= widget.body.width() + 1  # nothing cut off


def test_blank_lines_and_tabs_in_code_survive_the_runs_of_indentation(qtbot: QtBot) -> None:
    code = "\n\nimport os\n\n\ndef f():\n\tif True:\n\n\t\treturn 1\n    x = 2\n\n"
    for language in ("python", ""):  # highlighted, and plain
        text = f"```{language}\n{code}```\n"
        widget = reply(qtbot, width=500, content=text, status="ok")
        qtbot.waitUntil(lambda w=widget: not w.is_rendering(), timeout=3000)
        shown = widget.body_text().split("\n")
        start = next(i for i, line in enumerate(shown) if "import os" in line)
        expected = code.rstrip("\n").split("\n")
        # Pygments drops leading blank lines; every other line is kept as written.
        expected = expected[2:] if language else expected
        got = shown[start - (0 if language else 2) : start - (0 if language else 2) + len(expected)]
        assert got == expected, (language, got)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["```", "~~~", "  ```py", "\t~~~", " x ```", "a", "", "\u3000```"])),
    st.lists(st.integers(1, 30), min_size=1),
)
def test_fence_marks_fed_in_any_pieces_match_the_line_rule(
    lines: list[str], pieces: list[int]
) -> None:
    text = "\n".join(lines) + "\n"
    expected, start = [], 0
    for line in text.split("\n")[:-1]:
        if line.strip().startswith(("```", "~~~")):  # CutScanner's own test
            expected.append(start)
        start += len(line) + 1
    marks, at = FenceMarks(), 0
    for size in pieces * (len(text) // sum(pieces) + 1):
        at = min(len(text), at + size)
        marks.feed(text[:at])
    assert marks.marks == expected
