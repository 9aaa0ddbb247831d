"""Screenshots of the context warning and the Advanced options (issues 15/16).

    HEARTH_SHOT_THEME=dark LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 \\
        xvfb-run -a .venv/bin/python -m tests.screenshot_context OUTDIR

Against the fake Ollama on a pretend 8 GB gaming PC (Ollama's 4k default): a long
conversation until the warning shows, then "Raise context…" with the fit check.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest

from tests.fakes.ollama_server import FakeOllama
from tests.shot_window import open_window, pump


def main(outdir: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    os.environ["HEARTH_DATA_DIR"] = tempfile.mkdtemp(prefix="hearth-shots-")
    os.environ.pop("OLLAMA_CONTEXT_LENGTH", None)
    theme = os.environ.get("HEARTH_SHOT_THEME", "light")
    fake = FakeOllama()
    fake.start()
    os.environ["OLLAMA_HOST"] = fake.url

    import app.hardware
    from app.engines.context import GIB
    from app.hardware import Gpu, Machine

    card = Gpu("NVIDIA GeForce RTX 4060", 8 * GIB, 7 * GIB, "560.94")
    machine = Machine((card,), "", None, None, 32 * GIB, 20 * GIB, Path("/tmp"), None)
    app.hardware.probe_machine = lambda nvml=None: machine  # type: ignore[assignment]

    window = open_window(theme, (1100, 760))
    pump(1500)
    tag = f"{theme}-{QLocale().name()}"
    bar = window.chat.context_bar
    for _turn in range(8):
        edit = window.chat.composer.edit
        edit.setPlainText("word " * 480)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        pump(900)
        if bar.isVisible():
            break
    window.grab().save(str(out / f"context-warning-{tag}.png"))
    bar.raise_button.click()
    pump(1500)
    if bar.dialog is not None:
        bar.dialog.temperature.setText(QLocale().toString(0.7))
        bar.dialog.seed.setText("42")
        pump(200)
        bar.dialog.grab().save(str(out / f"advanced-options-{tag}.png"))
        bar.dialog.close()
    window.close()
    fake.stop()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
