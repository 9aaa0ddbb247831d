"""The library shows exact sizes from the registry and downloads from the chosen source."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMainWindow, QPushButton
from pytestqt.qtbot import QtBot

from app.library.sources import DOWNLOAD_SOURCE
from app.ui.context import AppContext
from app.ui.library import install
from tests.fakes.ollama_registry import FakeRegistry
from tests.fakes.ollama_server import FakeOllama, PullScript


def test_exact_sizes_and_a_modelscope_download(
    qtbot: QtBot,
    make_context: Callable[[str], AppContext],
    fake_ollama: FakeOllama,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with FakeRegistry() as registry:
        assert isinstance(registry, FakeRegistry)
        registry.add("qwen3:8b", [("model", 5_225_376_800), ("template", 1_723)])
        monkeypatch.setenv("HEARTH_OLLAMA_REGISTRY", registry.root_url)
        window = QMainWindow()
        qtbot.addWidget(window)
        ctx = make_context(fake_ollama.url)
        feature = install(window, ctx)
        dialog = feature.show()
        view = dialog.catalog_view
        qtbot.waitUntil(lambda: "qwen3:8b" in view.exact_sizes, timeout=5000)
        row = next(
            r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == "Qwen3 8B"
        )
        assert view.table.item(row, 1).text() == "5.2 GB"
        assert "5,225,378,523 bytes" in view.table.item(row, 1).toolTip()
        assert any(r.path == "/v2/library/qwen3/manifests/8b" for r in registry.requests)
    # Choosing ModelScope is remembered and the download goes to its GGUF repository.
    view.set_source("modelscope")
    view.source_choice.activated.emit(view.source_choice.currentIndex())
    assert ctx.settings.get(DOWNLOAD_SOURCE) == "modelscope"
    mirror = "modelscope.cn/Qwen/Qwen3-8B-GGUF:Q4_K_M"
    fake_ollama.pull_scripts[mirror] = PullScript(layers=[("sha256:" + "12" * 32, 2_000_000)])
    button = view.table.cellWidget(row, 4)
    assert isinstance(button, QPushButton)
    button.click()
    qtbot.waitUntil(lambda: fake_ollama.find_model(mirror) is not None, timeout=10000)
    assert fake_ollama.requests_to("/api/pull")[-1].body["model"] == mirror
