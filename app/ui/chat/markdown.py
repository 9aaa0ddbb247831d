"""Markdown → the HTML subset QTextBrowser renders, with highlighted code blocks.

markdown-it-py parses (CommonMark + tables + strikethrough, raw HTML disabled so a reply
cannot inject markup); Pygments colours code with inline styles, the only kind Qt's rich
text honours. Each code block gets a "Copy" link ``copy:N``; the view answers it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound


@dataclass
class Rendered:
    html: str
    code_blocks: list[str] = field(default_factory=list)


@lru_cache(maxsize=2)
def _formatter(dark: bool) -> HtmlFormatter[str]:
    return HtmlFormatter(noclasses=True, nowrap=True, style="monokai" if dark else "default")


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer | None:
    try:
        return get_lexer_by_name(language)
    except ClassNotFound:
        return None


@lru_cache(maxsize=256)
def _highlight(code: str, language: str, dark: bool) -> str:
    """Highlighted HTML for a code block; cached, since re-renders repeat blocks.

    Unlabelled blocks are shown plain: guessing a lexer tries every one and is slow.
    """
    lexer = _lexer(language.lower()) if language else None
    if lexer is None:
        return html.escape(code)
    return highlight(code, lexer, _formatter(dark))


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


_PARSER = _parser()


def render_markdown(text: str, *, dark: bool, copy_label: str, code_offset: int = 0) -> Rendered:
    tokens = _PARSER.parse(text)
    code_blocks: list[str] = []
    code_bg = "#272822" if dark else "#f6f8fa"
    border = "#444" if dark else "#d0d7de"

    def fence(tokens_: Any, idx: int, _options: Any, _env: Any) -> str:
        token = tokens_[idx]
        language = (token.info or "").strip().split(" ")[0]
        code = token.content.rstrip("\n")
        code_blocks.append(code)
        number = code_offset + len(code_blocks) - 1
        label = html.escape(language or "")
        body = _highlight(code, language, dark)
        return (
            f'<table width="100%" cellspacing="0" cellpadding="6" '
            f'style="background-color:{code_bg}; border: 1px solid {border};">'
            f'<tr><td><span style="color:#888; font-size:small;">{label}</span>'
            f'&nbsp;&nbsp;<a href="copy:{number}" style="font-size:small;">{copy_label}</a>'
            "</td></tr>"
            '<tr><td><pre style="margin:0; font-family: monospace; white-space: pre-wrap;">'
            f"{body}</pre></td></tr>"
            "</table>"
        )

    renderer = _PARSER.renderer
    renderer.rules["fence"] = fence  # type: ignore[attr-defined]
    renderer.rules["code_block"] = fence  # type: ignore[attr-defined]
    body = renderer.render(tokens, _PARSER.options, {})
    body = body.replace(
        "<table>",
        f'<table border="1" cellspacing="0" cellpadding="4" style="border-color:{border};">',
    )
    return Rendered(body, code_blocks)


_FENCE = ("```", "~~~")


def stable_cuts(text: str, start: int, final: bool) -> list[int]:
    """Offsets after ``start`` where the text can be cut into independently rendered
    pieces: after a blank line outside fenced code, when the next line has arrived and
    is not indented (an indented line may continue a list item). With ``final`` the end
    of the text is a cut too.

    Rendering a streamed reply piece by piece means each block is rendered once, as it
    completes, instead of re-rendering the whole reply every frame.
    """
    cuts: list[int] = []
    in_fence = False
    position = start
    lines = text[start:].splitlines(keepends=True)
    for index, line in enumerate(lines):
        position += len(line)
        stripped = line.strip()
        if stripped.startswith(_FENCE):
            in_fence = not in_fence
            continue
        if in_fence or stripped or index + 1 >= len(lines):
            continue
        following = lines[index + 1]
        if following[:1] not in (" ", "\t", "\n", "\r"):
            cuts.append(position)
    if final and len(text) > start and (not cuts or cuts[-1] != len(text)):
        cuts.append(len(text))
    return cuts


def prewarm() -> None:
    """Load the lexers and compile the parser's patterns off the GUI thread at start-up,
    so the first code block in a reply does not hitch the window."""
    _PARSER.parse("# a\n\n| a |\n|---|\n| b |\n\n- x\n")
    for language in ("python", "bash", "javascript", "json"):
        _highlight("x = 1", language, False)
