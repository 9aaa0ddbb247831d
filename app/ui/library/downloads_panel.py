"""The list of running and unfinished downloads: progress, speed, ETA, Cancel, Resume."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.sizes import format_bytes
from app.library import pending
from app.library.pending import PendingPull
from app.library.pull import PullProgress
from app.ui.context import AppContext
from app.ui.library.downloads import DownloadManager
from app.ui.library.named import named

BAR_STEPS = 1000


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "…"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class DownloadRow(QWidget):
    def __init__(self, name: str, manager: DownloadManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._manager = manager
        self.setObjectName(f"download_row:{name}")
        self.title = QLabel(name)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = named(QProgressBar(), "download_progress")
        self.bar.setRange(0, BAR_STEPS)
        self.detail = named(QLabel(), "download_detail")
        self.detail.setWordWrap(True)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "download_cancel")
        self.resume_button = named(QPushButton(self.tr("Resume")), "download_resume")
        self.forget_button = named(QPushButton(self.tr("Remove from list")), "download_forget")
        self.cancel_button.clicked.connect(lambda: manager.cancel(name))
        self.resume_button.clicked.connect(lambda: manager.start(name))
        self.forget_button.clicked.connect(self._forget)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for button in (self.cancel_button, self.resume_button, self.forget_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        self.set_running(manager.is_active(name))

    def set_running(self, running: bool) -> None:
        self.cancel_button.setVisible(running)
        self.resume_button.setVisible(not running)
        self.forget_button.setVisible(not running)

    def show_progress(self, progress: PullProgress) -> None:
        self.set_running(True)
        value = round(progress.fraction * BAR_STEPS)
        if (
            not progress.done
            and progress.layers
            and all(layer.completed >= layer.total for layer in progress.layers)
        ):
            # Every layer announced so far is complete, but Ollama announces the next one
            # only when it starts it: without a known total the bar would touch 100 %
            # and then jump back. Hold just short of the end until "success".
            value = min(value, BAR_STEPS - 1)
        # The bar never runs backwards within a download (a new layer grows the total).
        self.bar.setValue(max(value, self.bar.value()) if self.bar.value() < BAR_STEPS else value)
        if progress.retrying_in is not None:
            self.detail.setText(
                self.tr("No progress — trying again in {seconds:.0f} s (attempt {n})").format(
                    seconds=progress.retrying_in, n=progress.attempt + 1
                )
            )
            return
        speed = (
            self.tr("{speed}/s").format(speed=format_bytes(round(progress.bytes_per_second)))
            if progress.bytes_per_second
            else "…"
        )
        self.detail.setText(
            self.tr("{done} of {total} · {speed} · {eta} left · {status}").format(
                done=format_bytes(progress.completed_bytes),
                total=format_bytes(progress.total_bytes),
                speed=speed,
                eta=_duration(progress.eta_seconds),
                status=progress.status,
            )
        )

    def show_stopped(self, message: str, fraction: float | None = None) -> None:
        self.set_running(False)
        if fraction is not None:
            self.bar.setValue(round(fraction * BAR_STEPS))
        self.detail.setText(
            self.tr("{message} — Resume continues where it stopped.").format(message=message)
        )

    def _forget(self) -> None:
        self._manager.forget(self.name)
        self.deleteLater()


class DownloadsPanel(QWidget):
    def __init__(
        self, ctx: AppContext, manager: DownloadManager, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("downloads_panel")
        self._ctx = ctx
        self._manager = manager
        self.rows: dict[str, DownloadRow] = {}
        self.empty = QLabel(self.tr("No downloads."))
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)
        manager.started.connect(self._on_started)
        manager.progressed.connect(self._on_progress)
        manager.finished.connect(self._on_finished)
        manager.cancelled.connect(lambda name: self._row(name).show_stopped(self.tr("Stopped")))
        manager.failed.connect(lambda name, message: self._row(name).show_stopped(message))
        for name in manager.active_names():
            self._row(name)
        ctx.tasks.watch(ctx.writer.submit(pending.list_pending), self._show_pending, owner=self)

    def row(self, name: str) -> DownloadRow | None:
        return self.rows.get(name)

    def _row(self, name: str) -> DownloadRow:
        row = self.rows.get(name)
        if row is None:
            row = DownloadRow(name, self._manager, self)
            row.destroyed.connect(lambda *_: self.rows.pop(name, None))
            self.rows[name] = row
            self._layout.insertWidget(self._layout.count() - 1, row)
        self.empty.hide()
        return row

    def _show_pending(self, rows: list[PendingPull]) -> None:
        for item in rows:
            if item.name in self.rows:
                continue
            row = self._row(item.name)
            if not self._manager.is_active(item.name):
                row.show_stopped(item.last_error or self.tr("Not finished"), item.fraction)

    def _on_started(self, name: str) -> None:
        row = self._row(name)
        row.set_running(True)
        row.detail.setText(self.tr("Starting…"))

    def _on_progress(self, name: str, progress: PullProgress) -> None:
        self._row(name).show_progress(progress)

    def _on_finished(self, name: str) -> None:
        row = self.rows.pop(name, None)
        if row is not None:
            row.deleteLater()
        if not self.rows:
            self.empty.show()
