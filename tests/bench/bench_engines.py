"""Benchmark: how late a finished reply ends, and how fast local engines are found.

Run: ``python tests/bench/bench_engines.py`` (not collected by pytest). Prints, measured
side by side in one run:

- leaving ``CloseOnCancel`` after a reply that finished normally, with the watcher that
  issue 15 found (joined while it polls every 50 ms) and with the current one (a lock,
  no join): median and worst of 200 exits, and their ratio;
- one discovery of five fake local engines (LM Studio, llama.cpp, Jan, vLLM,
  text-generation-webui) plus an address where nothing listens, probed concurrently,
  against the same probes one after another.
"""

from __future__ import annotations

import contextlib
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.engines.discovery import discover
from app.engines.sdk_streaming import CloseOnCancel
from tests.fakes.local_engines import FakeJan, FakeLlamaCpp, FakeLMStudio, FakeTextGen, FakeVLLM


class JoinedWatcher:
    """The watcher as it was: ``__exit__`` joins a thread polling every 50 ms."""

    def __init__(self, cancel: threading.Event, close: Callable[[], None]) -> None:
        self._cancel, self._close = cancel, close
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._done.is_set():
            if self._cancel.wait(0.05):
                if not self._done.is_set():
                    with contextlib.suppress(Exception):
                        self._close()
                return

    def __enter__(self) -> JoinedWatcher:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._done.set()
        self._thread.join(timeout=1)


def exit_times(factory: Callable[[threading.Event, Callable[[], None]], object]) -> list[float]:
    times = []
    for _ in range(200):
        watcher = factory(threading.Event(), lambda: None)
        with watcher:  # type: ignore[attr-defined]
            time.sleep(0.001)  # the reply streams
            started = time.perf_counter()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    old, new = exit_times(JoinedWatcher), exit_times(CloseOnCancel)
    old_median, new_median = statistics.median(old) * 1000, statistics.median(new) * 1000
    print("finished reply -> stream closed (200 exits)")
    print(f"  joined watcher : median {old_median:7.3f} ms, worst {max(old) * 1000:7.3f} ms")
    print(f"  CloseOnCancel  : median {new_median:7.3f} ms, worst {max(new) * 1000:7.3f} ms")
    print(f"  ratio (old/new median): {old_median / max(new_median, 1e-6):,.0f}x")

    fakes = [FakeLMStudio(), FakeLlamaCpp(), FakeJan(), FakeVLLM(), FakeTextGen()]
    for fake in fakes:
        fake.start()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    targets = [(f.root_url, None) for f in fakes] + [(dead, None)]
    try:
        runs_together, runs_apart = [], []
        for _ in range(5):
            started = time.perf_counter()
            found = discover(dead, only=targets, keys=lambda _e: "secret-key-123")
            runs_together.append(time.perf_counter() - started)
            started = time.perf_counter()
            for target in targets:
                discover(dead, only=[target], keys=lambda _e: "secret-key-123")
            runs_apart.append(time.perf_counter() - started)
    finally:
        for fake in fakes:
            fake.stop()
    together, apart = statistics.median(runs_together), statistics.median(runs_apart)
    print(f"discovery of {len(found.engines)} engines + 1 dead address (median of 5)")
    print(f"  concurrent : {together * 1000:7.1f} ms")
    print(f"  one by one : {apart * 1000:7.1f} ms")
    print(f"  ratio      : {apart / together:4.1f}x")


if __name__ == "__main__":
    main()
