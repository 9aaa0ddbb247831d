"""A real main window against a fake Ollama over real HTTP, with a real database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core import paths
from app.core.settings import Settings
from app.storage.writer import SerialWriter
from app.ui.context import AppContext, AppEvents
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from tests.fakes.ollama_server import FakeOllama


@pytest.fixture
def make_context(qapp: QApplication) -> Iterator[Callable[[str], AppContext]]:
    made: list[AppContext] = []

    def make(host: str) -> AppContext:
        ctx = AppContext(
            Settings(paths.settings_path()),
            SerialWriter(paths.database_path()),
            TaskRunner(),
            AppEvents(),
            host,
        )
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.tasks.shutdown()
        ctx.writer.close()


@pytest.fixture
def open_window(
    qtbot: QtBot, make_context: Callable[[str], AppContext], fake_ollama: FakeOllama
) -> Callable[..., MainWindow]:
    def open_(host: str | None = None) -> MainWindow:
        ctx = make_context(host or fake_ollama.url)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return open_


def wait_ready(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: bool(window.chat.model_picker.model_refs()), timeout=5000)


def choose_model(window: MainWindow, name: str) -> None:
    """Pick ``name`` in the model picker as a person does."""
    picker = window.chat.model_picker
    assert picker.select_ref(name), (name, picker.model_refs())
    picker.model_chosen.emit(picker.current_ref())


def db_path() -> Path:
    return paths.database_path()
