"""The render thread holds back while the GUI thread inserts (render_lane.gui_turn):
the two no longer take turns at the GIL inside one of the GUI's frames."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.storage.records import Message, utc_now
from app.ui.chat import message_render, render_lane
from app.ui.chat.markdown import Labels
from app.ui.chat.message_widget import MessageWidget
from app.ui.chat.render_lane import RenderLane
from app.ui.tasks import TaskRunner

PARAGRAPH = "A paragraph of a reply, with *some* words and `code`. " * 8 + "\n\n"


def lane(_qtbot: QtBot) -> RenderLane:
    """A lane of its own (the qtbot fixture has made the QApplication its runner needs)."""
    return RenderLane(TaskRunner())


def owner(qtbot: QtBot) -> QWidget:
    """What the lane's callbacks belong to: alive for the whole test."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_render_thread_waits_for_the_end_of_the_guis_turn(qtbot: QtBot) -> None:
    render = lane(qtbot)
    resumed: list[float] = []
    reached = threading.Event()

    def work() -> int:
        reached.set()
        render.wait_for_gui()
        resumed.append(time.perf_counter())
        return 1

    results: list[int] = []
    with render.gui_turn():
        render.render(work, results.append, owner(qtbot))
        assert reached.wait(2)
        time.sleep(0.02)  # the GUI's insert, a few milliseconds
        assert not resumed, "the render thread went on during the GUI's turn"
        ended = time.perf_counter()
    qtbot.waitUntil(lambda: results == [1])
    assert resumed[0] >= ended
    render.shutdown()


def wait_on_the_render_thread(qtbot: QtBot, turn_s: float | None) -> float:
    """How long the render thread's ``wait_for_gui`` takes while the GUI holds its turn
    for ``turn_s`` (None: no turn at all)."""
    render = lane(qtbot)
    waited: list[float] = []

    def work() -> None:
        began = time.perf_counter()
        render.wait_for_gui()
        waited.append(time.perf_counter() - began)

    if turn_s is None:
        render.render(work, lambda _none: None, owner(qtbot))
    else:
        with render.gui_turn():
            render.render(work, lambda _none: None, owner(qtbot))
            time.sleep(turn_s)
    qtbot.waitUntil(lambda: bool(waited))
    render.shutdown()
    return waited[0]


def test_the_wait_is_bounded_if_a_turn_runs_long(qtbot: QtBot) -> None:
    waited = wait_on_the_render_thread(qtbot, turn_s=render_lane.MAX_PAUSE_S * 8)
    assert render_lane.MAX_PAUSE_S * 0.9 <= waited < render_lane.MAX_PAUSE_S * 4


def test_without_a_turn_the_render_thread_does_not_wait(qtbot: QtBot) -> None:
    assert wait_on_the_render_thread(qtbot, turn_s=None) < render_lane.MAX_PAUSE_S / 2


def test_a_reply_is_rendered_pausing_before_each_block() -> None:
    text = PARAGRAPH * 5
    cuts = [(i, i + len(PARAGRAPH), "") for i in range(0, len(text), len(PARAGRAPH))]
    pauses: list[int] = []
    pieces = message_render.render_pieces(
        text, cuts, True, False, Labels(), lambda: pauses.append(1)
    )
    assert len(pieces) == len(cuts) == len(pauses) == 5


def test_the_widget_inserts_rendered_html_within_the_guis_turn(qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    widget = MessageWidget(Message(2, 1, "assistant", "", utc_now(), status="streaming"))
    qtbot.addWidget(widget)
    widget.show()
    held: list[bool] = []
    real = message_render.RenderedText._insert_html

    def watched(document, html, first):  # type: ignore[no-untyped-def]
        held.append(not widget._lane._gui_free.is_set())
        real(document, html, first)

    monkeypatch.setattr(message_render.RenderedText, "_insert_html", staticmethod(watched))
    widget.append(PARAGRAPH * 12)
    widget.finish("ok")
    qtbot.waitUntil(lambda: not widget.is_rendering(), timeout=10_000)
    assert held and all(held)
    assert widget._lane._gui_free.is_set()  # and given back after each
