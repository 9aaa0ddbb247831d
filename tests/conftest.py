"""Shared fixtures. Qt runs offscreen; every test gets its own data dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test writes under its own HEARTH_DATA_DIR, never the person's real one."""
    path = tmp_path / "hearth-data"
    monkeypatch.setenv("HEARTH_DATA_DIR", str(path))
    yield path
