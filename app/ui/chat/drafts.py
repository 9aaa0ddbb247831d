"""Keeps the composer's drafts on disk: saved a moment after typing stops, off the GUI
thread through the one writer, and put back into the composer at start-up.

The composer says which conversation's draft changed (``draft_edited``); the keeper waits
``SAVE_DELAY_MS`` after the last change and writes what that draft is then. Only typing
since the last save writes just the text; a changed attachment rewrites the items too.
A failed save is said in the box (the text is still there) and tried again on the next
change. ``flush`` writes what is pending at once (the window calls it when closing).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer

from app.chat.documents import Document
from app.chat.drafts import NEW_CONVERSATION, StoredDraft, load_drafts, save_draft
from app.storage.records import Attachment
from app.ui.chat.composer import Composer, Draft, DraftKey
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 600


def _key(key: DraftKey) -> int:
    return NEW_CONVERSATION if key is None else key


def _saver(
    key: int, text: str, images: list[Attachment] | None, documents: list[Document] | None
) -> Callable[[sqlite3.Connection], None]:
    return lambda conn: save_draft(conn, key, text, images, documents)


class DraftKeeper(QObject):
    def __init__(
        self, writer: Any, tasks: TaskRunner, composer: Composer, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._tasks = tasks
        self._composer = composer
        self._dirty: set[DraftKey] = set()
        # Per key, the items last written (compared by identity: they are immutable and
        # a new chip makes a new object), so typing alone does not rewrite big images.
        self._saved_items: dict[DraftKey, tuple[object, ...]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        composer.draft_edited.connect(self._edited)

    def load(self) -> Future[dict[int, StoredDraft]]:
        """Read the kept drafts and hand them to the composer (on the GUI thread)."""
        future: Future[dict[int, StoredDraft]] = self._writer.submit(load_drafts)
        self._tasks.watch(future, self._loaded, self._failed, owner=self)
        return future

    def _loaded(self, stored: dict[int, StoredDraft]) -> None:
        drafts: dict[DraftKey, Draft] = {}
        for key, draft in stored.items():
            ui_key: DraftKey = None if key == NEW_CONVERSATION else key
            drafts[ui_key] = Draft(draft.text, list(draft.images), list(draft.documents))
            self._saved_items[ui_key] = (*draft.images, *draft.documents)
        self._composer.seed_drafts(drafts)

    def _edited(self, key: DraftKey) -> None:
        self._dirty.add(key)
        self._timer.start()

    def pending(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> None:
        self._timer.stop()
        dirty, self._dirty = self._dirty, set()
        for key in dirty:
            draft = self._composer.draft_for(key)
            items: tuple[object, ...] = (*draft.attachments, *draft.documents)
            saved = self._saved_items.get(key, ())
            same = len(items) == len(saved)
            same = same and all(a is b for a, b in zip(items, saved, strict=True))
            images: list[Attachment] | None = None if same else list(draft.attachments)
            documents = None if same else list(draft.documents)
            self._saved_items[key] = items
            future = self._writer.submit(_saver(_key(key), draft.text, images, documents))
            self._tasks.watch(future, None, partial(self._save_failed, key), self)

    def _save_failed(self, key: DraftKey, exc: BaseException) -> None:
        log.warning("draft not saved: %s", exc)
        self._saved_items.pop(key, None)  # write everything next time
        self._composer.show_notice(
            self.tr("Your draft could not be saved ({reason}); it is still here.").format(
                reason=exc
            )
        )

    def _failed(self, exc: BaseException) -> None:
        log.warning("drafts not loaded: %s", exc)
        self._composer.show_notice(
            self.tr("Drafts from last time could not be read: {reason}").format(reason=exc)
        )
