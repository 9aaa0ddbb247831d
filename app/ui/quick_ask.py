"""Quick ask: a small window that stays on top, one line to ask, the answer streaming
below — a normal conversation underneath, stored like any other ("Open in Hearth"
shows it in the main window).

It drives the same ``ChatCore`` and ``StreamController`` as the chat panel: the question
is stored before anything is sent, the reply streams on the reply lane and is painted
once a frame, and it lands in the ledger like every reply. The model is the one chosen
in the main window. Follow-up questions while the window stays open continue the same
conversation; opened again after it was hidden (Esc), it starts a new one, unless a
reply is still being written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.chat.conversation import FinishedReply, LiveReply
from app.chat.system_prompt import prompt_for_new
from app.core.errors import KnownError
from app.storage.records import Conversation, Message
from app.ui.chat.markdown import render_markdown
from app.ui.chat.streaming import StreamController
from app.ui.context import AppContext
from app.ui.theme import is_dark

T = TypeVar("T")
log = logging.getLogger(__name__)


class QuickAskWindow(QWidget):
    def __init__(
        self,
        parent: QWidget,
        ctx: AppContext,
        streams: StreamController,
        current_model: Callable[[], str],
        open_in_hearth: Callable[[int], None],
    ) -> None:
        # A window of its own, but owned by the main one: closing it is never "the last
        # window closed" (which would quit Hearth behind the main window's back).
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("quick_ask")
        self.setWindowTitle(self.tr("Quick ask"))
        self.resize(520, 320)
        self._ctx = ctx
        self._streams = streams
        self._core = streams.core
        self._current_model = current_model
        self._open_in_hearth = open_in_hearth
        self.conversation: Conversation | None = None
        self.answer_text = ""
        self._asking = False  # from Enter until the reply has finished (or failed)

        self.input = QLineEdit(self)
        self.input.setObjectName("quick_ask_input")
        self.input.setPlaceholderText(self.tr("Ask anything, then press Enter"))
        self.input.returnPressed.connect(self.ask)
        self.question = QLabel(self)
        self.question.setObjectName("quick_ask_question")
        self.question.setWordWrap(True)
        font = self.question.font()
        font.setBold(True)
        self.question.setFont(font)
        self.question.hide()
        self.model_label = QLabel(self)
        self.model_label.setObjectName("quick_ask_model")
        self.answer = QTextBrowser(self)
        self.answer.setObjectName("quick_ask_answer")
        self.answer.setOpenExternalLinks(True)
        self.status = QLabel(self)
        self.status.setObjectName("quick_ask_status")
        self.status.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open in Hearth"), self)
        self.open_button.setObjectName("quick_ask_open")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open)
        self.new_button = QPushButton(self.tr("New question"), self)
        self.new_button.setObjectName("quick_ask_new")
        self.new_button.clicked.connect(self.start_fresh)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setObjectName("quick_ask_stop")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.model_label, 1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(self.question)
        layout.addWidget(self.answer, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.hide_action = QAction(self.tr("Hide quick ask"), self)
        self.hide_action.setObjectName("action_quick_ask_hide")
        self.hide_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.hide_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.hide_action.triggered.connect(self.hide)
        self.addAction(self.hide_action)
        streams.finished.connect(self._finished)

    # --- showing ---------------------------------------------------------------------------

    def present(self) -> None:
        """Show it, ready to type: a fresh question unless one is still being answered."""
        if not self.isVisible() and not self._asking:
            self.start_fresh()
        self._show_model()
        self.show()
        self.raise_()
        self.activateWindow()
        self.input.setFocus()

    def start_fresh(self) -> None:
        if self._asking:
            return
        self.conversation = None
        self.answer_text = ""
        self.answer.clear()
        self.question.clear()
        self.question.hide()
        self.status.clear()
        self.input.clear()
        self.open_button.setEnabled(False)
        self.input.setFocus()

    def _show_model(self) -> None:
        model = self._current_model()
        self.model_label.setText(
            self.tr("Model: {model}").format(model=model.rpartition("|")[2])
            if model
            else self.tr("No model chosen")
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window manager's close button: hide, like Esc; a reply keeps going.
        event.ignore()
        self.hide()

    # --- asking ----------------------------------------------------------------------------

    def ask(self) -> None:
        text = self.input.text().strip()
        if not text or self._asking:
            return
        model = self._current_model()
        self._show_model()
        if not model:
            self.status.setText(
                self.tr("Choose a model in the main window first; your question is kept here.")
            )
            return
        self._set_asking(True)
        self.status.setText(self.tr("Asking {model}…").format(model=model.rpartition("|")[2]))
        self.answer_text = ""
        self.answer.clear()

        def stored(result: tuple[Conversation, Message]) -> None:
            target, _message = result
            created = self.conversation is None
            self.conversation = target
            self.open_button.setEnabled(True)
            self.input.clear()  # safe on disk now
            self.question.setText(text)
            self.question.show()
            if created:
                self._ctx.events.conversations_changed.emit()
            self._when(self._core.reply(target.id, model), self._started)

        new = self.conversation is None
        self._when(
            self._core.send(
                self.conversation,
                text,
                model=model,
                untitled=self.tr("Quick ask"),
                # A new one starts with the default prompt, as from the main window.
                system_prompt=prompt_for_new(self._ctx.settings) if new else "",
            ),
            stored,
        )

    def _set_asking(self, asking: bool) -> None:
        self._asking = asking
        self.input.setEnabled(not asking)
        self.stop_button.setVisible(asking)
        self.new_button.setVisible(not asking)

    def stop(self) -> None:
        """Stop the reply: what arrived is kept, as with Stop in the main window."""
        if self.conversation is not None:
            self._core.stop(self.conversation.id)

    def _started(self, live: LiveReply) -> None:
        self._streams.started_reply(live, self._append)

    def _append(self, chunk: str) -> None:
        self.answer_text += chunk
        cursor = self.answer.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(chunk)
        self.answer.ensureCursorVisible()

    def _finished(self, finished: FinishedReply) -> None:
        live = finished.live
        if self.conversation is None or live.conversation_id != self.conversation.id:
            return
        self._set_asking(False)
        self.input.setFocus()
        self._ctx.events.conversations_changed.emit()
        if finished.cancelled:
            self.status.setText(self.tr("Not sent."))
            return
        self.answer_text = finished.reply.content
        rendered = render_markdown(self.answer_text, dark=is_dark(), copy_label=self.tr("Copy"))
        self.answer.setHtml(rendered.html)
        if finished.error_text:
            self.status.setText(finished.error_text)
        elif finished.reply.outcome == "stopped":
            self.status.setText(self.tr("Stopped."))
        else:
            self.status.setText(self.tr("Saved as a conversation."))

    def _open(self) -> None:
        if self.conversation is not None:
            self._open_in_hearth(self.conversation.id)
            self.hide()

    # --- errors ----------------------------------------------------------------------------

    def _when(self, future: Future[T], on_done: Callable[[T], Any]) -> None:
        self._ctx.tasks.watch(future, on_done, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        """Said in the window; the question stays in the box to send again."""
        self._set_asking(False)
        if isinstance(exc, KnownError):
            self.status.setText(str(exc))
        else:
            log.error("quick ask failed", exc_info=exc)
            self.status.setText(self.tr("Something went wrong: {error}").format(error=exc))
