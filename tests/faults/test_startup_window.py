"""The real start-up (bootstrap.start → the real MainWindow) when storage is broken: the
person gets a dialog that says what happened and what to do, never a traceback."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.core import paths
from app.storage import repo
from app.storage.writer import SerialWriter
from app.ui import bootstrap
from app.ui.context import AppContext
from app.ui.main_window import MainWindow
from tests.fakes.ollama_server import FakeOllama
from tests.faults.fs import corrupt_page, read_only_folder
from tests.faults.seed import CONVERSATIONS, MESSAGES_EACH, seed


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def warning(_parent: object, title: str, text: str, *_a: object) -> int:
        shown.append((title, text))
        return 0

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Text of every QMessageBox run with exec() (the folder dialog has no window)."""
    shown: list[str] = []

    def run(box: QMessageBox) -> int:
        shown.append(f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", run)
    return shown


@pytest.fixture
def started(
    qapp: QApplication, fake_ollama: FakeOllama
) -> Iterator[list[tuple[AppContext, MainWindow]]]:
    made: list[tuple[AppContext, MainWindow]] = []
    handlers = list(logging.getLogger().handlers)
    yield made
    for ctx, window in made:
        window.close()
        ctx.tasks.shutdown()
        ctx.writer.close()
    for handler in logging.getLogger().handlers:  # start() logs to the test's data folder
        if handler not in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()


def start(qapp: QApplication, made: list[tuple[AppContext, MainWindow]]) -> MainWindow:
    result = bootstrap.start(qapp)
    assert result is not None
    made.append(result)
    return result[1]


def test_a_database_damaged_in_the_middle_is_told_with_what_was_recovered(
    qapp: QApplication,
    qtbot: QtBot,
    data_dir: Path,
    started,
    warnings,  # type: ignore[no-untyped-def]
) -> None:
    seed(paths.database_path())
    corrupt_page(paths.database_path())

    window = start(qapp, started)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(warnings), timeout=30_000)

    title, text = warnings[0]
    assert title == "Hearth recovered your database"
    kept = re.search(r"hearth\.sqlite3\.corrupt-[0-9-]+", text)
    assert kept is not None and (data_dir / kept.group(0)).is_file()
    assert f"{CONVERSATIONS} conversations" in text
    count = int(re.search(r"(\d+) messages", text).group(1))  # type: ignore[union-attr]
    assert CONVERSATIONS * MESSAGES_EACH - 10 <= count < CONVERSATIONS * MESSAGES_EACH
    # The recovered conversations are what the window lists.
    ctx = started[0][0]
    assert len(ctx.writer.call(repo.list_conversations)) == CONVERSATIONS
    qtbot.waitUntil(lambda: window.conversations.count() == CONVERSATIONS, timeout=10_000)


def test_damage_found_while_running_is_told_too(
    qapp: QApplication,
    qtbot: QtBot,
    data_dir: Path,
    started,
    warnings,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    seed(paths.database_path())
    corrupt_page(paths.database_path())
    # As on a big database whose start-up check ran out of time: the damage is met later.
    monkeypatch.setattr(
        bootstrap, "SerialWriter", partial(SerialWriter, check_budget_s=0, background_check=False)
    )
    window = start(qapp, started)
    qtbot.waitExposed(window)
    ctx = started[0][0]
    assert ctx.writer.opened().result(10).recovered is None

    def read_all(conn: sqlite3.Connection) -> int:
        return sum(len(repo.list_messages(conn, c.id)) for c in repo.list_conversations(conn))

    ctx.writer.call(read_all)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "was damaged" in warnings[0][1] and "corrupt-" in warnings[0][1]


@pytest.mark.parametrize("kind", ["missing", "file", "read-only"])
def test_an_unusable_data_folder_gets_a_dialog_naming_it(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    boxes,
    kind: str,  # type: ignore[no-untyped-def]
) -> None:
    if kind == "missing":
        folder = Path("/proc/nope/hearth")
        monkeypatch.setenv("HEARTH_DATA_DIR", str(folder))
        assert bootstrap.start(qapp) is None
    elif kind == "file":
        folder = tmp_path / "data"
        folder.write_text("a file")
        monkeypatch.setenv("HEARTH_DATA_DIR", str(folder))
        assert bootstrap.start(qapp) is None
    else:
        with read_only_folder(tmp_path / "locked") as folder:
            monkeypatch.setenv("HEARTH_DATA_DIR", str(folder))
            assert bootstrap.start(qapp) is None
    (text,) = boxes
    assert text.startswith("Hearth cannot start")
    assert str(folder) in text
    assert "HEARTH_DATA_DIR" in text and "writable" in text
