"""What the tray, quick ask, Preferences and the shortcut list add to opening the main
window, measured side by side in one run: the window built with every feature, and with
those three left out (``MainWindow.FEATURES``), rounds alternating so machine noise hits
both. Also the first opening of Preferences and of the shortcut list (built on demand).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.bench_tray_features
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
ROUNDS = 7
OURS = ("app.ui.tray", "app.ui.preferences", "app.ui.shortcuts")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["HEARTH_DATA_DIR"] = tempfile.mkdtemp(prefix="hearth-bench-tray-")
    os.environ["OLLAMA_HOST"] = "http://127.0.0.1:9"  # nothing answers: no network waits
    from PySide6.QtWidgets import QApplication

    from app.core import paths
    from app.core.settings import Settings
    from app.storage.writer import SerialWriter
    from app.ui import main_window
    from app.ui.context import AppContext, AppEvents
    from app.ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    ctx = AppContext(
        Settings(paths.settings_path()),
        SerialWriter(paths.database_path()),
        TaskRunner(),
        AppEvents(),
        os.environ["OLLAMA_HOST"],
    )
    every = main_window.FEATURES
    without = tuple(name for name in every if name not in OURS)
    times: dict[str, list[float]] = {"without": [], "with": []}
    prefs: list[float] = []
    shortcuts: list[float] = []
    for round_ in range(ROUNDS + 1):  # the first round warms imports up; not counted
        for label, features in (("without", without), ("with", every)):
            main_window.FEATURES = features
            started = time.perf_counter()
            window = main_window.MainWindow(ctx)
            built = time.perf_counter() - started
            if label == "with":
                started = time.perf_counter()
                window.features["app.ui.preferences"].show().close()  # type: ignore[attr-defined]
                opened_prefs = time.perf_counter() - started
                started = time.perf_counter()
                window.features["app.ui.shortcuts"].show().close()  # type: ignore[attr-defined]
                opened_list = time.perf_counter() - started
                if round_:
                    prefs.append(opened_prefs)
                    shortcuts.append(opened_list)
            if round_:
                times[label].append(built)
            window.deleteLater()
            app.processEvents()
    main_window.FEATURES = every
    bare, full = statistics.median(times["without"]), statistics.median(times["with"])
    print(f"main window built, median of {ROUNDS}:")
    print(f"  without tray/preferences/shortcuts  {bare * 1000:7.1f} ms")
    print(f"  with them                           {full * 1000:7.1f} ms  ({full / bare:.2f}×)")
    print(f"  Preferences opened (on demand)      {statistics.median(prefs) * 1000:7.1f} ms")
    print(f"  shortcut list opened (on demand)    {statistics.median(shortcuts) * 1000:7.1f} ms")
    ctx.tasks.shutdown()
    ctx.writer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
