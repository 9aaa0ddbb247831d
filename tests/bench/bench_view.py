"""The chat view with long conversations, long lists and hostile replies, measured
side by side with a baseline in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.bench_view

(1) Opening a conversation of 10 / 100 / 1,000 / 5,000 messages in the message list:
    from ``show_messages`` until the window has laid out and painted it, and the RSS it
    adds once idle (each size in a fresh process; baseline: an empty conversation).
(2) Filtering 10,000 conversations in the real main window, one keystroke at a time,
    until painted (baseline: the same keystrokes with 10 conversations).
(3) The longest GUI stall (gap between 5 ms timer ticks) while a 200 KB reply pours in
    and while it finishes rendering, and the same for hostile replies up to 10 MB
    (baseline: the idle event loop over the same time).
Budgets: open ≤ 150 ms at every size, RSS growth ≤ 30 MB for 5,000 messages, filter
≤ 50 ms, stall < 16 ms (200 KB) and < 100 ms (10 MB hostile).
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
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SIZES = (10, 100, 1000, 5000)
ROUNDS = 3
BUSY: list = []  # type: ignore[type-arg]  # what the idle collector asks (see main)


def messages(count: int) -> list:  # type: ignore[type-arg]
    from app.storage.records import Message, utc_now
    from tests.fakes.ollama_server import MARKDOWN_REPLY

    now = utc_now()
    return [
        Message(
            i,
            1,
            "user" if i % 2 else "assistant",
            f"Question {i}: could you show me how to read a CSV file, and explain it?"
            if i % 2
            else MARKDOWN_REPLY.replace("CSV", f"CSV ({i})"),
            now,
        )
        for i in range(1, count + 1)
    ]


def pump(app, ms: float) -> None:  # type: ignore[no-untyped-def]
    """Run the app's events for ``ms``, deleting what was deleted with deleteLater too
    (processEvents alone leaves that to the next event loop: the last round's view,
    200 KB of rendered text, was then freed inside the next round's measurement)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        time.sleep(0.002)


def open_once(app, view, records) -> float:  # type: ignore[no-untyped-def]
    """show_messages until laid out and painted, in ms."""
    started = time.perf_counter()
    view.show_messages(records)
    app.processEvents()  # layout, then the paint of the latest messages
    view.viewport().repaint()
    return (time.perf_counter() - started) * 1000


CHILD_RSS = r"""
import json, sys, time, psutil
sys.path.insert(0, sys.argv[2])
from PySide6.QtWidgets import QApplication
from tests.bench.bench_view import messages, pump
from app.ui.chat.markdown import prewarm
from app.ui.chat.message_list import MessageList
app = QApplication([])
prewarm()
view = MessageList(); view.resize(1000, 700); view.show()
view.show_messages(messages(4)); pump(app, 300)
import gc; gc.collect()
start = psutil.Process().memory_info().rss
records = messages(int(sys.argv[1]))
before = psutil.Process().memory_info().rss
view.show_messages(records); pump(app, 1500)
gc.collect(); pump(app, 200)
after = psutil.Process().memory_info().rss
print(json.dumps({"mb": (after - before) / 1e6, "records_mb": (before - start) / 1e6,
                  "alive": len(view.widgets())}))
"""


def rss_growth(count: int) -> dict[str, float]:
    out = subprocess.check_output(
        [sys.executable, "-c", CHILD_RSS, str(count), str(ROOT)], cwd=ROOT, text=True
    )
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def bench_open(app) -> None:  # type: ignore[no-untyped-def]
    from app.ui.chat.markdown import prewarm
    from app.ui.chat.message_list import MessageList

    prewarm()  # as the app does at start-up
    view = MessageList()
    view.resize(1000, 700)
    view.show()
    open_once(app, view, messages(10))  # warm-up: fonts, styles, first render
    pump(app, 200)
    print("(1) Opening a conversation in the message list (median of 3, ms)")
    empty = [open_once(app, view, []) for _ in range(ROUNDS)]
    base_open = statistics.median(empty)
    base_rss = rss_growth(0)
    print(f"    empty conversation: {base_open:6.1f} ms   RSS +{base_rss['mb']:5.1f} MB")
    for size in SIZES:
        records = messages(size)
        times = []
        for _ in range(ROUNDS):
            times.append(open_once(app, view, records))
            pump(app, 300)  # let it idle: built ahead, then the next open
        grown = rss_growth(size)
        print(
            f"    {size:5d} messages: {statistics.median(times):6.1f} ms "
            f"(worst {max(times):5.1f}; budget ≤ 150)   RSS +{grown['mb']:5.1f} MB "
            f"(budget ≤ 30 at 5,000; the records themselves +{grown['records_mb']:4.1f} MB)"
            f"   widgets {int(grown['alive'])}"
        )
    view.close()


def bench_filter(app) -> None:  # type: ignore[no-untyped-def]
    from app.core import paths
    from app.core.settings import Settings
    from app.storage.db import open_database
    from app.storage.records import to_db_time, utc_now
    from app.storage.writer import SerialWriter
    from app.ui.context import AppContext, AppEvents
    from app.ui.main_window import MainWindow
    from app.ui.tasks import TaskRunner

    typed = "number 12"
    results: dict[int, list[float]] = {}
    for count in (10, 10_000):
        os.environ["HEARTH_DATA_DIR"] = tempfile.mkdtemp(prefix="hearth-bench-view-")
        opened = open_database(paths.database_path())
        now = to_db_time(utc_now())
        with opened.connection as conn:
            conn.executemany(
                "INSERT INTO conversations (title, created_at, updated_at) VALUES (?, ?, ?)",
                [(f"Conversation number {i}", now, now) for i in range(1, count + 1)],
            )
        opened.connection.close()
        ctx = AppContext(
            Settings(paths.settings_path()),
            SerialWriter(paths.database_path()),
            TaskRunner(),
            AppEvents(),
            "http://127.0.0.1:9",
        )
        window = MainWindow(ctx)
        window.resize(1000, 700)
        window.show()
        BUSY.append(window.working)  # the collector asks it, as main() has it do
        deadline = time.time() + 10
        while window.conversations.count() < count and time.time() < deadline:
            pump(app, 20)
        box = window.conversations.filter
        per_key: list[float] = []
        for _ in range(ROUNDS):
            box.clear()
            pump(app, 50)
            for length in range(1, len(typed) + 1):
                started = time.perf_counter()
                box.setText(typed[:length])  # as a keystroke does
                app.processEvents()
                window.conversations.list.viewport().repaint()
                per_key.append((time.perf_counter() - started) * 1000)
                pump(app, 20)
        results[count] = per_key
        BUSY.remove(window.working)
        window.close()
        ctx.tasks.shutdown()
        ctx.writer.close()
    base, big = results[10], results[10_000]
    print("(2) Filtering conversations, per keystroke until painted (ms)")
    print(
        f"    10 conversations    : median {statistics.median(base):5.1f}  worst {max(base):5.1f}"
    )
    print(
        f"    10,000 conversations: median {statistics.median(big):5.1f}  worst {max(big):5.1f}"
        f"  (budget ≤ 50; ratio of medians {statistics.median(big) / statistics.median(base):.1f})"
    )


def longest_stall(app, feed, done) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """Run the event loop while ``feed()`` is called every 16 ms (it returns False when
    it has nothing more) until ``done()``. Returns the longest gap between 5 ms timer
    ticks while feeding and after it until done (ms), and the time taken (s)."""
    from PySide6.QtCore import QEventLoop, QTimer

    gaps: list[tuple[float, bool]] = []
    last = [time.perf_counter()]
    feeding = [True]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0], feeding[0]))
        last[0] = now

    loop = QEventLoop()
    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    feeder = QTimer()
    feeder.setInterval(16)

    def step() -> None:
        if feeding[0]:
            feeding[0] = bool(feed())
        elif done():
            loop.quit()

    feeder.timeout.connect(step)
    started = time.perf_counter()
    last[0] = started
    ticker.start()
    feeder.start()
    QTimer.singleShot(600_000, loop.quit)
    loop.exec()
    ticker.stop()
    feeder.stop()
    during = max((g for g, f in gaps if f), default=0.0) * 1000
    after = max((g for g, f in gaps if not f), default=0.0) * 1000
    return during, after, time.perf_counter() - started


def stream(app, text: str, chunk: int) -> tuple[float, float, float, int]:  # type: ignore[no-untyped-def]
    """A reply arriving ``chunk`` characters a frame, then finished: the longest stall
    until it is fully rendered, the time that took, and the characters Qt shows."""
    from app.storage.records import Message, utc_now
    from app.ui.chat.message_list import MessageList

    # In the list, as in the window: only what the scroll area shows is painted.
    view = MessageList()
    view.resize(1000, 700)
    view.show()
    BUSY.append(view.rendering)
    view.show_messages(messages(4))
    pump(app, 100)
    widget = view.add(Message(9, 1, "assistant", "", utc_now(), status="streaming"))
    # The reply's row appears at Enter, before the model's first token; its first layout
    # and paint are measured in the window by bench_streaming, from Enter on.
    pump(app, 50)
    position = [0]

    def feed() -> bool:
        if position[0] >= len(text):
            widget.finish("ok")
            return False
        widget.append(text[position[0] : position[0] + chunk])
        position[0] += chunk
        return True

    during, after, took = longest_stall(app, feed, lambda: not widget.is_rendering())
    shown = widget.body.document().characterCount()
    BUSY.remove(view.rendering)
    view.close()
    view.deleteLater()
    pump(app, 100)
    return during, after, took, shown


def bench_stalls(app) -> None:  # type: ignore[no-untyped-def]
    import base64

    from tests.fakes.ollama_server import MARKDOWN_REPLY

    reply_200k = (MARKDOWN_REPLY + "\n") * (200_000 // len(MARKDOWN_REPLY) + 1)
    nested = "\n".join("  " * (i % 40) + f"- level {i % 40}" for i in range(20_000))
    paragraphs = ("A paragraph of an ordinary reply, *some* words. " * 6 + "\n\n") * 34_000
    hostile = {
        "1 MB without spaces": "x" * 1_000_000,
        "10 MB data: image": "![big](data:image/png;base64,"
        + base64.b64encode(b"\x89PNG" + b"\0" * 7_500_000).decode()
        + ")",
        "deep nesting (40 levels, 1 MB)": nested * 2,
        "bidi overrides (1 MB)": "Pay \u202eSU 001\u202c to Bob. " * 40_000,
        "10 MB of ordinary paragraphs": paragraphs,
    }
    _during, idle, _ = longest_stall(app, lambda: False, lambda: True)
    print("(3) Longest GUI stall, gap between 5 ms ticks (ms): while the text arrives /")
    print("    after the last piece until fully rendered")
    print(f"    idle event loop (baseline)         : {idle:6.1f}")
    for label, chunk in (("paced, 2 KB a frame", 2_000), ("poured, 64 KB a frame", 64_000)):
        rounds = [stream(app, reply_200k, chunk) for _ in range(ROUNDS)]
        during = statistics.median(r[0] for r in rounds)
        after = statistics.median(r[1] for r in rounds)
        worst = max(max(r[0], r[1]) for r in rounds)
        took = statistics.median(r[2] for r in rounds)
        print(
            f"    200 KB reply, {label:21s}: {during:6.1f} / {after:6.1f}"
            f"  (median of {ROUNDS}, worst {worst:.1f}; budget < 16; {took:.1f} s in all)"
        )
    for label, text in hostile.items():
        during, after, took, shown = stream(app, text, 256_000)
        print(
            f"    {label:35s}: {during:6.1f} / {after:6.1f}  (budget < 100; {took:.1f} s; "
            f"{len(text) / 1e6:.1f} MB in, {shown / 1e3:.0f} K characters laid out)"
        )


def main() -> int:
    os.environ["HEARTH_DATA_DIR"] = tempfile.mkdtemp(prefix="hearth-bench-view-")
    from PySide6.QtWidgets import QApplication

    from app.ui.bootstrap import favour_the_gui_thread, settle_memory
    from app.ui.idle_collector import IdleCollector

    favour_the_gui_thread()  # as the app's main() does
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settle_memory()
    # As the app's main() does: full collections wait while a message renders.
    IdleCollector(app, busy=lambda: any(busy() for busy in BUSY))
    bench_open(app)
    bench_filter(app)
    bench_stalls(app)
    print(f"(load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
