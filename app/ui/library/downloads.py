"""Downloads that keep going while the person chats.

``DownloadManager`` lives as long as the main window (not the library dialog): each
download is a ``PullJob`` run through ``ctx.tasks``; its progress is posted from the
worker thread through ``ctx.tasks.post`` and emitted on the GUI thread.
Unfinished downloads are recorded through the serial writer so a restart can resume
them; a finished one fires ``ctx.events.models_changed`` so the chat's picker refreshes.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.core.errors import KnownError
from app.core.lazy import serial_imports
from app.library import pending
from app.ui.context import AppContext

if TYPE_CHECKING:
    from app.library.pull import PullJob, PullProgress

log = logging.getLogger(__name__)
EMIT_INTERVAL_SECONDS = 0.1
"""At most ten progress updates a second reach the GUI (Ollama sends many more)."""


class DownloadManager(QObject):
    progressed = Signal(str, object)  # name, PullProgress
    finished = Signal(str)
    failed = Signal(str, str)  # name, message for the person
    cancelled = Signal(str)
    started = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        *,
        stall_seconds: float | None = None,
        backoff_seconds: float | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._jobs: dict[str, PullJob] = {}
        # Tests shorten these; None keeps PullJob's own defaults. The pull module itself
        # is imported at the first download, not while the window opens.
        self._stall_seconds = stall_seconds
        self._backoff_seconds = backoff_seconds

    def has_active_downloads(self) -> bool:
        return bool(self._jobs)

    def active_names(self) -> list[str]:
        return list(self._jobs)

    def is_active(self, name: str) -> bool:
        return name in self._jobs

    def start(self, name: str, expected_bytes: int | None = None) -> bool:
        """Start (or resume) a download; False when it is already running."""
        if name in self._jobs:
            return False
        with serial_imports:
            from app.library.pull import DEFAULT_BACKOFF_SECONDS, DEFAULT_STALL_SECONDS, PullJob

        stall, backoff = self._stall_seconds, self._backoff_seconds
        job = PullJob(
            self._ctx.ollama_host,
            name,
            expected_bytes=expected_bytes,
            stall_seconds=DEFAULT_STALL_SECONDS if stall is None else stall,
            backoff_seconds=DEFAULT_BACKOFF_SECONDS if backoff is None else backoff,
        )
        self._jobs[name] = job
        self._remember_pending(lambda c: pending.remember(c, name, 0, expected_bytes or 0))
        last_emit = [0.0]

        def report(progress: PullProgress) -> None:  # on the worker thread
            now = time.monotonic()
            urgent = progress.done or progress.retrying_in is not None
            if urgent or now - last_emit[0] >= EMIT_INTERVAL_SECONDS:
                last_emit[0] = now
                self._ctx.tasks.post(lambda: self.progressed.emit(name, progress), owner=self)

        self._ctx.tasks.run(
            lambda: job.run(report),
            on_done=lambda _final: self._succeeded(name),
            on_error=lambda exc: self._ended(name, exc),
            owner=self,
            lane="downloads",  # hours of pulling never hold a reply's thread
        )
        self.started.emit(name)
        return True

    def _remember_pending(self, job: Callable[[sqlite3.Connection], object]) -> None:
        """The list of unfinished downloads, kept for Resume after a restart; a failed
        write reaches the person through the task runner's default."""
        self._ctx.tasks.watch(self._ctx.writer.submit(job))

    def cancel(self, name: str) -> None:
        job = self._jobs.get(name)
        if job is not None:
            job.cancel()

    def cancel_all(self) -> None:
        for job in self._jobs.values():
            job.cancel()

    def forget(self, name: str) -> None:
        """Drop an unfinished download from the list (Ollama keeps its partial files)."""
        self._remember_pending(lambda c: pending.forget(c, name))

    # --- endings, on the GUI thread -----------------------------------------------------

    def _succeeded(self, name: str) -> None:
        self._jobs.pop(name, None)
        self._remember_pending(lambda c: pending.forget(c, name))
        self.finished.emit(name)
        self._ctx.events.models_changed.emit()

    def _ended(self, name: str, exc: BaseException) -> None:
        job = self._jobs.pop(name, None)
        last = job.last_progress if job else None
        done, total = (last.completed_bytes, last.total_bytes) if last else (0, 0)
        with serial_imports:
            from app.library.pull import PullCancelledError

        if isinstance(exc, PullCancelledError):
            reason = self.tr("stopped")
        elif isinstance(exc, KnownError):
            reason = str(exc)
        else:
            log.error("download of %s failed", name, exc_info=exc)
            reason = self.tr("Unexpected problem: {error}").format(error=exc)
        self._remember_pending(lambda c: pending.remember(c, name, done, total, reason))
        if isinstance(exc, PullCancelledError):
            self.cancelled.emit(name)
        else:
            self.failed.emit(name, reason)
