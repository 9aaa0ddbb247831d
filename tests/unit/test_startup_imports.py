"""The window opens without the engine layer and the price tables: importing `ollama`
(with httpx and pydantic) and genai-prices took ~0.5 s of a 1.5 s start-up budget.
They load on worker threads, when first used. A top-level import anywhere on the path
to the window would silently bring that time back, so this checks it in a fresh
interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = (
    "ollama",
    "httpx",
    "genai_prices",
    "sqlite_utils",
    "keyring",
    "app.engines.ollama",
    "app.ledger.report",
    "markdown_it",  # with Pygments, ~25 ms: built on a worker right after the window shows
    "pygments",
    "psutil",
    "babel",
    "pypdf",
    "docx",
    "charset_normalizer",
    # Each a few milliseconds, loaded at first use (issue 11's start-up budget):
    "app.privacy.review",  # the outbound gate, built at the first reply (LazyGate)
    "app.privacy.gate",
    "app.ui.chat.outbound",  # its findings dialog
    "app.ui.chat.advanced_dialog",  # with the fit rules and the hardware probe
    "app.library.pull",  # the first download
    "app.hardware",
    "pynvml",  # measured once the window is up (ContextBar)
)

PROBE = """
import importlib, json, sys
import app.ui.bootstrap, app.ui.main_window
for name in app.ui.main_window.FEATURES:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def test_the_modules_that_open_the_window_do_not_import_the_engine_or_prices() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "[]", f"imported while the window opens: {out.strip()}"
