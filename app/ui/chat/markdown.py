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
from pygments.lexers import get_lexer_by_name, guess_lexer
from pygments.util import ClassNotFound


@dataclass
class Rendered:
    html: str
    code_blocks: list[str] = field(default_factory=list)


@lru_cache(maxsize=2)
def _formatter(dark: bool) -> HtmlFormatter[str]:
    return HtmlFormatter(noclasses=True, nowrap=True, style="monokai" if dark else "default")


def _highlight(code: str, language: str, dark: bool) -> str:
    try:
        lexer = get_lexer_by_name(language) if language else guess_lexer(code)
    except ClassNotFound:
        return html.escape(code)
    if not language and lexer.name == "Text only":
        return html.escape(code)
    return highlight(code, lexer, _formatter(dark))


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


_PARSER = _parser()


def render_markdown(text: str, *, dark: bool, copy_label: str) -> Rendered:
    tokens = _PARSER.parse(text)
    code_blocks: list[str] = []
    code_bg = "#272822" if dark else "#f6f8fa"
    border = "#444" if dark else "#d0d7de"

    def fence(tokens_: Any, idx: int, _options: Any, _env: Any) -> str:
        token = tokens_[idx]
        language = (token.info or "").strip().split(" ")[0]
        code = token.content.rstrip("\n")
        code_blocks.append(code)
        number = len(code_blocks) - 1
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
