"""The window's asker for the outbound gate (``app.privacy.review.Asker``).

Built with the window; the findings dialog (:mod:`app.ui.chat.outbound`) and the gate's
types are imported the first time something is found, not at start-up.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QWidget

from app.core.lazy import serial_imports

if TYPE_CHECKING:
    from app.privacy.gate import Check, Decision
    from app.ui.chat.outbound import OutboundDialog


class GuiAsker(QObject):
    """``app.privacy.review.Asker`` for the window: called on a reply's thread, it shows
    the findings dialog on the GUI thread and waits for the person's choice there.

    Only that reply's thread waits; the window stays live (other conversations stream
    on). Closing Hearth answers every open question with "do not send".
    """

    _asked = Signal(object)  # (check, future), delivered on the GUI thread

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._closing = threading.Event()
        self._pending: list[Future[Decision | None]] = []
        self._lock = threading.Lock()
        self.dialogs: list[OutboundDialog] = []
        self._asked.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def __call__(self, _conversation_id: int, check: Check) -> Decision | None:
        if QThread.currentThread() is self.thread():
            with serial_imports:
                from app.ui.chat.outbound import ask_outbound

            return ask_outbound(self._parent_widget, check)  # not from a reply's thread
        future: Future[Decision | None] = Future()
        with self._lock:
            if self._closing.is_set():
                return None
            self._pending.append(future)
        self._asked.emit((check, future))
        try:
            while not self._closing.is_set():
                try:
                    return future.result(timeout=0.2)
                except TimeoutError:
                    continue
            return None
        finally:
            with self._lock:
                if future in self._pending:
                    self._pending.remove(future)

    def _show(self, payload: tuple[Check, Future[Decision | None]]) -> None:
        check, future = payload
        if future.done():
            return
        with serial_imports:
            from app.ui.chat.outbound import OutboundDialog

        dialog = OutboundDialog(check, self._parent_widget)
        self.dialogs.append(dialog)

        def decided(decision: Decision | None) -> None:
            if not future.done():
                future.set_result(decision)

        def closed(_result: int) -> None:
            decided(None)
            if dialog in self.dialogs:
                self.dialogs.remove(dialog)
            dialog.deleteLater()

        dialog.decided.connect(decided)
        dialog.finished.connect(closed)
        dialog.open()

    def close(self) -> None:
        """Hearth is quitting: nothing waiting for an answer is sent."""
        self._closing.set()
        with self._lock:
            pending = list(self._pending)
        for future in pending:
            if not future.done():
                future.set_result(None)
        for dialog in list(self.dialogs):
            dialog.reject()
