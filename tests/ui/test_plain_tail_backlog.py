"""Text poured into the plain tail faster than a frame can lay it out waits in a backlog
and goes in a share at a time (issue 11's one-frame budget: 64 KB inserted at
once was a 13–18 ms stall). Nothing is lost or reordered on the way."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from app.storage.records import Message, utc_now
from app.ui.chat import message_text
from app.ui.chat.message_text import SHARE_CHARS, TAIL_CHUNK
from app.ui.chat.message_widget import MessageWidget

LINE = "plain streamed text that poured in, line {n:05d}\n"


def poured(count: int) -> str:
    return "".join(LINE.format(n=n) for n in range(count))


def streaming(qtbot: QtBot) -> MessageWidget:
    widget = MessageWidget(Message(2, 1, "assistant", "", utc_now(), status="streaming"))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def sent_to_documents(widget: MessageWidget, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of each piece the tail sends to its documents."""
    sizes: list[int] = []
    tail = widget._tail
    real = tail._send

    def watched(shown: str) -> None:
        sizes.append(len(shown))
        real(shown)

    monkeypatch.setattr(tail, "_send", watched)
    return sizes


def test_a_poured_piece_goes_in_a_share_at_a_time(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = streaming(qtbot)
    sizes = sent_to_documents(widget, monkeypatch)
    text = poured(1_400)  # ~67,000 characters in one piece
    widget.append(text)
    assert widget._tail.draining()
    assert sizes == [SHARE_CHARS]  # the rest waits for the next shares
    qtbot.waitUntil(lambda: not widget._tail.draining(), timeout=5_000)
    assert max(sizes) <= SHARE_CHARS
    assert len(sizes) >= len(text) // SHARE_CHARS
    qtbot.waitUntil(widget._tail.in_step)
    assert widget.tail_text() == text  # whole, in order


def test_no_chunk_grows_far_past_its_size_when_text_pours_in(qtbot: QtBot) -> None:
    widget = streaming(qtbot)
    widget.append(poured(1_400))
    qtbot.waitUntil(lambda: not widget._tail.draining(), timeout=5_000)
    longest_line = len(LINE.format(n=0))
    assert max(widget._tail.units) <= TAIL_CHUNK + longest_line, widget._tail.units
    assert len(widget._tail.chunks) >= 8


def test_small_pieces_within_a_share_go_straight_in(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = streaming(qtbot)
    sizes = sent_to_documents(widget, monkeypatch)
    for n in range(20):  # a model's tokens: ~1 KB in all
        widget.append(LINE.format(n=n))
    assert not widget._tail.draining()
    assert len(sizes) == 20


def test_a_hostile_pour_is_shown_a_share_at_a_time_however_long_the_backlog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Bigger bites once the backlog passed 256 KB built dozens of chunk widgets in one
    # event (a 10 MB pour stalled the window 89-166 ms).
    widget = streaming(qtbot)
    sizes = sent_to_documents(widget, monkeypatch)
    text = poured(600_000 // len(LINE.format(n=0)))  # ~600 KB in one piece
    widget.append(text)
    chunks_before = len(widget._tail.chunks)
    widget._tail._drain()
    assert sizes == [SHARE_CHARS, SHARE_CHARS]
    assert len(widget._tail.chunks) - chunks_before <= SHARE_CHARS // TAIL_CHUNK + 1
    # The rest, a share at a time, without the event loop: a widget on its own (not in
    # the scrolled list) paints all of its tail at every turn, which is slow here.
    while widget._tail.draining():
        widget._tail._drain()
    assert max(sizes) <= SHARE_CHARS
    assert sum(sizes) == len(text)
    qtbot.waitUntil(widget._tail.in_step, timeout=10_000)
    assert widget.tail_text() == text


def test_a_reply_that_ends_while_the_tail_drains_is_formatted_whole(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    widget = streaming(qtbot)
    paragraph = "A paragraph of the reply with *some* words.\n\n"
    text = paragraph * 1_500 + "The last words."  # ~70,000 characters
    widget.append(text)
    assert widget._tail.draining()
    with caplog.at_level(logging.WARNING, logger=message_text.__name__.rsplit(".", 1)[0]):
        widget.finish("ok")
        qtbot.waitUntil(lambda: not widget.is_rendering(), timeout=30_000)
    assert widget.body_text().rstrip().endswith("The last words.")
    assert widget.body_text().count("A paragraph of the reply") == 1_500
    assert widget.tail_text() == ""
    # Draining is progress: the render waits for it without calling the tail out of step.
    assert "out of step" not in caplog.text


def test_resuming_while_the_tail_drains_shows_the_text_once(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    widget = streaming(qtbot)
    # More than a frame takes, in paragraphs, the last still arriving.
    paragraphs = [LINE.format(n=n) * 4 for n in range(SHARE_CHARS // 150 + 40)]
    first = "\n".join(paragraphs) + "and the last paragraph, not yet ended"
    widget.append(first)
    assert widget._tail.draining()
    with caplog.at_level(logging.WARNING):
        widget.resume(first)  # the conversation was opened again mid-pour
        assert not widget._tail.draining()
        more = " goes on"
        widget.append(more)
        qtbot.waitUntil(widget._tail.in_step)

        def shown_once() -> bool:
            shown = widget.body_text() + widget.tail_text()
            return all(shown.count(LINE.format(n=n).strip()) == 4 for n in (0, len(paragraphs) - 1))

        qtbot.waitUntil(shown_once, timeout=10_000)
        qtbot.wait(600)  # as many frames as a tail out of step would take to be noticed
    assert shown_once()
    # The paragraph still arriving is shown whole, from its start.
    assert widget.tail_text().endswith("and the last paragraph, not yet ended goes on")
    assert "out of step" not in caplog.text
