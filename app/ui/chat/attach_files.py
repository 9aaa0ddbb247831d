"""Files chosen or dropped into the message box: read off the GUI thread (a PDF can take
seconds), sorted into images and documents (``app.chat.documents.load_files``), and put in
the draft of the conversation they were attached in — even when the person has moved to
another conversation meanwhile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QWidget

from app.chat.documents import DOCUMENT_FILTER, Loaded, load_files
from app.ui.chat.composer import Composer
from app.ui.tasks import TaskRunner

READING_NOTICE_MS = 400


class FileAttacher(QObject):
    def __init__(
        self,
        tasks: TaskRunner,
        composer: Composer,
        parent: QWidget,
        on_error: Callable[[BaseException], None],
        on_images: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._composer = composer
        self._parent = parent
        self._on_error = on_error
        self._on_images = on_images

    def choose_documents(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Attach files"),
            "",
            self.tr("Documents ({patterns});;All files (*)").format(patterns=DOCUMENT_FILTER),
        )
        if paths:
            self.load(paths)

    def choose_images(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Attach images"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)"),
        )
        if paths:
            self.load(paths)

    def load(self, paths: list[str]) -> None:
        key = self._composer.draft_key
        done = False

        def reading() -> None:  # only when it takes long enough to wonder (a big PDF)
            if not done and key == self._composer.draft_key:
                self._composer.show_notice(
                    self.tr("Reading {count} file(s)…").format(count=len(paths))
                )

        QTimer.singleShot(READING_NOTICE_MS, self, reading)

        def loaded(result: Loaded) -> None:
            nonlocal done
            done = True
            self._composer.add_to_draft(key, result.images, result.documents)
            if key == self._composer.draft_key:
                self._composer.show_problems(result.problems)
            if result.images and self._on_images is not None:
                self._on_images()

        def failed(exc: BaseException) -> None:
            nonlocal done
            done = True
            self._composer.show_notice("")
            self._on_error(exc)

        self._tasks.run(lambda: load_files(paths), loaded, failed, self)
