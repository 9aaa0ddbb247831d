"""What every feature's widgets are given: settings, the database writer, the task
runner and app-wide events. Passed explicitly — there is no global registry."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from app.core.settings import Settings
from app.storage.writer import SerialWriter
from app.ui.tasks import TaskRunner


class AppEvents(QObject):
    """App-wide notifications, always emitted on the GUI thread."""

    reply_recorded = Signal(object)
    """A reply's ``UsageRecord`` (with its id) has been written to the database."""
    conversations_changed = Signal()
    models_changed = Signal()
    """Installed models changed (a download finished, a model was deleted)."""
    settings_changed = Signal(str)
    """A setting's key changed through the UI."""


@dataclass
class AppContext:
    settings: Settings
    writer: SerialWriter
    tasks: TaskRunner
    events: AppEvents
    ollama_host: str
