"""The context dialog shows what each larger context costs and marks Ollama's default."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.hardware import Gpu, Machine
from app.library.catalog import load_catalog
from app.ui.library.context_dialog import ContextDialog

GIB = 1024**3


def gaming_pc(vram_gib: int) -> Machine:
    return Machine(
        gpus=(Gpu("NVIDIA GeForce RTX", vram_gib * GIB, vram_gib * GIB - GIB // 2, "560"),),
        nvidia_status="",
        apple_chip=None,
        unified_memory_bytes=None,
        ram_total_bytes=32 * GIB,
        ram_available_bytes=24 * GIB,
        models_dir=Path("/tmp"),
        disk_free_bytes=None,
    )


def test_rows_costs_and_the_default(qtbot: QtBot) -> None:
    qwen = load_catalog().find("qwen2.5:7b")
    assert qwen is not None
    dialog = ContextDialog(
        gaming_pc(24),
        qwen.tag,
        qwen.download_bytes,
        qwen.architecture,
        model_max=qwen.context_length,
    )
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 4  # 4k … 32k, the model's maximum
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert labels[-1] == "32,768 tokens (Ollama's default here)"  # 24 GiB: 32k
    assert [table.item(r, 1).text() for r in range(4)] == [
        "234.9 MB",
        "469.8 MB",
        "939.5 MB",
        "1.9 GB",
    ]
    assert dialog.chosen() == 32768  # preselected: what Ollama would use
    table.selectRow(1)
    assert dialog.chosen() == 8192
    # A conversation that already runs at 16k opens with 16k selected.
    again = ContextDialog(
        gaming_pc(8), qwen.tag, qwen.download_bytes, qwen.architecture, current=16384
    )
    qtbot.addWidget(again)
    assert again.chosen() == 16384
    assert "(Ollama's default here)" in again.table.item(0, 0).text()  # 8 GiB: 4k
