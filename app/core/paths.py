"""Where Hearth keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Hearth"
DATA_DIR_ENV = "HEARTH_DATA_DIR"


def data_dir() -> Path:
    """The data directory: ``HEARTH_DATA_DIR`` if set, else the platform's user data dir."""
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path() -> Path:
    return data_dir() / "hearth.sqlite3"


def settings_path() -> Path:
    return data_dir() / "settings.json"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def translations_dir() -> Path | None:
    """Compiled ``hearth_<locale>.qm`` catalogues: in the source tree, or where an install
    puts ``resources/`` files (``<prefix>/share/hearth``, as for the model catalog)."""
    source_tree = Path(__file__).resolve().parents[2] / "resources" / "translations"
    installed = Path(sys.prefix) / "share" / "hearth" / "translations"
    for candidate in (source_tree, installed):
        if candidate.is_dir():
            return candidate
    return None
