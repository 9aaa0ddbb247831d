"""The render pipeline keeps each turn of the event loop short (issue 11's one-frame
budget): what is measured in tests/bench/bench_streaming.py rests on these rules."""

from __future__ import annotations

import math
import time

from pytestqt.qtbot import QtBot

from app.storage.records import Message, utc_now
from app.ui.chat import message_render
from app.ui.chat.message_text import TAIL_CHUNK
from app.ui.chat.message_widget import MessageWidget

PARAGRAPH = "A paragraph of a reply, with *some* words and `code`. " * 8 + "\n\n"


def streaming(qtbot: QtBot) -> MessageWidget:
    widget = MessageWidget(Message(2, 1, "assistant", "", utc_now(), status="streaming"))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def rendered_and_waiting(qtbot: QtBot) -> MessageWidget:
    """40 paragraphs shown plain in the tail and rendered, none yet in the body; the
    render timer stopped, so each test runs the insert steps itself."""
    widget = streaming(qtbot)
    text = PARAGRAPH * 40
    widget.append(text)
    qtbot.waitUntil(widget._tail.in_step)
    widget._render_timer.stop()
    cuts = [(i, i + len(PARAGRAPH), "") for i in range(0, len(text), len(PARAGRAPH))]
    widget._sent_upto = len(text)
    widget._ready.extend(message_render.render_pieces(text, cuts, True, False, widget._labels()))
    return widget


def test_a_backlog_of_rendered_blocks_is_not_inserted_at_once_when_the_reply_ends(
    qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    widget = streaming(qtbot)
    text = PARAGRAPH * 60  # ~26,000 characters
    widget.append(text)
    qtbot.waitUntil(widget._tail.in_step)
    # Blocks rendered and waiting for the body, as when the text came faster than the
    # body takes it; then the reply ends with little left unrendered.
    cuts = [(i, i + len(PARAGRAPH), "") for i in range(0, len(text), len(PARAGRAPH))]
    widget._scanner.feed(text, final=True)
    widget._sent_upto = len(text)
    widget._ready.extend(message_render.render_pieces(text, cuts, True, False, widget._labels()))
    deadlines: list[float] = []
    real = widget._insert_ready

    def watched(deadline: float) -> None:
        deadlines.append(deadline)
        real(deadline)

    monkeypatch.setattr(widget, "_insert_ready", watched)
    widget.finish("ok")
    assert math.inf not in deadlines, "the backlog went in with no deadline"
    qtbot.waitUntil(lambda: not widget.is_rendering(), timeout=20_000)
    assert "A paragraph of a reply" in widget.body_text()
    assert widget.tail_text() == ""


def test_one_step_inserts_about_its_budget_not_the_whole_backlog(qtbot: QtBot) -> None:
    widget = rendered_and_waiting(qtbot)
    widget._insert_cost = 1e-6  # as measured here: ~1 ms a thousand characters
    widget._insert_ready(deadline=0.0)  # already past: exactly one batch goes
    inserted = widget._rendered_upto
    assert 0 < inserted <= message_render.INSERT_CHARS + len(PARAGRAPH)
    assert widget._ready  # the rest waits for the next steps


def test_the_tails_next_chunk_is_built_before_the_text_reaches_it(qtbot: QtBot) -> None:
    widget = streaming(qtbot)
    line = "plain streamed text, not yet rendered\n"
    widget.append(line * (TAIL_CHUNK // 2 // len(line) + 1))
    qtbot.waitUntil(lambda: widget._tail._spare is not None, timeout=5_000)
    spare = widget._tail._spare
    widget.append(line * (TAIL_CHUNK // 2 // len(line) + 1))  # the chunk is now full
    widget.append(line)  # this line starts the next chunk
    assert len(widget._tail.chunks) == 2, widget._tail.units
    assert widget._tail.chunks[-1] is spare  # used, not built in the stream's frame
    assert spare.isVisible()
    qtbot.waitUntil(widget._tail.in_step)
    assert widget.tail_text().startswith("plain streamed text")


def test_the_next_batch_is_judged_by_its_whole_size_not_its_first_block(qtbot: QtBot) -> None:
    widget = rendered_and_waiting(qtbot)
    # A slow machine: 1 ms a character. A second batch (~1,300 characters) cannot fit in
    # 0.6 s, though its first block (434) would.
    widget._insert_cost = 1e-3
    widget._insert_ready(deadline=time.perf_counter() + 0.6)
    assert widget._rendered_upto <= message_render.INSERT_CHARS + len(PARAGRAPH)


def test_a_poured_reply_is_scanned_for_blocks_a_stretch_at_a_time(qtbot: QtBot) -> None:
    widget = streaming(qtbot)
    text = PARAGRAPH * 250 + "The last words."  # ~110,000 characters, all shown plain
    widget.append(text)
    widget._status = "ok"
    widget._render_timer.stop()
    widget._dispatch(final=True)
    assert widget._scanner.scanned <= message_render.SCAN_CHARS + len(PARAGRAPH)
    widget.finish("ok")
    qtbot.waitUntil(lambda: not widget.is_rendering(), timeout=30_000)
    assert widget.body_text().rstrip().endswith("The last words.")
    assert widget.tail_text() == ""


def test_a_line_longer_than_a_stretch_is_still_scanned_whole(qtbot: QtBot) -> None:
    widget = streaming(qtbot)
    text = "short\n\n" + "x" * (3 * message_render.SCAN_CHARS) + "\n\nend"
    widget.append(text)
    widget.finish("ok")
    qtbot.waitUntil(lambda: not widget.is_rendering(), timeout=30_000)
    assert widget.body_text().rstrip().endswith("end")
