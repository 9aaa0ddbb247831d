"""The Model library window with real widgets, a real database and the fake Ollama."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
)
from pytestqt.qtbot import QtBot

from app.library import pending
from app.ui.context import AppContext
from app.ui.library import LibraryFeature, install
from app.ui.library.dialog import LibraryDialog
from tests.fakes.ollama_server import FakeOllama, PullScript

LAYERS = [("sha256:" + "f6" * 32, 3_000_000), ("sha256:" + "a7" * 32, 1_000_000)]


@pytest.fixture
def library(
    qtbot: QtBot, make_context: Callable[[str], AppContext], fake_ollama: FakeOllama
) -> tuple[LibraryFeature, AppContext]:
    window = QMainWindow()
    menu = window.menuBar().addMenu("Models")
    menu.setObjectName("menu_models")
    qtbot.addWidget(window)
    ctx = make_context(fake_ollama.url)
    feature = install(window, ctx)
    window.show()
    return feature, ctx


def open_dialog(qtbot: QtBot, feature: LibraryFeature) -> LibraryDialog:
    menu = feature.parent().findChild(QMenu, "menu_models")  # type: ignore[union-attr]
    action = next(a for a in menu.actions() if a.objectName() == "action_model_library")
    action.trigger()
    dialog = feature.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.machine_panel.machine is not None, timeout=5000)
    return dialog


def test_menu_opens_the_library_with_machine_and_fit_badges(
    qtbot: QtBot, library: tuple[LibraryFeature, AppContext]
) -> None:
    feature, _ctx = library
    dialog = open_dialog(qtbot, feature)
    assert "RAM:" in dialog.machine_panel.text.text()
    assert "GPU:" in dialog.machine_panel.text.text()
    table = dialog.catalog_view.table
    assert table.rowCount() >= 10

    def badges() -> list[QTableWidgetItem]:
        # Read afresh: the table is rebuilt when the machine probe arrives.
        return [table.item(row, 3) for row in range(table.rowCount())]

    qtbot.waitUntil(lambda: all(b.text() != "measuring…" for b in badges()), timeout=5000)
    assert all("Needs about" in b.toolTip() for b in badges())
    # Filter by use: only vision models remain.
    view = dialog.catalog_view
    view.use_filter.setCurrentIndex(view.use_filter.findData("vision"))
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert names and all("Vision" in n or "VL" in n or "Gemma 3" in n for n in names)
    qtbot.waitUntil(lambda: dialog.installed.table.rowCount() == 2, timeout=5000)


def test_download_progress_moves_and_the_picker_is_told(
    qtbot: QtBot, library: tuple[LibraryFeature, AppContext], fake_ollama: FakeOllama
) -> None:
    feature, ctx = library
    fake_ollama.pull_scripts["qwen-mini:1b"] = PullScript(
        layers=LAYERS, chunk_bytes=200_000, delay=0.03
    )
    dialog = open_dialog(qtbot, feature)
    dialog.catalog_view.name_field.setText("qwen-mini:1b")
    values: list[int] = []
    with qtbot.waitSignal(ctx.events.models_changed, timeout=15000):
        qtbot.mouseClick(dialog.catalog_view.pull_button, Qt.MouseButton.LeftButton)
        assert feature.has_active_downloads()
        row = dialog.downloads.row("qwen-mini:1b")
        assert row is not None
        row.bar.valueChanged.connect(values.append)
    assert len(set(values)) >= 4
    assert values == sorted(values)
    assert not feature.has_active_downloads()
    qtbot.waitUntil(
        lambda: any(m.name == "qwen-mini:1b" for m in dialog.installed.models), timeout=5000
    )
    assert dialog.downloads.row("qwen-mini:1b") is None
    assert ctx.writer.call(pending.list_pending) == []


def test_cancel_stops_and_resume_finishes(
    qtbot: QtBot, library: tuple[LibraryFeature, AppContext], fake_ollama: FakeOllama
) -> None:
    feature, ctx = library
    fake_ollama.pull_scripts["slow:1b"] = PullScript(layers=LAYERS, chunk_bytes=100_000, delay=0.05)
    dialog = open_dialog(qtbot, feature)
    dialog.download("slow:1b")
    qtbot.waitUntil(
        lambda: (r := dialog.downloads.row("slow:1b")) is not None and r.bar.value() > 0
    )
    row = dialog.downloads.row("slow:1b")
    assert row is not None
    with qtbot.waitSignal(feature.downloads.cancelled, timeout=5000):
        qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
    assert not feature.has_active_downloads()
    assert row.resume_button.isVisible() and not row.cancel_button.isVisible()
    assert "Resume continues" in row.detail.text()
    stopped_at = row.bar.value()
    request = fake_ollama.requests_to("/api/pull")[0]
    assert fake_ollama.wait_for(lambda: request.finished) and request.disconnected
    qtbot.waitUntil(lambda: [p.name for p in ctx.writer.call(pending.list_pending)] == ["slow:1b"])

    with qtbot.waitSignal(ctx.events.models_changed, timeout=15000):
        qtbot.mouseClick(row.resume_button, Qt.MouseButton.LeftButton)
    assert fake_ollama.find_model("slow:1b") is not None
    # A whole pull is 46 lines (manifest, 2 layer headers, 40 chunks, 3 closing lines);
    # the resumed one skips the chunks the first one got.
    resumed = fake_ollama.requests_to("/api/pull")[1]
    assert stopped_at > 0
    assert resumed.lines_sent <= 46 - (request.lines_sent - 2)


def test_an_unfinished_download_is_offered_after_a_restart(
    qtbot: QtBot, library: tuple[LibraryFeature, AppContext]
) -> None:
    feature, ctx = library
    ctx.writer.call(
        lambda c: pending.remember(c, "qwq:32b", 5_000_000_000, 20_000_000_000, "stopped")
    )
    dialog = open_dialog(qtbot, feature)
    qtbot.waitUntil(lambda: dialog.downloads.row("qwq:32b") is not None)
    row = dialog.downloads.row("qwq:32b")
    assert row is not None
    assert row.resume_button.isVisibleTo(dialog.downloads)
    assert row.bar.value() == 250  # a quarter, out of 1000 steps
    assert "stopped" in row.detail.text()


def _answer_next_question(button: QMessageBox.StandardButton) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            target = box.button(button)
            assert isinstance(target, QPushButton)
            target.click()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def test_delete_asks_first_and_then_removes(
    qtbot: QtBot, library: tuple[LibraryFeature, AppContext], fake_ollama: FakeOllama
) -> None:
    feature, ctx = library
    dialog = open_dialog(qtbot, feature)
    installed = dialog.installed
    qtbot.waitUntil(lambda: len(installed.models) == 2, timeout=5000)
    installed.select("gemma3:4b")
    _answer_next_question(QMessageBox.StandardButton.Cancel)
    installed.delete_selected()
    assert fake_ollama.find_model("gemma3:4b") is not None

    installed.select("gemma3:4b")
    with qtbot.waitSignal(ctx.events.models_changed, timeout=5000):
        _answer_next_question(QMessageBox.StandardButton.Yes)
        installed.delete_selected()
    assert fake_ollama.find_model("gemma3:4b") is None
    qtbot.waitUntil(lambda: [m.name for m in installed.models] == ["llama3.2:latest"])


def test_details_and_loaded_state(
    qtbot: QtBot, library: tuple[LibraryFeature, AppContext], fake_ollama: FakeOllama
) -> None:
    fake_ollama.loaded.append("gemma3:4b")
    feature, _ctx = library
    dialog = open_dialog(qtbot, feature)
    installed = dialog.installed
    qtbot.waitUntil(lambda: len(installed.models) == 2, timeout=5000)
    row = next(i for i, m in enumerate(installed.models) if m.name == "gemma3:4b")
    assert "on GPU" in installed.table.item(row, 3).text()
    installed.select("gemma3:4b")
    installed.show_details()
    qtbot.waitUntil(lambda: "vision" in installed.details.text(), timeout=5000)
    assert "131,072" in installed.details.text()


def test_not_enough_disk_is_refused_before_downloading(
    qtbot: QtBot, library: tuple[LibraryFeature, AppContext], fake_ollama: FakeOllama
) -> None:
    feature, _ctx = library
    dialog = open_dialog(qtbot, feature)
    dialog.download("enormous:1t", expected_bytes=10**18)
    assert "Not enough free disk space" in dialog.message.text()
    assert not feature.has_active_downloads()
    assert fake_ollama.requests_to("/api/pull") == []


def test_a_bad_typed_name_is_explained(
    qtbot: QtBot, library: tuple[LibraryFeature, AppContext]
) -> None:
    feature, _ctx = library
    dialog = open_dialog(qtbot, feature)
    dialog.catalog_view.name_field.setText("two words")
    qtbot.mouseClick(dialog.catalog_view.pull_button, Qt.MouseButton.LeftButton)
    assert "not a model name" in dialog.catalog_view.name_error.text()
    assert not feature.has_active_downloads()
