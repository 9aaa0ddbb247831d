"""The chat panel's edit and branch actions (issue 16), apart so panel.py stays small:
what the controls in app/ui/chat/branch_pager.py ask for, done through ``ChatCore``'s
branch hooks (app/chat/branches.py), the view reloaded from what is stored."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from app.chat.conversation import ChatCore, LiveReply, Opened
from app.storage.records import Conversation, Message
from app.ui.chat.branch_pager import BranchControls, confirm_delete

if TYPE_CHECKING:
    from app.ui.chat.message_list import MessageList
    from app.ui.chat.streaming import StreamController
    from app.ui.context import AppContext

T = TypeVar("T")


class BranchFlow:
    """Mixed into ``ChatPanel`` (a QWidget): it uses the panel's core, view and helpers."""

    _core: ChatCore
    _ctx: AppContext
    _streams: StreamController
    _conversation: Conversation | None
    branches: BranchControls
    messages: MessageList

    def current_model(self) -> str:
        raise NotImplementedError

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def _when(self, future: Future[T], on_done: Callable[[T], Any]) -> None:
        raise NotImplementedError

    def _display(self, opened: Opened) -> None:
        raise NotImplementedError

    def _start(self, started: Future[LiveReply]) -> None:
        raise NotImplementedError

    def _refresh_versions(self, message_id: int) -> None:
        if self._conversation is not None:
            self.branches.refresh(self._core.alternatives(self._conversation.id, [message_id]))

    def _reload(self, conversation_id: int) -> None:
        def loaded(opened: Opened) -> None:
            if self._conversation is not None and self._conversation.id == conversation_id:
                self._display(opened)

        self._when(self._core.open(conversation_id), loaded)

    def switch_branch(self, message_id: int) -> None:
        conversation = self._conversation
        if conversation is not None:
            self._when(
                self._core.switch_branch(conversation.id, message_id),
                lambda opened: self._reload_with(opened, message_id),
            )

    def _reload_with(self, opened: Opened, message_id: int) -> None:
        if self._conversation is None or opened.conversation is None:
            return
        if self._conversation.id == opened.conversation.id:
            self._display(opened)
            widget = self.messages.widget_for(message_id)
            if widget is not None:
                QTimer.singleShot(
                    0, self._widget(), lambda: self.messages.ensureWidgetVisible(widget)
                )

    def edit_and_resend(self, message_id: int, text: str) -> None:
        conversation, model = self._conversation, self.current_model()
        if conversation is None:
            return
        if not model and not conversation.escalated:
            self.branches.edit_failed(
                message_id, QCoreApplication.translate("ChatPanel", "Choose a model first.")
            )
            return

        def stored(_edited: Message) -> None:
            # Safe on disk: the dialog may go. The view shows the new branch, then the
            # reply starts as after any message sent.
            self.branches.edit_stored(message_id)

            def shown(opened: Opened) -> None:
                if self._conversation is not None and self._conversation.id == conversation.id:
                    self._display(opened)
                self._start(self._core.reply(conversation.id, model))

            self._when(self._core.open(conversation.id), shown)

        def failed(exc: BaseException) -> None:
            self.branches.edit_failed(message_id, str(exc))

        future = self._core.edit(conversation.id, message_id, text)
        self._ctx.tasks.watch(future, stored, failed, owner=self._widget())

    def delete_message(self, message_id: int) -> None:
        conversation = self._conversation
        if conversation is None:
            return

        def ask(count: int) -> None:
            if confirm_delete(self._widget(), count):
                self._when(
                    self._core.delete_message(conversation.id, message_id),
                    lambda _deleted: self._reload(conversation.id),
                )

        self._when(self._core.branch_size(conversation.id, message_id), ask)
