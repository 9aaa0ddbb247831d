"""Streaming, start-up and memory, measured side by side in one run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.bench_streaming

(a) the raw ``ollama`` client reading 5,000 tokens from the fake server as fast as it
    can; (b) the same through Hearth into the chat view. Runs alternate a/b so machine
    noise hits both alike; we report medians, the ratio b/a, and the longest stall of the
    GUI event loop during (b). Start-up (process start → main window shown) and idle RSS
    are measured in fresh child processes, next to a bare Qt window as the floor.
Budgets: b/a ≥ 0.95, stall < 50 ms, start < 1.5 s, idle RSS < 200 MB.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOKENS = 5000
ROUNDS = 3
ROOT = Path(__file__).resolve().parents[2]


def raw_client(url: str) -> float:
    import ollama

    client = ollama.Client(host=url)
    start = time.perf_counter()
    count = 0
    for _chunk in client.chat(
        model="llama3.2:latest", messages=[{"role": "user", "content": "go"}], stream=True
    ):
        count += 1
    elapsed = time.perf_counter() - start
    return (count - 1) / elapsed  # the last line is the "done" line


def through_hearth(window, qapp) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    window.chat.new_conversation()
    window.chat.composer.edit.setPlainText("go")
    start = time.perf_counter()
    timer.start()
    last[0] = time.perf_counter()
    window.chat.composer._submit()
    while True:
        qapp.processEvents()
        widgets = window.chat.messages.widgets()
        if len(widgets) >= 2 and widgets[-1].status != "streaming":
            break
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    timer.stop()
    text = window.chat.messages.widgets()[-1].text
    assert len(text) > TOKENS, "reply incomplete"
    return TOKENS / elapsed, max(gaps) * 1000 if gaps else 0.0


CHILD = r"""
import os, sys, time, json, psutil
t0 = psutil.Process().create_time()
from PySide6.QtWidgets import QApplication, QMainWindow
mode = sys.argv[1]
if mode == "bare":
    app = QApplication(sys.argv[:1]); w = QMainWindow(); w.resize(1000, 680); w.show()
else:
    from app.ui.bootstrap import create_context, install_translations
    from app.ui.main_window import MainWindow
    app = QApplication(sys.argv[:1]); install_translations(app)
    ctx = create_context(app); w = MainWindow(ctx); w.show()
app.processEvents()
shown = time.time() - t0
end = time.time() + 2.0
while time.time() < end:
    app.processEvents(); time.sleep(0.02)
rss = psutil.Process().memory_info().rss
print(json.dumps({"shown_s": shown, "rss_mb": rss / 1e6}))
"""


def child(mode: str, url: str) -> dict[str, float]:
    env = {
        **os.environ,
        "OLLAMA_HOST": url,
        "HEARTH_DATA_DIR": tempfile.mkdtemp(prefix="hearth-bench-"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    out = subprocess.check_output([sys.executable, "-c", CHILD, mode], env=env, cwd=ROOT, text=True)
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    os.environ["HEARTH_DATA_DIR"] = tempfile.mkdtemp(prefix="hearth-bench-")
    from PySide6.QtWidgets import QApplication

    from tests.fakes.ollama_server import ChatScript, FakeOllama

    fake = FakeOllama()
    fake.default_chat = ChatScript(tokens=["tok "] * TOKENS)
    url = fake.start()
    os.environ["OLLAMA_HOST"] = url

    from app.ui.bootstrap import create_context
    from app.ui.main_window import MainWindow

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    ctx = create_context(qapp)  # type: ignore[arg-type]
    window = MainWindow(ctx)
    window.resize(1000, 700)
    window.show()
    deadline = time.time() + 10
    while window.chat.model_picker.count() == 0 and time.time() < deadline:
        qapp.processEvents()
        time.sleep(0.01)

    raw: list[float] = []
    hearth: list[float] = []
    stalls: list[float] = []
    raw_client(url)  # warm-up: connection pool, imports
    for _ in range(ROUNDS):
        raw.append(raw_client(url))
        rate, stall = through_hearth(window, qapp)
        hearth.append(rate)
        stalls.append(stall)
    ratio = statistics.median(hearth) / statistics.median(raw)
    print(f"(a) raw ollama client : {statistics.median(raw):9.0f} tokens/s  {raw}")
    print(f"(b) through Hearth    : {statistics.median(hearth):9.0f} tokens/s  {hearth}")
    print(f"ratio b/a             : {ratio:9.3f}   (budget >= 0.95)")
    print(f"longest GUI stall     : {max(stalls):9.1f} ms (budget < 50 ms)  {stalls}")
    window.close()

    bare = [child("bare", url) for _ in range(ROUNDS)]
    full = [child("hearth", url) for _ in range(ROUNDS)]
    bare_start = statistics.median(b["shown_s"] for b in bare)
    start = statistics.median(f["shown_s"] for f in full)
    bare_rss = statistics.median(b["rss_mb"] for b in bare)
    rss = statistics.median(f["rss_mb"] for f in full)
    print(
        f"start to window shown : {start:9.3f} s  (bare Qt window {bare_start:.3f} s, "
        f"ratio {start / bare_start:.2f}; budget < 1.5 s)"
    )
    print(
        f"idle RSS              : {rss:9.1f} MB (bare Qt window {bare_rss:.1f} MB, "
        f"ratio {rss / bare_rss:.2f}; budget < 200 MB)"
    )
    fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
