"""A code block looks like one while it streams, before its closing fence arrives.

A reply's Markdown is rendered a block at a time, once each block is complete; a code
block is complete only at its closing fence, so until then its lines sat in the plain
tail in the prose font, indentation hard to read, for as long as the model wrote code.
Here the tail's own lines are styled instead: an open fence's line as the block's small
header, the lines after it as code (the platform's fixed-pitch font, the code
background, a hanging indent for wrapped lines; plain text keeps every space), and the
lines after a closing fence as prose again. When the block completes it is rendered and
replaces these lines as before.

Styling touches only what changed: ``FenceMarks`` looks at each arrived line once, and the
tail is restyled from the first line whose style changed. Text arriving later takes the
style of the text before it (Qt's insert keeps the char and block format at the cursor),
so the lines of a long code block cost nothing each. A change far back in a long tail
(after text poured in unrendered) restyles at most ``RESTYLE_MAX`` characters: beyond
that only the end is set right, so what arrives next is shown right, and the rest is
rendered soon anyway.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor

from app.ui.chat.markdown import CODE_BG, HANGING_INDENT_PX, code_font
from app.ui.chat.message_text import PlainTail

__all__ = ["FenceMarks", "LiveCode", "code_font"]

Kind = Literal["text", "open", "code", "close"]
# As CutScanner (a line that starts with a fence once stripped): the two must agree on
# what is code. ``^`` matches after each line break, and at the start of a search only
# where a line starts, which is where each search starts.
_FENCE_LINE = re.compile(r"^[^\S\n]*(?:```|~~~)", re.MULTILINE)
RESTYLE_MAX = 12_000  # characters restyled at once, at most (~a frame of Qt layout)
CODE_MARGIN_PX = 8
MUTED = "#888"


class FenceMarks:
    """Offsets of the fence lines in a growing text, each line looked at once. Marks
    alternate open, close, open… (the rule CutScanner cuts by)."""

    def __init__(self) -> None:
        self.marks: list[int] = []
        self._line_start = 0

    def feed(self, text: str) -> None:
        # One regular-expression pass over the lines that arrived (not a Python loop per
        # line: a 200 KB reply poured in at once is ~5,000 lines, ~5 ms that way).
        end = text.rfind("\n", self._line_start)
        if end < 0:
            return
        self.marks.extend(m.start() for m in _FENCE_LINE.finditer(text, self._line_start, end))
        self._line_start = end + 1

    def kind_at(self, line_start: int) -> Kind:
        """How the line starting at ``line_start`` is shown."""
        index = bisect.bisect_left(self.marks, line_start)
        if index < len(self.marks) and self.marks[index] == line_start:
            return "open" if index % 2 == 0 else "close"
        return "code" if index % 2 else "text"


@dataclass(frozen=True)
class _Style:
    block: QTextBlockFormat
    char: QTextCharFormat


def _styles(dark: bool, font: str) -> dict[Kind, _Style]:
    background = QColor(CODE_BG[dark])
    mono = QTextCharFormat()
    mono.setFontFamilies([font, "monospace"])
    mono.setFontFixedPitch(True)
    mono.setFontStyleHint(QFont.StyleHint.Monospace)
    code = QTextBlockFormat()
    code.setBackground(background)
    code.setLeftMargin(CODE_MARGIN_PX + HANGING_INDENT_PX)
    code.setTextIndent(-HANGING_INDENT_PX)
    code.setRightMargin(CODE_MARGIN_PX)
    fence = QTextBlockFormat()
    fence.setBackground(background)
    fence.setLeftMargin(CODE_MARGIN_PX)
    fence.setRightMargin(CODE_MARGIN_PX)
    muted = QTextCharFormat(mono)
    muted.setForeground(QColor(MUTED))
    return {
        "text": _Style(QTextBlockFormat(), QTextCharFormat()),
        "open": _Style(fence, muted),
        "code": _Style(code, mono),
        "close": _Style(fence, muted),
    }


class LiveCode:
    """Keeps the tail's lines styled as prose, fence or code while a reply streams."""

    def __init__(self, dark: bool, font: str) -> None:
        self._styles = _styles(dark, font)
        self._marks = FenceMarks()
        self._applied = 0  # marks already shown in the tail
        self._chunks = 1  # tail chunks already styled

    def restart(self) -> None:
        self._marks = FenceMarks()
        self._applied = 0
        self._chunks = 1

    def kind_at(self, line_start: int) -> Kind:
        return self._marks.kind_at(line_start)

    def update(self, text: str, tail: PlainTail, tail_from: int) -> None:
        """Style what changed since the last call. The tail must show exactly
        ``text[tail_from:]`` (no inserts still queued)."""
        self._marks.feed(text)
        start: int | None = None  # offset of the first line whose style changed
        new = [m for m in self._marks.marks[self._applied :] if m >= tail_from]
        self._applied = len(self._marks.marks)
        if new:
            start = new[0]
        if len(tail.chunks) != self._chunks:
            # A new chunk starts with Qt's default formats, whatever came before it.
            if len(tail.chunks) > self._chunks:
                lines = sum(c.document().blockCount() for c in tail.chunks[: self._chunks])
                at = tail_from
                for _ in range(lines):  # a chunk holds ~TAIL_CHUNK characters: few lines
                    at = text.index("\n", at) + 1
                start = at if start is None else min(start, at)
            self._chunks = len(tail.chunks)
        if start is not None:
            self.restyle(text, tail, tail_from, start)

    def restyle(self, text: str, tail: PlainTail, tail_from: int, start: int = -1) -> None:
        """Style the tail from the line starting at ``start`` (default: the tail's
        first) to the end."""
        self._marks.feed(text)
        self._applied = len(self._marks.marks)
        self._chunks = len(tail.chunks)
        start = max(start, tail_from)
        if len(text) - start > RESTYLE_MAX:
            start = max(text.rfind("\n") + 1, tail_from)  # only the last line (see above)
        line = text.count("\n", tail_from, start)
        runs: list[tuple[int, int, Kind]] = []  # first line, line count, kind
        offset = start
        while True:
            kind = self._marks.kind_at(offset)
            if runs and runs[-1][2] == kind and kind in ("text", "code"):
                runs[-1] = (runs[-1][0], runs[-1][1] + 1, kind)
            else:
                runs.append((line, 1, kind))
            end = text.find("\n", offset)
            if end < 0:
                break
            offset, line = end + 1, line + 1
        for run_first, count, kind in runs:
            self._apply(tail, run_first, count, self._styles[kind])
        tail.chunks[-1].setCurrentCharFormat(self._styles[runs[-1][2]].char)

    def style_first_line(self, text: str, tail: PlainTail, tail_from: int) -> None:
        """After the tail's front was cut: its first line kept the format of the line cut
        away before it (Qt merges into the block where a deletion starts)."""
        if tail.is_empty():
            return
        self._apply(tail, 0, 1, self._styles[self._marks.kind_at(tail_from)])

    @staticmethod
    def _apply(tail: PlainTail, first: int, count: int, style: _Style) -> None:
        """Give lines ``first``..``first + count - 1`` of the tail ``style``."""
        for chunk in tail.chunks:
            document = chunk.document()
            blocks = document.blockCount()
            if first >= blocks:
                first -= blocks
                continue
            begin = document.findBlockByNumber(first)
            last = min(first + count, blocks) - 1
            end = document.findBlockByNumber(last)
            cursor = QTextCursor(document)
            cursor.setPosition(begin.position())
            cursor.setPosition(
                end.position() + max(end.length() - 1, 0), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.setBlockFormat(style.block)
            cursor.setBlockCharFormat(style.char)
            cursor.setCharFormat(style.char)
            count -= last - first + 1
            first = 0
            if count <= 0:
                return
