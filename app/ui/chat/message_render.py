"""How a message's text becomes what its widget shows (``MessageWidget`` mixes this in):
Markdown blocks cut once, rendered on the render lane, inserted into the body a frame's
budget at a time, and the plain tail that holds what has not been rendered yet. See the
docstring of app/ui/chat/message_widget.py for the whole design.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.chat.documents import fold_documents
from app.ui.chat.live_code import LiveCode
from app.ui.chat.markdown import (
    IMAGE_SCHEME,
    CutScanner,
    Labels,
    Rendered,
    reference_definitions,
    render_markdown,
)
from app.ui.chat.message_text import MessageBody, PlainTail, plain_view, tail_view
from app.ui.chat.message_text import text_units as _units
from app.ui.chat.render_lane import RenderLane
from app.ui.theme import is_dark

FRAME_MS = 16
STREAM_BUDGET_S = 0.003  # per frame while tokens arrive: leave the CPU to the stream
IDLE_BUDGET_S = 0.003  # per step once complete: with one insert and the tail, ~6 ms
IDLE_STEP_MS = 6  # between those steps
SYNC_CHARS = 3000  # a stored message this short is rendered at once (no plain flash)
PREVIEW_CHARS = 20_000  # a longer stored text is not shown plain while it renders
JOB_CHARS = 8_000  # text handed to the render lane in one job
LOOKAHEAD_CHARS = 16_000  # text handed to the lane and not yet in the body, at most
SCAN_CHARS = 32_000  # text looked at for cuts in one step, about (see _dispatch)
BODY_CHUNK = 150_000  # characters shown in one body document, about (see _new_body)
INSERT_CHARS = 1_000  # rendered text put into the body in one insert
TAIL_WAIT_FRAMES = 30
RENDER_SHARE = 20  # while streaming, render at most 1/20 of the time (see _render_step)
RENDER_MAX_MS = 500
# Faster than this, Markdown waits (see _pouring): ~5,000 tokens a second, many times any
# model and far beyond reading speed, yet well below a stream that arrives all at once.
POURING_CHARS_PER_S = 20_000
_NUMBERED = re.compile(r'(href="(?:copy|fold):|src="' + IMAGE_SCHEME + r":)(\d+)")

log = logging.getLogger(__name__)

Piece = tuple[int, int, Rendered]  # text[start:end] and its rendering


def _renumber(rendered: Rendered, codes: int, folds: int, images: int) -> Rendered:
    """Pieces are rendered apart, each numbering its Copy links, folds and images from 0;
    here they get the message's own numbers."""
    if not (codes or folds or images) or not (
        rendered.code_blocks or rendered.folds or rendered.images
    ):
        return rendered
    offsets = {"copy": codes, "fold": folds, IMAGE_SCHEME: images}

    def shift(match: re.Match[str]) -> str:
        kind = match.group(1).split('"')[1].rstrip(":")
        return f"{match.group(1)}{int(match.group(2)) + offsets[kind]}"

    return Rendered(
        _NUMBERED.sub(shift, rendered.html),
        rendered.code_blocks,
        rendered.folds,
        [(f"{IMAGE_SCHEME}:{int(n.split(':')[1]) + images}", i) for n, i in rendered.images],
    )


def render_pieces(
    text: str,
    cuts: list[tuple[int, int, str]],
    final: bool,
    dark: bool,
    labels: Labels,
    pause: Callable[[], None] = lambda: None,
) -> list[Piece]:
    """Runs on the render lane, calling ``pause`` before each block (the lane's
    ``wait_for_gui``). Never raises: a piece that cannot be rendered is shown as plain
    text (and logged), not lost."""
    references = reference_definitions(text) if final or "]:" in text else {}
    pieces: list[Piece] = []
    for start, end, prefix in cuts:
        pause()
        source = prefix + text[start:end]
        try:
            rendered = render_markdown(source, dark=dark, labels=labels, references=references)
        except Exception:
            log.exception("could not render a block of %d characters", len(source))
            rendered = Rendered("<pre>" + _escape(plain_view(source)) + "</pre>")
        pieces.append((start, end, rendered))
    return pieces


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RenderedText:
    """Mixed into ``MessageWidget`` (a QFrame), which sets this state up in ``__init__``."""

    role: str
    body: MessageBody
    _text: str
    _status: str
    _lane: RenderLane
    _code_blocks: list[str]
    _folds: list[str]
    _images: int
    _scanner: CutScanner
    _cuts: deque[int]
    _sent_upto: int
    _ready: deque[Piece]
    _in_flight: int
    _insert_cost: float
    _generation: int
    _rendered_upto: int
    _tail_from: int
    _tail_column: int
    _tail_waits: int
    _seen_chars: int
    _seen_at: float
    _render_timer: QTimer
    _bodies: list[MessageBody]
    _layout: QVBoxLayout
    _tail: PlainTail
    _live_code: LiveCode

    def _labels(self) -> Labels:
        raise NotImplementedError

    def _link_clicked(self, url: QUrl) -> None:
        raise NotImplementedError

    def _as_widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def _start_render(self) -> None:
        if self.role == "user":
            self.body.setPlainText(plain_view(fold_documents(self._text)))  # issue 16
            return
        if self._status != "streaming" and 0 < len(self._text) <= SYNC_CHARS:
            # Short: rendered here and now, so it never shows as plain text first.
            self._scanner.feed(self._text, final=True)
            self._sent_upto = self._tail_from = len(self._text)
            self._ready.extend(
                render_pieces(
                    self._text, [(0, len(self._text), "")], True, is_dark(), self._labels()
                )
            )
            self._insert_ready(deadline=math.inf)
            return
        self._restart()

    def _restart(self) -> None:
        """Render the whole text afresh: the body emptied, the tail showing the text as
        plain while the blocks are rendered (unless it is long: then the body fills in)."""
        self._generation += 1
        self._scanner = CutScanner()
        self._cuts.clear()
        self._ready.clear()
        self._in_flight = 0
        self._sent_upto = self._rendered_upto = 0
        self._code_blocks.clear()
        self._folds.clear()
        self._images = 0
        while len(self._bodies) > 1:
            extra = self._bodies.pop()
            extra.hide()
            self._layout.removeWidget(extra)
            extra.deleteLater()
        self.body.clear()
        self.body.hide()
        self._tail_from = self._preview_from()
        start_column = self._tail_from - (self._text.rfind("\n", 0, self._tail_from) + 1)
        shown, self._tail_column = tail_view(self._text[self._tail_from :], start_column)
        self._tail.reset(shown)
        self._live_code.restart()
        self._live_code.restyle(self._text, self._tail, self._tail_from)
        if self._text:
            self._render_timer.setInterval(FRAME_MS)
            self._render_timer.start()

    def _preview_from(self) -> int:
        """Where the plain preview starts when the text is rendered afresh: all of it if
        short; else none, as the body fills in, except for a reply still streaming,
        whose last block may not end for a while: that is shown plain from its start
        (the last blank line in the last PREVIEW_CHARS), or it would stay hidden."""
        if len(self._text) <= PREVIEW_CHARS:
            return 0
        if self._status != "streaming":
            return len(self._text)
        window = len(self._text) - PREVIEW_CHARS
        blank = self._text.rfind("\n\n", window)
        return blank + 2 if blank >= 0 else window

    def _render_step(self) -> None:
        """Hand completed blocks to the render lane, and insert the rendered ones within
        a time budget. The cost per frame is bounded whatever the length of the reply."""
        if not self._tail_is_current():
            self._render_timer.start()  # again next frame, after the pending inserts
            return
        streaming = self._status == "streaming"
        if streaming and self._pouring():
            self._render_timer.setInterval(FRAME_MS)
            self._render_timer.start()  # look again next frame
            return
        self._live_code.update(self._text, self._tail, self._tail_from)  # open code blocks
        started = time.perf_counter()
        self._dispatch(final=not streaming)
        budget = STREAM_BUDGET_S if streaming else IDLE_BUDGET_S
        self._insert_ready(deadline=started + budget)
        done = self._rendered_upto >= len(self._text) and not self._in_flight
        if not streaming and done and not self._ready:
            self._render_timer.stop()
        elif streaming and not self._ready:
            # Same rule as painting: rendering takes at most ~5% of the time while the
            # reply streams, however fast the tokens come.
            cost_ms = (time.perf_counter() - started) * 1000
            self._render_timer.setInterval(
                int(min(RENDER_MAX_MS, max(FRAME_MS, cost_ms * RENDER_SHARE)))
            )
        else:
            # Once complete, short steps often: each leaves the event loop free for the
            # paint and any input between them, and the reply is formatted sooner.
            self._render_timer.setInterval(FRAME_MS if streaming else IDLE_STEP_MS)

    def _dispatch(self, final: bool) -> None:
        # Scanned a stretch at a time: a reply that poured in (200 KB shown plain, as
        # nothing is cut while it pours) took the scanner 7 ms in one step at its end.
        # The stretch ends at a line break, so a line longer than it is still scanned.
        limit = self._scanner.scanned + SCAN_CHARS
        if limit < len(self._text):
            newline = self._text.find("\n", limit)
            limit = len(self._text) if newline < 0 else newline + 1
        whole = limit >= len(self._text)
        stretch = self._text if whole else self._text[:limit]
        self._cuts.extend(self._scanner.feed(stretch, final and whole))
        jobs: list[tuple[int, int, str]] = []
        while self._cuts and self._sent_upto - self._rendered_upto < LOOKAHEAD_CHARS:
            # Only a little ahead of what the body has taken: a burst of rendering would
            # take turns at the GIL with every frame's inserts and slow them down.
            cut = self._cuts[0]
            # A reference-style link waits for the reply's end, where its definition
            # usually is; until then the block stays plain in the tail.
            if not final and "][" in self._text[self._sent_upto : cut]:
                break
            self._cuts.popleft()
            if cut > self._sent_upto:
                jobs.append((self._sent_upto, cut, self._prefix(self._sent_upto)))
            self._sent_upto = cut
        if not jobs:
            return
        text, generation, dark, labels = self._text, self._generation, is_dark(), self._labels()
        batch: list[tuple[int, int, str]] = []
        for job in jobs:
            batch.append(job)
            if job[1] - batch[0][0] >= JOB_CHARS or job is jobs[-1]:
                self._send(text, batch, final, dark, labels, generation)
                batch = []

    def _prefix(self, start: int) -> str:
        return self._scanner.prefix_at.pop(start, "")

    def _send(
        self,
        text: str,
        cuts: list[tuple[int, int, str]],
        final: bool,
        dark: bool,
        labels: Labels,
        generation: int,
    ) -> None:
        self._in_flight += 1
        pause = self._lane.wait_for_gui
        self._lane.render(
            lambda: render_pieces(text, cuts, final, dark, labels, pause),
            lambda pieces: self._rendered(generation, pieces),
            self._as_widget(),
        )

    def _rendered(self, generation: int, pieces: list[Piece]) -> None:
        if generation != self._generation:
            return
        self._in_flight -= 1
        self._ready.extend(pieces)
        if not self._render_timer.isActive():
            self._render_timer.setInterval(FRAME_MS)
            self._render_timer.start()

    def _insert_ready(self, deadline: float) -> None:
        """Put rendered pieces at the end of the body until the deadline, then cut the
        text they showed from the front of the tail. Pieces go in batches of about
        INSERT_CHARS: each insert costs Qt a layout pass whatever its size."""
        if not self._ready:
            return
        with self._lane.gui_turn():  # the render thread holds back meanwhile (render_lane)
            self._insert_within(deadline)

    def _insert_within(self, deadline: float) -> None:
        document = self._bodies[-1].document()
        upto = self._rendered_upto
        while self._ready:
            # Qt lays out what is inserted at once, ~1.5 ms a kilobyte here: stop before
            # a batch that would not fit in what is left of the budget (one always goes).
            # The estimate is of the whole batch: an estimate of its first piece let a
            # frame take three batches and stall 11 ms.
            count, size = self._next_batch()
            if upto > self._rendered_upto and (
                time.perf_counter() + size * self._insert_cost > deadline
            ):
                break
            html: list[str] = []
            first = self._ready[0][0] == 0
            if document.characterCount() >= BODY_CHUNK:
                document = self._new_body().document()
                first = True
            began = time.perf_counter()
            for _ in range(count):
                _start, end, rendered = self._ready.popleft()
                rendered = _renumber(
                    rendered, len(self._code_blocks), len(self._folds), self._images
                )
                for name, image in rendered.images:
                    document.addResource(
                        QTextDocument.ResourceType.ImageResource.value, QUrl(name), image
                    )
                html.append(rendered.html)
                self._code_blocks.extend(rendered.code_blocks)
                self._folds.extend(rendered.folds)
                self._images += len(rendered.images)
                upto = end
            self._insert_html(document, "".join(html), first=first)
            cost = (time.perf_counter() - began) / max(size, 1)
            self._insert_cost = 0.7 * self._insert_cost + 0.3 * cost
            if time.perf_counter() > deadline:
                break
        self.body.show()
        self._bodies[-1].show()
        self._trim_tail(upto)
        self._rendered_upto = upto

    def _next_batch(self) -> tuple[int, int]:
        """How many ready pieces go into the next insert (about INSERT_CHARS of text,
        at least one piece), and their length."""
        count = size = 0
        for start, end, _rendered in self._ready:
            if count and size >= INSERT_CHARS:
                break
            count += 1
            size += end - start
        return count, size

    def _new_body(self) -> MessageBody:
        """Qt re-lays out a whole document's frame on every insert at its end: a reply of
        megabytes would stall each frame longer and longer. Past BODY_CHUNK the body
        goes on in a document of its own, below the last."""
        body = MessageBody(self._as_widget())
        body.anchorClicked.connect(self._link_clicked)
        self._layout.insertWidget(self._layout.indexOf(self._bodies[-1]) + 1, body)
        self._bodies.append(body)
        return body

    def body_text(self) -> str:
        """What the rendered body shows, as plain text (all its parts)."""
        return "\n".join(body.toPlainText() for body in self._bodies)

    @staticmethod
    def _insert_html(document: QTextDocument, html: str, first: bool) -> None:
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if first or document.isEmpty():
            cursor.insertHtml(html)
            return
        # insertHtml merges the first block it inserts into the block at the cursor,
        # which keeps its own format: a heading rendered after earlier blocks lost its
        # level and margins. A zero-width space in front takes that merge, keeps the
        # heading a block of its own, and is removed again.
        position = cursor.position()
        cursor.insertFragment(QTextDocumentFragment.fromHtml("<p>\u200b</p>" + html))
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() == "\u200b":
            cursor.removeSelectedText()

    def _trim_tail(self, upto: int) -> None:
        if upto <= self._tail_from:
            return
        if upto >= len(self._text):
            self._tail.reset("")
            self._tail_column = 0
            self._live_code.restyle(self._text, self._tail, upto)
        else:
            shown, _column = tail_view(self._text[self._tail_from : upto], self._column_at_tail())
            self._tail.consume(_units(shown))
            self._live_code.style_first_line(self._text, self._tail, upto)
        self._tail_from = upto

    def _column_at_tail(self) -> int:
        return self._tail_from - (self._text.rfind("\n", 0, self._tail_from) + 1)

    def _pouring(self) -> bool:
        """True while text arrives faster than POURING_CHARS_PER_S. Rendering then would
        only slow the stream itself (it holds the GIL the reader needs, and Qt lays the
        same text out twice): the tail shows it plain, and the blocks are rendered as
        soon as the flow slows, or when the reply ends."""
        now = time.perf_counter()
        arrived = len(self._text) - self._seen_chars
        elapsed = now - self._seen_at
        self._seen_chars, self._seen_at = len(self._text), now
        return arrived > elapsed * POURING_CHARS_PER_S

    def _tail_is_current(self) -> bool:
        """False while text sent to the tail is still queued: applying it here would lay
        it out in Python, holding the GIL, so the step waits a frame instead. A tail
        still draining its backlog is making progress, not out of step: it is waited
        for however long that takes."""
        if self._tail.draining():
            self._tail_waits = 0
            return False
        if self._tail.in_step():
            self._tail_waits = 0
            return True
        shown, expected = self._tail.shown_units(), self._tail.total()
        if shown < expected and self._tail_waits < TAIL_WAIT_FRAMES:
            self._tail_waits += 1
            return False
        # Out of step for longer than any queue takes: apply what is queued, and if the
        # tail still differs, set it afresh rather than cut the wrong characters from it.
        log.warning("message tail out of step: %d shown, %d expected", shown, expected)
        self._tail.apply_queued()
        if not self._tail.in_step():
            shown_text, self._tail_column = tail_view(
                self._text[self._tail_from :], self._column_at_tail()
            )
            self._tail.reset(shown_text)
            self._live_code.restyle(self._text, self._tail, self._tail_from)
        self._tail_waits = 0
        return True

    def tail_text(self) -> str:
        """What the plain tail shows."""
        return self._tail.text()
