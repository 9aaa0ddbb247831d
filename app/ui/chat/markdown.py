"""Markdown → the HTML subset QTextBrowser renders, safe against hostile replies.

markdown-it-py parses (CommonMark + tables + strikethrough, raw HTML disabled so a reply
cannot inject markup); Pygments colours code with inline styles, the only kind Qt's rich
text honours. Each code block gets a "Copy" link ``copy:N``; the view answers it.

A reply is text from a model, i.e. from anyone, so rendering it must neither freeze the
window nor make Hearth touch anything (issues 12 and 13):

- **No image is ever loaded from a path or URL.** Only ``data:`` images up to
  ``DATA_IMAGE_MAX`` characters are shown: decoded here (off the GUI thread, scaled down,
  never larger than ``IMAGE_MAX_PIXELS`` when decoded) and handed to the view as named
  resources (``hearth-image:N``). Any other image becomes a link (http/https, which
  the person may click) or plain text. QTextBrowser would otherwise read any local file
  a reply names (``![z](/dev/zero)`` grew memory to 3.7 GB).
- **Long lines are folded**: a line over ``LONG_LINE`` characters shows its first
  ``FOLD_HEAD`` and a ``fold:N`` link to see it whole (Qt lays out a line of a million
  characters without spaces in minutes).
- **Bidi controls are shown, not obeyed**: U+202A–202E and U+2066–2069 (which can make
  text read differently from how it is stored, "Trojan Source") become visible
  ``⟦U+202E⟧`` markers.
- **Nesting deeper than ``MAX_LEVEL``** (markdown-it silently drops what lies beyond its
  own limit) is shown flattened: the block's text as written, nothing lost.
- **Reference-style links and images** resolve across blocks: the view passes in the
  definitions found anywhere in the reply.

``CutScanner`` finds where a growing text can be cut into blocks that render on their
own, looking at each character once however long the reply grows.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QSize
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QImageReader,
    QTextDocument,
)

from app.core.lazy import serial_imports

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from pygments.formatters import HtmlFormatter
    from pygments.lexer import Lexer

LONG_LINE = 2_000  # a longer line is folded
FOLD_HEAD = 400  # characters of a folded line shown in place
DATA_IMAGE_MAX = 2_000_000  # characters of a data: URI still shown as an image (~1.5 MB)
IMAGE_MAX_PIXELS = 25_000_000  # decoded size refused beyond this (a tiny PNG can be huge)
IMAGE_MAX_WIDTH = 560  # shown at most this wide; scaled while decoding
MAX_LEVEL = 16  # token nesting (≈8 lists or quotes) beyond which a block is shown flat
PARSE_NESTING = 40  # markdown-it's own limit: what lies beyond it is dropped
BIG_CODE = 20_000  # longer code blocks are shown without highlighting (Pygments is slow)
IMAGE_SCHEME = "hearth-image"
_FOLD_OPEN, _FOLD_CLOSE = "\ue000", "\ue001"  # private-use: marks a fold in the source
_FOLD_RE = re.compile(f"{_FOLD_OPEN}(\\d+){_FOLD_CLOSE}")

BIDI_CONTROLS = (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)
_BIDI_TABLE = {code: f"⟦U+{code:04X}⟧" for code in BIDI_CONTROLS}
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
BIDI_SLICE = 32_768


@dataclass(frozen=True)
class Labels:
    """Words the rendered HTML carries, translated by the widget on the GUI thread."""

    copy: str = "Copy"
    image: str = "Image: {alt}"
    image_too_large: str = "Image not shown: {alt} ({size} KB)"
    fold: str = "Show the whole line ({count} characters)"
    flattened: str = "Nested too deeply to lay out; shown as written:"
    code_font: str = "monospace"
    """The platform's fixed-pitch family (asked on the GUI thread); "monospace" alone is
    a fontconfig alias that Windows and macOS do not know."""
    code_char_px: float = 7.5
    """Width of one character of that font: wrapped code lines are indented by it."""


CODE_BG = {False: "#f6f8fa", True: "#272822"}  # light, dark: code blocks, live or rendered
CODE_BORDER = {False: "#d0d7de", True: "#444"}
QUOTE_BAR = {False: "#d0d7de", True: "#5f6368"}
QUOTE_TEXT = {False: "#656d76", True: "#9aa0a6"}
HANGING_INDENT_PX = 24  # a wrapped code line goes on this far in, so it reads as one line
HANGING_CHARS = 2  # rendered code: a wrapped line goes on two characters past its indent
_TAG = re.compile(r"<[^>]*>")
TASK_BOXES = ("☐", "☑")  # unchecked, checked


@dataclass
class Rendered:
    html: str
    code_blocks: list[str] = field(default_factory=list)
    folds: list[str] = field(default_factory=list)  # each folded line, whole
    images: list[tuple[str, QImage]] = field(default_factory=list)  # resource name, image


@lru_cache(maxsize=2)
def _formatter(dark: bool) -> HtmlFormatter[str]:
    with serial_imports:
        from pygments.formatters import HtmlFormatter

    return HtmlFormatter(noclasses=True, nowrap=True, style="monokai" if dark else "default")


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer | None:
    with serial_imports:
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound

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
    if lexer is None or len(code) > BIG_CODE or _FOLD_OPEN in code:
        return html.escape(code)
    with serial_imports:
        from pygments import highlight

    return highlight(code, lexer, _formatter(dark))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The one parser, built at first use: markdown-it, its plugin and Pygments are
    ~25 ms of imports that start-up need not wait for (``prewarm`` builds it on a worker
    thread right after the window shows). Shared by the GUI and the render lane."""
    with serial_imports:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.tasklists import tasklists_plugin

    parser = (
        MarkdownIt("commonmark", {"html": False, "linkify": False})
        .enable(["table", "strikethrough"])
        .use(tasklists_plugin)  # - [ ] / - [x]; its checkbox markup is replaced below
    )
    parser.options["maxNesting"] = PARSE_NESTING
    return parser


def neutralize_bidi(text: str) -> str:
    """Bidi embedding, override and isolate controls as visible markers."""
    if text.isascii() or _BIDI_RE.search(text) is None:
        return text
    # In slices: translate holds the GIL throughout, and a megabyte takes ~70 ms.
    return "".join(
        text[i : i + BIDI_SLICE].translate(_BIDI_TABLE) for i in range(0, len(text), BIDI_SLICE)
    )


def fold_line(line: str) -> str:
    """How the plain view shows a line: at most LONG_LINE characters of it."""
    return line if len(line) <= LONG_LINE else line[:LONG_LINE] + "…"


def _fold_long_lines(text: str, first: int) -> tuple[str, list[str]]:
    """Replace each line over LONG_LINE characters by its head and a fold marker,
    except a data: image small enough to show."""
    if len(text) <= LONG_LINE:
        return text, []
    lines = text.split("\n")
    if max(map(len, lines)) <= LONG_LINE:
        return text, []
    folds: list[str] = []
    for index, line in enumerate(lines):
        if len(line) <= LONG_LINE:
            continue
        if len(line) <= DATA_IMAGE_MAX + LONG_LINE and "(data:image/" in line[:LONG_LINE]:
            continue
        lines[index] = f"{line[:FOLD_HEAD]}{_FOLD_OPEN}{first + len(folds)}{_FOLD_CLOSE}"
        folds.append(line)
    return "\n".join(lines), folds


_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]{1,999})\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)


def reference_definitions(text: str) -> dict[str, dict[str, str]]:
    """Link reference definitions anywhere in ``text``, as markdown-it keeps them, so a
    block can use a reference defined in another block (usually at the reply's end)."""
    found: dict[str, dict[str, str]] = {}
    if "]:" not in text:
        return found
    with serial_imports:
        from markdown_it.common.normalize_url import normalizeLink, validateLink
        from markdown_it.common.utils import normalizeReference

    for match in _DEFINITION.finditer(text):
        label = normalizeReference(match.group(1))
        href = match.group(2).strip("<>")
        url = normalizeLink(href)
        if label and label not in found and validateLink(url):
            found[label] = {"href": url, "title": ""}
    return found


def decode_data_image(src: str) -> QImage | None:
    """A data: URI's image, scaled to at most IMAGE_MAX_WIDTH wide; None if it is not a
    base64 image that decodes, or would decode too large."""
    header, _, payload = src.partition(",")
    if not header.lower().endswith(";base64") or not payload:
        return None
    try:
        data = base64.b64decode(payload, validate=False)
    except (binascii.Error, ValueError):
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > IMAGE_MAX_PIXELS:
        return None
    if size.width() > IMAGE_MAX_WIDTH:
        reader.setScaledSize(
            QSize(IMAGE_MAX_WIDTH, max(1, size.height() * IMAGE_MAX_WIDTH // size.width()))
        )
    image = reader.read()
    return None if image.isNull() else image


def _max_level(tokens: list[Any]) -> int:
    deepest = 0
    for token in tokens:
        deepest = max(deepest, token.level)
        if token.children:
            deepest = max(deepest, _max_level(token.children))
    return deepest


def render_markdown(
    text: str,
    *,
    dark: bool,
    copy_label: str = "Copy",
    labels: Labels | None = None,
    code_offset: int = 0,
    fold_offset: int = 0,
    image_offset: int = 0,
    references: dict[str, dict[str, str]] | None = None,
) -> Rendered:
    labels = labels or Labels(copy=copy_label)
    text, folds = _fold_long_lines(text, fold_offset)  # first: what is left is short
    text = neutralize_bidi(text)
    env: dict[str, Any] = {"references": dict(references or {})}
    tokens = _parser().parse(text, env)
    if _max_level(tokens) >= MAX_LEVEL:
        body = (
            f"<p><i>{html.escape(labels.flattened)}</i></p>"
            '<pre style="white-space: pre-wrap;">'
            f"{html.escape(text)}</pre>"
        )
        return Rendered(_unfold(body, folds, fold_offset, labels), [], folds, [])
    code_blocks: list[str] = []
    images: list[tuple[str, QImage]] = []
    code_bg, border = CODE_BG[dark], CODE_BORDER[dark]
    font = html.escape(labels.code_font, quote=True).replace("'", "")

    def fence(tokens_: Any, idx: int, _options: Any, _env: Any) -> str:
        token = tokens_[idx]
        language = (token.info or "").strip().split(" ")[0]
        code = token.content.rstrip("\n")
        code_blocks.append(code)
        number = code_offset + len(code_blocks) - 1
        label = html.escape(language or "")
        highlighted = _highlight(code, language, dark)
        return (
            f'<table width="100%" cellspacing="0" cellpadding="6" '
            f'style="background-color:{code_bg}; border: 1px solid {border};">'
            f'<tr><td><span style="color:#888; font-size:small;">{label}</span>'
            f'&nbsp;&nbsp;<a href="copy:{number}" style="font-size:small;">{labels.copy}</a>'
            "</td></tr>"
            f"<tr><td>{_code_html(highlighted, font, labels.code_char_px)}</td></tr>"
            "</table>"
        )

    def quote_open(_tokens: Any, _idx: int, _options: Any, _env: Any) -> str:
        # Qt's rich text has no left border: a thin coloured cell beside the quote.
        return (
            '<table width="100%" cellspacing="0" cellpadding="0" '
            'style="margin-top:4px; margin-bottom:4px;">'
            f'<tr><td width="3" bgcolor="{QUOTE_BAR[dark]}"></td>'
            f'<td style="padding-left:10px; color:{QUOTE_TEXT[dark]};">'
        )

    def quote_close(_tokens: Any, _idx: int, _options: Any, _env: Any) -> str:
        return "</td></tr></table>"

    def checkbox(tokens_: Any, idx: int, _options: Any, _env: Any) -> str:
        # Raw HTML is off, so the task-list plugin is the only source of inline HTML:
        # Qt shows no <input>, so the box is a character.
        content = tokens_[idx].content
        if "task-list-item-checkbox" not in content:
            return html.escape(content)
        return TASK_BOXES["checked" in content]

    def bullets_open(tokens_: Any, idx: int, options: Any, env_: Any) -> str:
        token = tokens_[idx]
        if token.attrGet("class") == "contains-task-list" and _all_tasks(tokens_, idx):
            return '<ul style="list-style-type: none; margin-left: 0px;">\n'
        return renderer.renderToken(tokens_, idx, options, env_)

    def image(tokens_: Any, idx: int, options: Any, env_: Any) -> str:
        token = tokens_[idx]
        src = str(token.attrGet("src") or "")
        alt = renderer.renderInlineAsText(token.children or [], options, env_)
        if src[:11].lower() == "data:image/":
            shown = decode_data_image(src) if len(src) <= DATA_IMAGE_MAX else None
            if shown is not None:
                name = f"{IMAGE_SCHEME}:{image_offset + len(images)}"
                images.append((name, shown))
                return (
                    f'<img src="{name}" width="{shown.width()}" height="{shown.height()}" '
                    f'alt="{html.escape(alt)}">'
                )
            return html.escape(
                labels.image_too_large.format(
                    alt=alt, size=QLocale().toString(len(src) * 3 // 4 // 1024)
                )
            )
        label = html.escape(labels.image.format(alt=alt or src))
        if src.startswith(("http://", "https://")):
            # A link the person may follow, never fetched by Hearth.
            return f'<a href="{html.escape(src)}">{label}</a>'
        return f"{label} ({html.escape(src)})"

    with serial_imports:
        from markdown_it.renderer import RendererHTML

    renderer = RendererHTML(_parser())  # one per call: the GUI and the render lane share the parser
    renderer.rules["fence"] = fence  # type: ignore[assignment]
    renderer.rules["code_block"] = fence  # type: ignore[assignment]
    renderer.rules["image"] = image  # type: ignore[assignment]
    renderer.rules["blockquote_open"] = quote_open  # type: ignore[assignment]
    renderer.rules["blockquote_close"] = quote_close  # type: ignore[assignment]
    renderer.rules["html_inline"] = checkbox  # type: ignore[assignment]
    renderer.rules["bullet_list_open"] = bullets_open  # type: ignore[assignment]
    body = renderer.render(tokens, _parser().options, env)
    body = body.replace(
        "<table>",
        f'<table border="1" cellspacing="0" cellpadding="4" style="border-color:{border};">',
    )
    return Rendered(_unfold(body, folds, fold_offset, labels), code_blocks, folds, images)


@lru_cache(maxsize=256)
def _code_html(highlighted: str, font: str, char_px: float) -> str:
    """Code lines in runs of equal indentation, each run a <pre> whose wrapped lines go on
    past that indentation (a hanging indent), so in a narrow window a wrapped line still
    reads as part of its own line, not as a line of the block around it. pre-wrap keeps
    every space. Pygments closes its spans at each line end, so lines split safely."""
    lines = highlighted.split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # Pygments ends its output with a line break
    runs: list[tuple[int, list[str]]] = []
    for line in lines:
        shown = _TAG.sub("", line)
        stripped = shown.lstrip()
        indent = len(shown[: len(shown) - len(stripped)].expandtabs(4)) if stripped else -1
        if runs and (indent < 0 or indent == runs[-1][0]):
            runs[-1][1].append(line)  # a blank line stays in the run it is in
        else:
            runs.append((max(indent, 0), [line]))
    out = []
    for indent, run in runs:
        margin = round((indent + HANGING_CHARS) * char_px)
        body = "\n".join(run)
        # Qt drops one line break after <pre> and one before </pre>.
        body = ("\n" if not run[0].strip() else "") + body + ("\n" if not run[-1].strip() else "")
        out.append(
            f"<pre style=\"margin:0; font-family: '{font}', monospace; white-space: pre-wrap; "
            f'margin-left: {margin}px; text-indent: -{margin}px;">{body}</pre>'
        )
    return "".join(out)


def _all_tasks(tokens: list[Any], idx: int) -> bool:
    """Every item of the list opened at ``idx`` is a task: it then needs no bullets."""
    level = tokens[idx].level + 1
    for token in tokens[idx + 1 :]:
        if token.level < level:
            return True
        if (
            token.level == level
            and token.type == "list_item_open"
            and token.attrGet("class") != "task-list-item"
        ):
            return False
    return True


def _unfold(body: str, folds: list[str], first: int, labels: Labels) -> str:
    if not folds:
        return body

    def link(match: re.Match[str]) -> str:
        number = int(match.group(1))
        count = len(folds[number - first]) if 0 <= number - first < len(folds) else 0
        label = html.escape(labels.fold.format(count=QLocale().toString(count)))
        return f'… <a href="fold:{number}">{label}</a>'

    return _FOLD_RE.sub(link, body)


_FENCE = ("```", "~~~")
MAX_PIECE = 4_000  # a run longer than this is cut at a line (see CutScanner)


class CutScanner:
    """Offsets where a growing text can be cut into independently rendered pieces:
    after a blank line outside fenced code, once the next line has arrived and is not
    indented (an indented line may continue a list item). Each call looks only at what
    arrived since the last one, so the cost per frame does not grow with the reply.
    Rendering a streamed reply piece by piece means each block is rendered once, as it
    completes, instead of re-rendering the whole reply every frame.

    A run longer than MAX_PIECE without such a place (a huge list, table or code block)
    is cut at a line anyway, so no single piece costs Qt more than a frame or two to lay
    out: before a line that is not indented (nor a table row) if one comes, and at any
    line past 4 × MAX_PIECE. Inside fenced code, the piece after the cut is rendered with
    the fence's opening line in front (``prefix_at``), so it stays code.
    """

    def __init__(self) -> None:
        self._line_start = 0  # start of the first line not yet examined
        self._in_fence = False
        self._fence_open = ""  # the opening line of the fence we are in
        self._blank_end: int | None = None  # a blank line ended here; cut if next allows
        self._last_cut = 0
        self.prefix_at: dict[int, str] = {}  # cut → text to render in front of its piece

    @property
    def scanned(self) -> int:
        """Where the first line not yet examined starts."""
        return self._line_start

    def feed(self, text: str, final: bool = False) -> list[int]:
        cuts: list[int] = []
        size = len(text)
        while True:
            if self._blank_end is not None:
                if self._line_start >= size:
                    break
                if text[self._line_start] not in " \t\n":
                    self._cut(cuts, self._blank_end)
                self._blank_end = None
            end = text.find("\n", self._line_start)
            if end < 0:
                break
            begin = self._line_start
            line = text[begin:end].strip()
            self._line_start = end + 1
            if line.startswith(_FENCE):
                self._in_fence = not self._in_fence
                self._fence_open = text[begin:end].lstrip() if self._in_fence else ""
            elif not self._in_fence and not line:
                self._blank_end = self._line_start
            elif self._line_start - self._last_cut > MAX_PIECE and self._blank_end is None:
                self._force(cuts, text)
        if final and size > (cuts[-1] if cuts else self._last_cut):
            cuts.append(size)
        if cuts:
            self._last_cut = cuts[-1]
        return cuts

    def _cut(self, cuts: list[int], at: int) -> None:
        cuts.append(at)
        self._last_cut = at

    def _force(self, cuts: list[int], text: str) -> None:
        at = self._line_start
        if self._in_fence:
            self.prefix_at[at] = self._fence_open + "\n"
            self._cut(cuts, at)
            return
        if at >= len(text):
            return  # the next line has not arrived: decide when it has
        following = text[at]
        if following not in " \t|" or at - self._last_cut > 4 * MAX_PIECE:
            self._cut(cuts, at)


def stable_cuts(text: str, start: int, final: bool) -> list[int]:
    """The cuts after ``start`` in one go (what CutScanner finds fed all at once)."""
    scanner = CutScanner()
    return [cut for cut in scanner.feed(text, final) if cut > start]


_code_font: list[str] = []


def code_font() -> str:
    """The platform's fixed-pitch family (Menlo, Consolas, DejaVu Sans Mono…), asked once."""
    if not _code_font:
        _code_font.append(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family())
    return _code_font[0]


_char_px: list[float] = []


def code_char_px() -> float:
    """How wide one character of the code font is, in pixels (asked once, GUI thread)."""
    if not _char_px:
        _char_px.append(QFontMetricsF(QFont([code_font(), "monospace"])).horizontalAdvance("0"))
    return _char_px[0]


def prewarm() -> None:
    """Load the lexers, compile the parser's patterns and load the code font off the GUI
    thread at start-up, so the first code block in a reply does not hitch the window
    (loading the fixed-pitch font cost the first live code block ~10 ms)."""
    _parser().parse("# a\n\n| a |\n|---|\n| b |\n\n- x\n")
    for language in ("python", "bash", "javascript", "json"):
        _highlight("x = 1", language, False)
    sample = "```python\nx = [1, 2]  # {}\n```\n\n> a *b*\n"
    document = QTextDocument()
    document.setHtml(render_markdown(sample, dark=False, labels=Labels(code_font=code_font())).html)
    document.setTextWidth(400)
    document.size()  # lays it out: the font's engine and glyphs are loaded now
