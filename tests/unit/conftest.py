"""What the chat-core tests share: a real database writer on a fresh data dir, and a
thread pool for the replies (the window's reply lane, without Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.storage.writer import SerialWriter


@pytest.fixture
def writer(data_dir: Path) -> Iterator[SerialWriter]:
    data_dir.mkdir(parents=True, exist_ok=True)
    writer = SerialWriter(data_dir / "hearth.sqlite3")
    writer.opened().result(10)
    yield writer
    writer.close()


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    pool = ThreadPoolExecutor(4)
    yield pool
    pool.shutdown(wait=True, cancel_futures=True)
