"""Settings, each declared once with its type, default, label and validation.

Features declare their settings in their own module with :func:`declare`; the store
reads and writes a small JSON file next to the database. Values that fail validation
are rejected with a message for the person; unknown or invalid values found on disk
fall back to the default instead of breaking start-up.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.settings_upgrades import upgrade

log = logging.getLogger(__name__)

T = TypeVar("T")
SETTINGS_VERSION = 2
"""2: one list of per-model prices (``app.core.settings_upgrades``)."""


class SettingError(KnownError):
    """A value the person entered that cannot be used."""


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    label: str
    """Untranslated English label; shown through ``translate("Settings", label)``."""
    validate: Callable[[T], str | None] | None = None
    """Returns a (translated) complaint, or None when the value is fine."""
    choices: tuple[T, ...] = ()

    @property
    def kind(self) -> type:
        return type(self.default)


REGISTRY: dict[str, Setting[Any]] = {}


def declare(setting: Setting[T]) -> Setting[T]:
    if setting.key in REGISTRY and REGISTRY[setting.key] != setting:
        raise ValueError(f"setting {setting.key!r} declared twice")
    REGISTRY[setting.key] = setting
    return setting


def non_negative(value: Decimal | float | int) -> str | None:
    if value < 0:
        return translate("Settings", "Must not be negative.")
    return None


def positive(value: Decimal | float | int) -> str | None:
    if value <= 0:
        return translate("Settings", "Must be greater than zero.")
    return None


def _coerce(setting: Setting[T], raw: object) -> T:
    """Turn a JSON value back into the setting's type, or raise ValueError."""
    kind = setting.kind
    if kind is Decimal:
        if isinstance(raw, bool):
            raise ValueError(raw)
        try:
            value: object = Decimal(str(raw))
        except InvalidOperation as exc:
            raise ValueError(raw) from exc
        if not cast(Decimal, value).is_finite():
            raise ValueError(raw)
    elif kind is bool:
        if not isinstance(raw, bool):
            raise ValueError(raw)
        value = raw
    elif kind is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(raw)
        value = raw
    elif kind is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise ValueError(raw)
        value = float(raw)
    elif kind is str:
        if not isinstance(raw, str):
            raise ValueError(raw)
        value = raw
    else:
        value = raw
    if setting.choices and value not in setting.choices:
        raise ValueError(raw)
    return cast(T, value)


def _encode(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value


class Settings:
    """The person's settings, backed by a JSON file written atomically."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._values: dict[str, object] = {}
        self._file_version = SETTINGS_VERSION
        self._load()

    @property
    def path(self) -> Path:
        return self._path

    def _load(self) -> None:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", self._path, exc)
            return
        if not isinstance(data, dict):
            return
        values = data.get("values", {})
        if not isinstance(values, dict):
            return
        self._values = dict(values)
        version = data.get("version", 1)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            version = 1
        if version > SETTINGS_VERSION:
            # A newer Hearth wrote it: read what this one knows, leave the rest alone.
            log.warning("settings file %s is version %s (newer)", self._path, version)
            self._file_version = version
            return
        if upgrade(self._values, version, SETTINGS_VERSION):
            log.info("settings upgraded from version %s to %s", version, SETTINGS_VERSION)

    def get(self, setting: Setting[T]) -> T:
        with self._lock:
            raw = self._values.get(setting.key, _MISSING)
        if raw is _MISSING:
            return setting.default
        try:
            value = _coerce(setting, raw)
        except ValueError:
            log.warning("ignoring invalid stored value for %s: %r", setting.key, raw)
            return setting.default
        if setting.validate is not None and setting.validate(value) is not None:
            return setting.default
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        """Validate and set a value (in memory; call :meth:`save` to persist)."""
        try:
            value = _coerce(setting, _encode(value))
        except ValueError as exc:
            raise SettingError(
                translate("Settings", "“{label}” cannot be set to {value}.").format(
                    label=translate("Settings", setting.label), value=value
                )
            ) from exc
        if setting.validate is not None:
            problem = setting.validate(value)
            if problem is not None:
                raise SettingError(
                    translate("Settings", "“{label}”: {problem}").format(
                        label=translate("Settings", setting.label), problem=problem
                    )
                )
        with self._lock:
            self._values[setting.key] = _encode(value)

    def is_set(self, setting: Setting[Any]) -> bool:
        """True once the person (or Hearth on their behalf) has stored a value."""
        with self._lock:
            return setting.key in self._values

    def reset(self, setting: Setting[Any]) -> None:
        with self._lock:
            self._values.pop(setting.key, None)

    def save(self) -> None:
        """Write atomically: a crash or a full disk never leaves a half-written file."""
        with self._lock:
            payload = json.dumps(
                {"version": self._file_version, "values": self._values},
                ensure_ascii=False,
                indent=2,
                sort_keys=True,
            )
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).replace(self._path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise KnownError(
                translate("Settings", "Could not save settings to {path}: {reason}").format(
                    path=self._path, reason=exc.strerror or exc
                )
            ) from exc


_MISSING = object()

# --- Settings of the core app -------------------------------------------------------------

LAST_CONVERSATION = declare(Setting("ui/last_conversation", 0, "Last open conversation"))
LAST_MODEL = declare(Setting("chat/last_model", "", "Last used model"))
WINDOW_GEOMETRY = declare(Setting("ui/window_geometry", "", "Window geometry"))
SPLITTER_STATE = declare(Setting("ui/splitter_state", "", "Sidebar width"))
LOCAL_ONLY = declare(
    Setting("privacy/local_only", False, "Local-only mode: never contact a cloud service")
)
