"""The chat panel's system prompt and cloud actions, apart so panel.py stays small:
"System prompt…", "Send to cloud…" (the escalation dialog, then the reply at once) and
"Return to local", each done through ``ChatCore`` and shown once it is stored."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QWidget

from app.chat.conversation import ChatCore, LiveReply
from app.chat.system_prompt import prompt_for_new
from app.core.lazy import serial_imports
from app.storage.records import Conversation, Message
from app.ui.chat.system_prompt_dialog import SystemPromptDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from app.ui.chat.composer import Composer
    from app.ui.chat.message_list import MessageList
    from app.ui.chat.think_control import ThinkControl
    from app.ui.context import AppContext

T = TypeVar("T")


class CloudFlow:
    """Mixed into ``ChatPanel`` (a QWidget): it uses the panel's core, view and helpers."""

    _core: ChatCore
    _ctx: AppContext
    _conversation: Conversation | None
    _messages: list[Message]
    title: QLabel
    composer: Composer
    messages: MessageList
    think: ThinkControl
    conversation_created: SignalInstance
    conversation_changed: SignalInstance

    def current_model(self) -> str:
        raise NotImplementedError

    def _as_widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def show_conversation(self, conversation_id: int, at: int = 0, find: str = "") -> None:
        raise NotImplementedError

    def _when(self, future: Future[T], on_done: Callable[[T], Any]) -> None:
        raise NotImplementedError

    def _start(self, started: Future[LiveReply]) -> None:
        raise NotImplementedError

    def _refresh_versions(self, message_id: int) -> None:
        raise NotImplementedError

    def _update_cloud(self) -> None:
        raise NotImplementedError

    def _model_details_changed(self) -> None:
        raise NotImplementedError

    def edit_system_prompt(self) -> None:
        # Issue 16: a new conversation starts with the default; the dialog can set it.
        settings = self._ctx.settings
        new = self._conversation is None
        current = self._conversation.system_prompt if self._conversation else ""
        dialog = SystemPromptDialog(
            settings, prompt_for_new(settings) if new else current, new, self._as_widget()
        )
        if dialog.exec() != SystemPromptDialog.DialogCode.Accepted:
            return
        if dialog.default_changed():
            self._ctx.tasks.run(settings.save)  # a failure is reported by default
        text = dialog.text()
        conversation = self._conversation

        def saved(updated: Conversation) -> None:
            if conversation is None:
                self._conversation = updated
                self.title.setText(updated.title)
                self.conversation_created.emit(updated.id)
            elif self._conversation is not None and self._conversation.id == updated.id:
                self._conversation = replace(self._conversation, system_prompt=text)

        self._when(
            self._core.set_system_prompt(
                conversation,
                text,
                model=self.current_model(),
                untitled=QCoreApplication.translate("ChatPanel", "New conversation"),
            ),
            saved,
        )

    def escalate(self) -> None:
        with serial_imports:
            from app.ui.chat.escalation import escalate_conversation

        conversation = self._conversation
        if conversation is None:
            escalate_conversation(self._as_widget(), self._ctx, None, [], self._escalated)
            return

        def ask(history: list[Message]) -> None:
            # The check sees every message that would be sent, not only those on screen.
            escalate_conversation(
                self._as_widget(), self._ctx, conversation, history, self._escalated
            )

        self._when(self._core.history(conversation.id), ask)

    def _escalated(
        self, conversation: Conversation, messages: list[Message], choice: object = None
    ) -> None:
        if self._conversation is not None and self._conversation.id == conversation.id:
            self.show_conversation(conversation.id)
        self.conversation_changed.emit(conversation.id)
        self._send_escalated(conversation, messages, choice)

    def _send_escalated(
        self, conversation: Conversation, messages: list[Message], choice: object
    ) -> None:
        """Issue 12: the choice in "Send to cloud…" sends at once. What the person typed
        goes first; else the last question gets the cloud's answer (a last reply from
        the local model is redone there, as Regenerate would). The decision made in the
        dialog answers the gate for exactly what was shown; anything new asks again."""
        decision = getattr(choice, "decision", None)
        expect = getattr(self._core.gate, "expect", None)
        if decision is not None and callable(expect):
            expect(conversation.id, decision)
        if self._core.live(conversation.id) is not None:
            return
        if self.composer.edit.toPlainText().strip() or self.composer.attachments():
            self.composer.submit()
            return
        last = next((m for m in reversed(messages) if m.status != "streaming"), None)
        if last is None:
            return
        if last.role == "assistant":
            self._messages = [m for m in self._messages if m.id != last.id]
            self.messages.remove(last.id)
            started = self._core.regenerate(
                conversation.id, last.id, self.current_model(), think=self.think.wire()
            )
            self._when(started, lambda live: self._refresh_versions(live.message_id))
        else:
            started = self._core.reply(
                conversation.id, self.current_model(), think=self.think.wire()
            )
        self._start(started)

    def return_to_local(self) -> None:
        if self._conversation is None:
            return

        def saved(conversation: Conversation) -> None:
            # Shown as local only once it is stored as local.
            if self._conversation is not None and self._conversation.id == conversation.id:
                self._conversation = conversation
                self._update_cloud()
                self._model_details_changed()
            self.conversation_changed.emit(conversation.id)

        self._when(self._core.return_to_local(self._conversation.id), saved)
