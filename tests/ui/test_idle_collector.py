"""Full garbage collections wait for a quiet window, and run on the GUI thread
(app/ui/idle_collector.py): a full pass with a day's objects was a 40–100 ms stall."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from app.ui.idle_collector import IdleCollector
from app.ui.main_window import TYPING_S, MainWindow
from tests.ui.conftest import wait_ready

pytestmark = pytest.mark.skipif(
    gc.get_threshold()[2] == 0, reason="Python's own incremental collector (3.14+)"
)


@pytest.fixture
def full_passes() -> Iterator[list[str]]:
    """The thread of each full collection that starts while the test runs."""
    seen: list[str] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(threading.current_thread().name)

    gc.callbacks.append(callback)
    yield seen
    gc.callbacks.remove(callback)


@pytest.fixture
def parent(qtbot: QtBot) -> Iterator[QObject]:
    owner = QObject()
    yield owner
    owner.deleteLater()


def churn() -> None:
    """What a reply's rendering leaves: objects that live long enough to reach the old
    generation, in cycles that only a full pass frees, more than a quarter of what is
    there already (Python's own condition for a full pass)."""
    needed = len(gc.get_objects(generation=2)) // 4 + 10_000
    kept: list[object] = []
    for n in range(needed):
        pair: list[object] = [n]
        pair.append(pair)
        kept.append(pair)
    for _ in range(12):  # young and middle passes: the pairs move up to the old generation
        gc.collect(1)
    kept.clear()


def test_no_full_collection_starts_on_its_own_while_a_reply_is_busy(
    parent: QObject, full_passes: list[str]
) -> None:
    collector = IdleCollector(parent, busy=lambda: True, check_ms=60_000)
    try:
        churn()
        assert gc.get_count()[2] >= 10  # Python would have started a full one by now
        assert full_passes == []
        collector.check()  # busy: still waits
        assert full_passes == []
    finally:
        collector.stop()


def test_once_quiet_the_full_collection_runs_on_the_gui_thread(
    parent: QObject, full_passes: list[str], qtbot: QtBot
) -> None:
    busy = [True]
    collector = IdleCollector(parent, busy=lambda: busy[0], check_ms=20)
    try:
        churn()
        qtbot.wait(100)
        assert full_passes == []
        busy[0] = False
        qtbot.waitUntil(lambda: collector.collections == 1, timeout=2_000)
        assert full_passes == [threading.main_thread().name]
        assert gc.get_count()[2] < 10
    finally:
        collector.stop()


def test_a_window_busy_for_too_long_is_collected_anyway(
    parent: QObject, full_passes: list[str]
) -> None:
    now = [0.0]
    collector = IdleCollector(
        parent, busy=lambda: True, check_ms=60_000, longest_wait_s=120, clock=lambda: now[0]
    )
    try:
        churn()
        collector.check()  # due from now
        now[0] = 119.0
        collector.check()
        assert full_passes == []
        now[0] = 121.0
        collector.check()
        assert len(full_passes) == 1
    finally:
        collector.stop()


def test_stopping_gives_collection_back_to_python(parent: QObject) -> None:
    before = gc.get_threshold()
    collector = IdleCollector(parent, busy=lambda: False)
    assert gc.get_threshold()[2] > before[2]
    collector.stop()
    assert gc.get_threshold() == before


def test_no_full_pass_when_little_has_reached_the_old_generation(
    parent: QObject, full_passes: list[str]
) -> None:
    collector = IdleCollector(parent, busy=lambda: False, check_ms=60_000)
    try:
        for _ in range(12):  # as many middle passes as Python waits for, but nothing kept
            gc.collect(1)
        collector.check()
        assert full_passes == []
        churn()
        collector.check()
        assert len(full_passes) == 1
    finally:
        collector.stop()


def test_the_window_counts_typing_as_busy(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    window._typed_at -= TYPING_S  # nothing typed for a while
    assert not window.working()
    qtbot.keyClicks(window.conversations.filter, "re")
    assert window.working()  # a full pass now would land between keystrokes
    window._typed_at -= TYPING_S
    assert not window.working()
    qtbot.keyClicks(window.chat.composer.edit, "Hello")
    assert window.working()
