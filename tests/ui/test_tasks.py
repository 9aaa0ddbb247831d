"""The one background-work mechanism: callbacks come back on the GUI thread, later."""

from __future__ import annotations

from concurrent.futures import Future

from pytestqt.qtbot import QtBot

from app.ui.tasks import TaskRunner


def test_a_callback_never_runs_before_run_returns(qtbot: QtBot) -> None:
    """A task that is already finished must still report on a later turn of the event
    loop: the caller connects its signals after run() (a fast hardware probe once
    finished first, and the model library never left "measuring…")."""
    runner = TaskRunner()
    seen: list[str] = []
    done: Future[str] = Future()
    done.set_result("measured")
    runner.watch(done, seen.append)
    seen.append("caller connected")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=2000)
    assert seen == ["caller connected", "measured"]
    runner.shutdown()


def test_work_runs_off_the_gui_thread_and_reports_back_on_it(qtbot: QtBot) -> None:
    import threading

    runner = TaskRunner()
    gui = threading.get_ident()
    where: list[int] = []
    results: list[int] = []
    runner.run(lambda: where.append(threading.get_ident()) or 42, results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=2000)
    assert where and where[0] != gui
    runner.shutdown()


def test_nothing_is_delivered_after_shutdown(qtbot: QtBot) -> None:
    runner = TaskRunner()
    results: list[str] = []
    pending: Future[str] = Future()
    runner.watch(pending, results.append)
    runner.shutdown()
    pending.set_result("late")
    qtbot.wait(50)
    assert results == []
