"""Where Hearth keeps its data."""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from pathlib import Path

import platformdirs

from app.core.errors import KnownError
from app.core.i18n import translate

APP_NAME = "Hearth"
DATA_DIR_ENV = "HEARTH_DATA_DIR"


class DataFolderError(KnownError):
    """The data folder cannot be created or written: says which folder and what to do."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(
            translate("Paths", "Hearth cannot use its data folder {folder}: {reason}.").format(
                folder=folder, reason=reason
            ),
            hint=translate(
                "Paths",
                "Make the folder writable (or free space on its disk), or choose another "
                "folder by setting HEARTH_DATA_DIR, then start Hearth again.",
            ),
        )
        self.folder = folder


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EROFS,):
        return translate("Paths", "the disk is read-only")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return translate("Paths", "permission denied")
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        return translate("Paths", "a file is in the way where a folder should be")
    if exc.errno == errno.ENOSPC:
        return translate("Paths", "the disk is full")
    if exc.errno == errno.ENOENT:
        return translate("Paths", "the path cannot be created")
    return exc.strerror or str(exc)


def configured_data_dir() -> Path:
    """Where the data folder should be, without creating it."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def data_dir() -> Path:
    """The data directory: ``HEARTH_DATA_DIR`` if set, else the platform's user data dir.

    Raises ``DataFolderError`` when it cannot be created.
    """
    path = configured_data_dir()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError(path, _reason(exc)) from exc
    if not path.is_dir():
        raise DataFolderError(
            path, translate("Paths", "a file is in the way where a folder should be")
        )
    return path


def check_data_dir() -> Path:
    """``data_dir()``, also proven writable by creating and removing a file in it.

    (Permission bits alone would not do: root ignores them, a read-only mount or an
    immutable folder does not show in them.)"""
    path = data_dir()
    try:
        with tempfile.TemporaryFile(dir=path, prefix=".hearth-probe-"):
            pass
    except OSError as exc:
        raise DataFolderError(path, _reason(exc)) from exc
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
