"""Fault injection: real files, real file systems, real processes killed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.storage.writer import SerialWriter


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "hearth.sqlite3"


@pytest.fixture
def writer(db_file: Path) -> Iterator[SerialWriter]:
    writer = SerialWriter(db_file)
    yield writer
    writer.close()
