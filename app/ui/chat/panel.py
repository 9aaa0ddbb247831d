"""The right-hand side: header (model, system prompt, cloud), messages, composer."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.chat.conversation import FinishedReply, LiveReply, Opened
from app.chat.routes import EngineResolver
from app.chat.system_prompt import prompt_for_new
from app.cloud.providers import provider_name
from app.core.errors import KnownError
from app.core.lazy import serial_imports
from app.core.opening import OpeningGuard
from app.core.settings import LAST_MODEL
from app.engines.addresses import parse_ref
from app.engines.base import ModelDetails
from app.engines.found import Discovery
from app.ledger.settings import load_config
from app.storage.records import Attachment, Conversation, Message
from app.ui.chat.attach_files import FileAttacher
from app.ui.chat.branch_flow import BranchFlow
from app.ui.chat.branch_pager import BranchControls
from app.ui.chat.cloud_flow import CloudFlow
from app.ui.chat.composer import Composer
from app.ui.chat.context_bar import ContextBar
from app.ui.chat.drafts import DraftKeeper
from app.ui.chat.find_bar import FindBar
from app.ui.chat.message_list import MessageList
from app.ui.chat.model_picker import ModelPicker
from app.ui.chat.reply_details import use_ledger_config
from app.ui.chat.streaming import StreamController
from app.ui.chat.think_control import ThinkControl, think_support_for
from app.ui.context import AppContext
from app.ui.widgets import ElidedLabel

log = logging.getLogger(__name__)
T = TypeVar("T")
OPENED_SETTLE_MS = 1500


class ChatPanel(BranchFlow, CloudFlow, QWidget):
    conversation_created = Signal(int)
    conversation_changed = Signal(int)  # title/model/cloud changed; the list refreshes
    status_message = Signal(str)
    streaming_changed = Signal(bool)

    def __init__(
        self,
        ctx: AppContext,
        streams: StreamController,
        resolver: EngineResolver,
        parent: QWidget | None = None,
        opening: OpeningGuard | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        use_ledger_config(lambda: load_config(ctx.settings))  # for each reply's details
        self._opening = opening
        self._streams = streams
        self._core = streams.core
        self._resolver = resolver
        self._conversation: Conversation | None = None
        self._messages: list[Message] = []  # the page on screen, not the whole history
        self._has_older = False
        self._context_tokens = 0  # of the whole history, estimated on the writer thread
        self._details: dict[str, ModelDetails] = {}
        self._load_token = 0
        streams.finished.connect(self._reply_finished)
        streams.store_failed.connect(self._store_failed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 8, 0)
        self.title = ElidedLabel(self.tr("New conversation"), self)
        self.title.setObjectName("conversation_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        header.addWidget(self.title, 1)
        # Every local engine's models, grouped by engine (app/ui/chat/model_picker.py).
        self.model_picker = ModelPicker(self)
        self.model_picker.setToolTip(self.tr("Model for this conversation"))
        self.model_picker.setMaximumWidth(280)
        self.model_picker.model_chosen.connect(lambda _ref: self._model_chosen(0))
        header.addWidget(self.model_picker)
        self.think = ThinkControl(self)  # issue 16: shown only for models that think
        self.think.choice_changed.connect(self._think_chosen)
        header.addWidget(self.think)
        self.system_button = QPushButton(self.tr("System prompt…"), self)
        self.system_button.clicked.connect(self.edit_system_prompt)
        header.addWidget(self.system_button)
        # Issues 15/16: temperature, top_p, seed and context length for this conversation.
        self.advanced_button = QPushButton(self.tr("Advanced…"), self)
        self.advanced_button.setObjectName("advanced_options")
        header.addWidget(self.advanced_button)
        self.cloud_button = QPushButton(self.tr("Send to cloud…"), self)
        self.cloud_button.setObjectName("send_to_cloud")
        self.cloud_button.clicked.connect(self.escalate)
        header.addWidget(self.cloud_button)
        layout.addLayout(header)

        self.cloud_banner = QWidget(self)
        banner = QHBoxLayout(self.cloud_banner)
        banner.setContentsMargins(8, 4, 8, 4)
        self.cloud_label = QLabel(self.cloud_banner)
        self.cloud_label.setObjectName("cloud_label")
        self.cloud_label.setWordWrap(True)
        banner.addWidget(self.cloud_label, 1)
        self.local_button = QPushButton(self.tr("Return to local"), self.cloud_banner)
        self.local_button.clicked.connect(self.return_to_local)
        banner.addWidget(self.local_button)
        self.cloud_banner.setStyleSheet("background-color: rgba(56, 139, 253, 0.18);")
        self.cloud_banner.hide()
        layout.addWidget(self.cloud_banner)

        self.hint = QLabel(self)
        self.hint.setObjectName("escalation_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text); padding: 0 8px;")
        self.hint.hide()
        layout.addWidget(self.hint)
        # Issue 15: warns before the conversation outgrows the context it runs with.
        self.context_bar = ContextBar(ctx, resolver, self)
        self.context_bar.new_requested.connect(self.new_conversation)
        self.context_bar.changed.connect(self._update_hint)
        self.advanced_button.clicked.connect(self.context_bar.advanced_clicked)
        layout.addWidget(self.context_bar)

        self.stack = QStackedWidget(self)
        self.messages = MessageList(self)
        self.messages.regenerate_requested.connect(self.regenerate)
        self.messages.retry_requested.connect(lambda mid: self.regenerate(mid, retry=True))
        # Issue 16: versions, Edit and Delete (app/ui/chat/branch_pager.py).
        self.branches = BranchControls(self.messages, self._when, self)
        self.messages.decorate = self.branches.decorate
        self.branches.switch_requested.connect(self.switch_branch)
        self.branches.edit_submitted.connect(self.edit_and_resend)
        self.branches.delete_requested.connect(self.delete_message)
        self.stack.addWidget(self.messages)
        # Ctrl+F: find in the loaded messages (app/ui/chat/find_bar.py).
        self.find_bar = FindBar(self.messages, self)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.stack, 1)

        self.composer = Composer(self)
        self.composer.setContentsMargins(8, 0, 8, 8)
        self.composer.send_requested.connect(self.send)
        self.composer.stop_requested.connect(self.stop)
        # Issue 16: documents and dropped files (app/ui/chat/attach_files.py), drafts kept
        # per conversation across restarts (app/ui/chat/drafts.py).
        self.files = FileAttacher(
            ctx.tasks, self.composer, self, self._error, lambda: self._update_hint(True)
        )
        self.composer.attach_requested.connect(self.files.choose_images)
        self.composer.files_dropped.connect(self.files.load)
        self.composer.document_requested.connect(self.files.choose_documents)
        self.drafts = DraftKeeper(ctx.writer, ctx.tasks, self.composer, self)
        self.drafts.load()
        layout.addWidget(self.composer)
        self.setAcceptDrops(False)

    # --- public --------------------------------------------------------------------------

    @property
    def conversation(self) -> Conversation | None:
        return self._conversation

    def add_overlay(self, widget: QWidget) -> None:
        self.stack.addWidget(widget)

    def show_overlay(self, widget: QWidget | None) -> None:
        self.stack.setCurrentWidget(widget or self.messages)

    def focus_composer(self) -> None:
        self.composer.edit.setFocus()

    def set_discovery(self, discovery: Discovery) -> None:
        """What the look around found: every local engine and its models."""
        current = self.current_model()
        self.model_picker.set_discovery(discovery)
        self.context_bar.discovery = discovery
        preferred = [
            self._conversation.model if self._conversation else "",
            current,
            self._ctx.settings.get(LAST_MODEL),
        ]
        for name in preferred:
            if name and self._select_model(name):
                break
        self._model_details_changed()

    def current_model(self) -> str:
        """The chosen model: a bare name for the default Ollama (as earlier releases
        stored it), else the picker's reference ``engine|url|model``."""
        ref = self.model_picker.current_ref()
        if not ref:
            return ""
        parsed = parse_ref(ref)
        if parsed is not None and self._resolver.is_local_ollama(parsed):
            return parsed.model
        return ref

    def new_conversation(self) -> None:
        self._load_token += 1  # a load still under way is no longer wanted
        self._conversation = None
        self._messages = []
        self._has_older = False
        self._context_tokens = 0
        self._clear_messages()
        self.title.setText(self.tr("New conversation"))
        self.think.set_choice(None)
        self.composer.switch_conversation(None)  # issue 12: nothing pending carries over
        self._update_cloud()
        self._update_streaming()
        self._update_hint()
        self.focus_composer()

    def _clear_messages(self) -> None:
        # Replies still streaming keep going, but their widgets are about to be deleted:
        # detach them (a reopened conversation attaches its reply to the new widget).
        self._streams.detach_all()
        self.messages.clear()

    def show_conversation(self, conversation_id: int, at: int = 0, find: str = "") -> None:
        """Open a conversation; with ``at``, reaching back to that message and showing
        it (a search result), ``find`` marked in it by the find bar."""
        self._load_token += 1
        token = self._load_token

        def loaded(opened: Opened) -> None:
            if token != self._load_token:
                return  # the person already moved on to another conversation
            if opened.conversation is None:
                self.new_conversation()
                return
            self._display(opened)
            if at:
                self.find_bar.reveal(at, find)
            self._settled(token)

        def load() -> Future[Opened]:
            return (
                self._core.open_at(conversation_id, at) if at else self._core.open(conversation_id)
            )

        guard = self._opening
        if guard is None:
            self._when(load(), loaded)
            return
        # Marked on disk before anything is built, so a crash while showing it is not
        # repeated at the next start (see app/core/opening.py).
        self._ctx.tasks.run(
            lambda: guard.begin(conversation_id),
            lambda _none: self._when(load(), loaded),
            self._error,
            owner=self,
        )

    def _settled(self, token: int) -> None:
        """Shown and painted for a moment without trouble: the guard's marker can go."""
        guard = self._opening
        if guard is None:
            return

        def clear() -> None:
            if token == self._load_token:
                self._ctx.tasks.run(guard.end)

        QTimer.singleShot(OPENED_SETTLE_MS, self, clear)

    # --- display -------------------------------------------------------------------------

    def _display(self, opened: Opened) -> None:
        conversation = opened.conversation
        assert conversation is not None
        self._conversation = conversation
        self._messages = list(opened.messages)
        self._has_older = opened.has_older
        self.title.setText(conversation.title)
        self.think.set_choice(conversation.think)
        self.composer.switch_conversation(conversation.id)  # issue 12: drafts stay apart
        self._clear_messages()
        self.branches.set_versions(opened.alternatives)
        self.messages.show_messages(self._messages, has_older=opened.has_older)
        self.messages.set_older_loader(self._load_older)
        live = self._core.live(conversation.id)
        if live is not None:
            widget = self.messages.widget_for(live.message_id)
            if widget is not None:
                # The live reply is ahead of the stored checkpoint: show all of it, then
                # follow it from exactly there.
                widget.resume(live.snapshot())
                if live.thought.started:
                    widget.thinking.resume(*live.thought.snapshot())
                self._streams.follow(live, widget.append, widget.feed_thinking)
        if conversation.model:
            self._select_model(conversation.model)
        self._update_cloud()
        self._update_streaming()
        self._model_details_changed()
        self._estimate_context()
        self._mark_sent_versions()

    def _mark_sent_versions(self) -> None:
        """Issue 12: a message whose copy left redacted says so, and what was sent (the
        view keeps showing the person's own words)."""
        conversation = self._conversation
        if conversation is None:
            return
        with serial_imports:
            from app.privacy.store import redacted_versions, sent_as_note

        def marked(versions: dict[int, list[Any]]) -> None:
            if self._conversation is None or self._conversation.id != conversation.id:
                return
            for message_id, sent in versions.items():
                widget = self.messages.widget_for(message_id)
                if widget is not None:
                    widget.setToolTip(sent_as_note(sent[-1]))

        self._when(
            self._ctx.writer.submit(lambda conn: redacted_versions(conn, conversation.id)), marked
        )

    def _estimate_context(self) -> None:
        conversation = self._conversation
        if conversation is None:
            return
        model = self.current_model()

        def estimated(tokens: int) -> None:
            if self._conversation is not None and self._conversation.id == conversation.id:
                self._context_tokens = tokens
                self._update_hint()

        self._when(self._core.context_estimate(conversation.id, model), estimated)

    def _load_older(self, before_message_id: int, limit: int) -> None:
        """The message list scrolled to the top of what it has: the page before."""
        conversation, token = self._conversation, self._load_token
        if conversation is None:
            return

        def got(result: tuple[list[Message], bool]) -> None:
            if token == self._load_token:
                self.messages.prepend_messages(result[0], has_older=result[1])
                ids = [m.id for m in result[0]]
                self.branches.refresh(self._core.alternatives(conversation.id, ids))

        self._when(self._core.older(conversation.id, before_message_id, limit), got)

    def _select_model(self, name: str) -> bool:
        return self.model_picker.select_ref(name)

    def _update_cloud(self) -> None:
        conversation = self._conversation
        escalated = conversation is not None and conversation.escalated
        self.cloud_banner.setVisible(escalated)
        self.model_picker.setEnabled(not escalated)
        if escalated and conversation is not None:
            self.cloud_label.setText(
                self.tr(
                    "☁ This conversation goes to {provider} · {model}. "
                    "Its replies are billed by the provider."
                ).format(
                    provider=provider_name(conversation.cloud_provider or ""),
                    model=conversation.cloud_model,
                )
            )
        self.cloud_button.setEnabled(not escalated)

    def _update_streaming(self) -> None:
        streaming = (
            self._conversation is not None and self._core.live(self._conversation.id) is not None
        )
        self.composer.set_streaming(streaming)
        self.streaming_changed.emit(streaming)

    # --- model and hints -------------------------------------------------------------------

    def _model_chosen(self, _index: int) -> None:
        model = self.current_model()
        if not model:
            return
        self._ctx.settings.set(LAST_MODEL, model)
        self._ctx.tasks.run(self._ctx.settings.save)  # a failure is reported by default
        if self._conversation is not None and self._conversation.model != model:
            conversation = replace(self._conversation, model=model)

            def saved(_none: None) -> None:
                if self._conversation is not None and self._conversation.id == conversation.id:
                    self._conversation = replace(self._conversation, model=model)

            self._when(self._core.set_model(conversation.id, model), saved)
        self._model_details_changed()

    def _model_details_changed(self) -> None:
        model = self.current_model()
        if not model:
            self.composer.set_vision(False)
            return
        if model in self._details:
            self._apply_details(self._details[model])
            return
        resolver = self._resolver

        def got(details: ModelDetails) -> None:
            self._details[model] = details
            if self.current_model() == model:
                self._apply_details(details)

        def unknown(exc: BaseException) -> None:
            # The status bar already says when the engine is unreachable; without
            # details the composer simply offers no images.
            log.info("no details for %s: %s", model, exc)

        self._ctx.tasks.run(lambda: resolver.details_for(model), got, unknown, self)

    def _apply_details(self, details: ModelDetails) -> None:
        escalated = self._conversation is not None and self._conversation.escalated
        self.composer.set_vision(details.vision or escalated, self.current_model())
        self.think.set_support(think_support_for(self._conversation, self.current_model(), details))
        self._update_hint()

    def _update_hint(self, pending_images: bool = False) -> None:
        model = self.current_model()
        details = self._details.get(model)
        hint = ""
        if details is not None and not (self._conversation and self._conversation.escalated):
            context = self._context_tokens if self._conversation else 0
            if details.context_length and context > details.context_length:
                hint = self.tr(
                    "This conversation (about {tokens} tokens) is longer than {model} can "
                    "read at once ({limit}). Earlier messages will be cut off — "
                    "consider “Send to cloud…”."
                ).format(tokens=context, model=model, limit=details.context_length)
            elif pending_images and not details.vision:
                hint = self.tr(
                    "{model} cannot see images. Choose a vision model, or “Send to cloud…” "
                    "to a model that can."
                ).format(model=model)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.advanced_button.setEnabled(self._conversation is not None)
        self.context_bar.refresh(self._conversation, model, details, self._context_tokens)
        escalated = self._conversation is not None and self._conversation.escalated
        # Issue 15: documents must fit the context the model runs with, not its maximum.
        running = self.context_bar.effective.tokens if self.context_bar.effective else None
        limit = (running or details.context_length or 0) if details and not escalated else 0
        used = self._context_tokens if self._conversation else 0
        self.composer.set_context_budget(limit, used, model)

    # --- actions -------------------------------------------------------------------------

    def send(self, text: str, attachments: list[Attachment]) -> None:
        model = self.current_model()
        if not model and not (self._conversation and self._conversation.escalated):
            self.status_message.emit(self.tr("Choose a model first."))
            return
        conversation = self._conversation

        def stored(result: tuple[Conversation, Message]) -> None:
            target, message = result
            # Only now is the text safe on disk: clear the draft it came from.
            self.composer.message_stored(conversation.id if conversation else None, target.id)
            created = conversation is None
            if self._conversation is None or self._conversation.id == target.id:
                self._conversation = target
                self._messages.append(message)
                self.title.setText(target.title)
                self.messages.add(message)
            if self.think.choice() != target.think:  # chosen before the conversation existed
                self._think_chosen(self.think.choice(), target)
            if created:
                self.conversation_created.emit(target.id)
            self._start(self._core.reply(target.id, model, think=self.think.wire()))

        self._when(
            self._core.send(
                conversation,
                text,
                attachments,
                model=model,
                untitled=self.tr("New conversation"),
                system_prompt=prompt_for_new(self._ctx.settings) if conversation is None else "",
            ),
            stored,
        )

    def _start(self, started: Future[LiveReply]) -> None:
        def ready(live: LiveReply) -> None:
            widget = None
            if self._conversation is not None and self._conversation.id == live.conversation_id:
                self._messages.append(live.placeholder)
                widget = self.messages.add(live.placeholder)
            self._streams.started_reply(
                live,
                widget.append if widget is not None else None,
                widget.feed_thinking if widget is not None else None,
            )
            self._update_streaming()

        self._when(started, ready)

    def stop(self) -> None:
        if self._conversation is not None:
            self._core.stop(self._conversation.id)

    def regenerate(self, message_id: int, retry: bool = False) -> None:
        """Ask for a reply again: a new version beside it (issue 16), or for a failed
        one (``retry``) in its place."""
        conversation = self._conversation
        if conversation is None or self._core.live(conversation.id) is not None:
            return
        self._messages = [m for m in self._messages if m.id != message_id]
        self.messages.remove(message_id)
        redo = self._core.retry if retry else self._core.regenerate
        started = redo(conversation.id, message_id, self.current_model(), think=self.think.wire())
        self._start(started)
        self._when(started, lambda live: self._refresh_versions(live.message_id))

    def _reply_finished(self, finished: FinishedReply) -> None:
        live, reply = finished.live, finished.reply
        if self._conversation is None or self._conversation.id != live.conversation_id:
            return
        if finished.cancelled:
            self._messages = [m for m in self._messages if m.id != live.message_id]
            self.messages.remove(live.message_id)
            self.status_message.emit(self.tr("Not sent: your message is kept here."))
            self._reload(live.conversation_id)  # a version it would have joined shows again
        else:
            self._messages = [
                replace(
                    m,
                    content=reply.content,
                    status=reply.outcome,
                    error=finished.error_text,
                    thinking=reply.thinking,
                    thinking_ms=live.thought.ms,
                    usage=finished.usage,
                )
                if m.id == live.message_id
                else m
                for m in self._messages
            ]
            widget = self.messages.widget_for(live.message_id)
            if widget is not None:
                widget.finish(reply.outcome, finished.error_text, live.model, finished.usage)
        self.messages.refresh_actions()
        self._update_streaming()
        self._estimate_context()
        self._mark_sent_versions()

    def _think_chosen(self, choice: object, target: Conversation | None = None) -> None:
        """Issue 16: the Think choice is the conversation's (kept on disk with it)."""
        conversation = target or self._conversation
        if conversation is None:
            return  # kept by the control until the first message creates one
        think = choice if isinstance(choice, str) else None
        if self._conversation is not None and self._conversation.id == conversation.id:
            self._conversation = replace(self._conversation, think=think)
        self._when(self._core.set_think(conversation.id, think), lambda _none: None)

    # --- errors ----------------------------------------------------------------------------

    def _when(self, future: Future[T], on_done: Callable[[T], Any]) -> None:
        """Call ``on_done`` on the GUI thread; a failure is shown to the person."""
        self._ctx.tasks.watch(future, on_done, self._error, owner=self)

    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            QMessageBox.warning(self, self.tr("Hearth"), str(exc))
        else:
            log.error("unexpected error", exc_info=exc)
            QMessageBox.critical(
                self,
                self.tr("Hearth"),
                self.tr("Something went wrong: {error}\nYour message is still in the box.").format(
                    error=exc
                ),
            )

    def _store_failed(self, message: str) -> None:
        self.status_message.emit(
            self.tr(
                "The reply is on screen but not saved yet: {reason}. Hearth keeps it and "
                "saves it as soon as it can."
            ).format(reason=message)
        )
