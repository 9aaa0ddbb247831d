"""The context a conversation runs with, the warning before it outgrows it, and the
Advanced options that change it.

The panel calls :meth:`ContextBar.refresh` whenever the conversation, its model or its
length changes. The bar works out the context the engine actually runs with
(:mod:`app.engines.context`: the conversation's ``num_ctx``, a Modelfile's, Ollama's
default for this machine, or what another engine reports) and, from about 85 % of it
on (the reply's room included), shows a non-blocking warning offering "Raise context…"
(the Advanced options with the fit check) or "New conversation". Once per threshold per
conversation: the keys of warnings given are stored with the conversation's options.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.chat.options import ModelOptions, load_options, note_warning, save_options, warnings_given
from app.chat.routes import EngineResolver
from app.cloud.providers import provider_name
from app.core.lazy import serial_imports
from app.engines.addresses import parse_ref
from app.engines.base import ModelDetails
from app.engines.context import (
    ContextState,
    EffectiveContext,
    fixed_context,
    next_context_size,
    ollama_effective_context,
    reply_reserve_for,
    warning_due,
)
from app.engines.found import Discovery, FoundEngine, LocalModel
from app.engines.local import running_context
from app.storage.records import Conversation
from app.ui.chat.advanced_setup import (
    ANTHROPIC_KIND,
    OLLAMA_KIND,
    OPENAI_KIND,
    AdvancedSetup,
    count,
)
from app.ui.context import AppContext

if TYPE_CHECKING:
    from app.library.fit import Fit
    from app.ui.chat.advanced_dialog import AdvancedDialog

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Shown:
    conversation_id: int
    key: str


class ContextBar(QWidget):
    new_requested = Signal()
    changed = Signal()
    """The context changed for a reason of the bar's own (options read or saved, the
    machine measured): the panel recomputes what depends on it."""
    options_saved = Signal(int)  # conversation id

    def __init__(self, ctx: AppContext, resolver: EngineResolver, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("context_warning")
        self._ctx = ctx
        self._resolver = resolver
        self.discovery: Discovery | None = None
        self.machine_default: int | None = None
        self._options: dict[int, ModelOptions] = {}
        self._given: dict[int, frozenset[str]] = {}
        self._loading: set[int] = set()
        self._shown: _Shown | None = None
        self._last: tuple[Conversation | None, str, ModelDetails | None, int] = (None, "", None, 0)
        self.effective: EffectiveContext | None = None
        self.dialog: AdvancedDialog | None = None

        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setObjectName("context_warning_text")
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.raise_button = QPushButton(self.tr("Raise context…"), self)
        self.raise_button.setObjectName("raise_context")
        self.raise_button.clicked.connect(lambda: self.open_advanced(raise_context=True))
        row.addWidget(self.raise_button)
        self.new_button = QPushButton(self.tr("New conversation"), self)
        self.new_button.clicked.connect(self._new)
        row.addWidget(self.new_button)
        self.close_button = QPushButton("×", self)
        self.close_button.setToolTip(self.tr("Hide this warning"))
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.close_button)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # for the colour
        self.setStyleSheet("#context_warning { background-color: rgba(210, 153, 34, 0.22); }")
        self.hide()
        # Once the window is up: NVML's import and first call hold the GIL for ~25 ms,
        # which on a two-core machine comes straight out of the window's first paint.
        QTimer.singleShot(0, self, self._measure_machine)

    def _measure_machine(self) -> None:
        with serial_imports:
            from app.engines.machine_context import machine_default_num_ctx

        def measured(tokens: int) -> None:
            self.machine_default = tokens
            self.changed.emit()

        def unmeasured(exc: BaseException) -> None:  # not the person's problem: no warning
            log.warning("could not work out Ollama's default context: %s", exc)

        self._ctx.tasks.run(machine_default_num_ctx, measured, unmeasured, owner=self)

    # --- what the conversation runs with ---------------------------------------------------

    def _found(self, model: str) -> tuple[FoundEngine, LocalModel] | None:
        ref = parse_ref(model)
        if self.discovery is None or not model:
            return None
        if ref is None:  # a bare name: the Ollama Hearth talks to by default
            engine = self.discovery.engine_at("ollama", self._ctx.ollama_host)
        else:
            engine = self.discovery.engine_at(ref.engine_id, ref.base_url)
        found = engine.find(ref.model if ref is not None else model) if engine else None
        return (engine, found) if engine is not None and found is not None else None

    def kind_of(self, conversation: Conversation | None, model: str) -> str:
        if conversation is not None and conversation.escalated:
            return ANTHROPIC_KIND if conversation.cloud_provider == "anthropic" else OPENAI_KIND
        ref = parse_ref(model)
        return OLLAMA_KIND if ref is None or ref.engine_id == "ollama" else OPENAI_KIND

    def context_for(
        self, conversation: Conversation | None, model: str, details: ModelDetails | None
    ) -> EffectiveContext | None:
        """The context this conversation's next reply runs with, or None (a cloud: its
        context is the provider's, and it refuses rather than forgets)."""
        if conversation is not None and conversation.escalated:
            return None
        chosen = self._options.get(conversation.id) if conversation is not None else None
        model_max = details.context_length if details is not None else None
        if self.kind_of(conversation, model) == OLLAMA_KIND:
            default_ollama = self._resolver.is_local_ollama(parse_ref(model))
            return ollama_effective_context(
                chosen=chosen.num_ctx if chosen is not None else None,
                modelfile=details.num_ctx if details is not None else None,
                machine_default=self.machine_default if default_ollama else None,
                model_max=model_max,
            )
        found = self._found(model)
        if found is None:
            return fixed_context(None, model_max)
        running = running_context(*found)
        return fixed_context(running.tokens, found[1].max_context_length or model_max)

    # --- the warning -------------------------------------------------------------------------

    def refresh(
        self,
        conversation: Conversation | None,
        model: str,
        details: ModelDetails | None,
        tokens: int,
    ) -> None:
        self._last = (conversation, model, details, tokens)
        if conversation is None:
            self.effective = self.context_for(None, model, details)
            self._hide_shown()
            return
        cid = conversation.id
        if cid not in self._options:
            self._load(cid)
            return
        self.effective = self.context_for(conversation, model, details)
        if self._shown is not None and self._shown.conversation_id != cid:
            self._hide_shown()
        context = self.effective.tokens if self.effective is not None else None
        check, key = warning_due(tokens, context, self._given.get(cid, frozenset()))
        if check.state not in (ContextState.NEAR, ContextState.OVER):
            self._hide_shown()
            return
        if key is None or context is None:
            return  # given before: once per threshold per conversation
        self._given[cid] = self._given.get(cid, frozenset()) | {key}
        # Remembered so a restart does not warn again; a failure to store it only means
        # the warning may come once more, so it is logged, not put in front of the person.
        self._ctx.tasks.watch(
            self._ctx.writer.submit(lambda conn: note_warning(conn, cid, key)),
            None,
            self._failed,
            owner=self,
        )
        self._show(check.state, tokens, context)
        self._shown = _Shown(cid, key)

    def _show(self, state: ContextState, tokens: int, context: int) -> None:
        effective = self.effective
        model_max = effective.model_max if effective is not None else None
        can_raise = (
            effective is not None
            and effective.adjustable
            and self._proposal(tokens, context, model_max) is not None
        )
        if state is ContextState.OVER:
            text = self.tr(
                "This conversation (about {tokens} tokens) no longer fits the {context}-token "
                "context the model runs with: it is already forgetting the earliest messages."
            )
        else:
            text = self.tr(
                "This conversation (about {tokens} tokens) has nearly filled the "
                "{context}-token context the model runs with. Past it, the earliest messages "
                "are forgotten without a warning."
            )
        self.label.setText(text.format(tokens=count(tokens), context=count(context)))
        self.raise_button.setVisible(can_raise)
        self.show()

    @staticmethod
    def _proposal(tokens: int, context: int, model_max: int | None) -> int | None:
        """The next context size up that holds the conversation and its reply, or None
        when the model cannot go larger."""
        needed = max(tokens + reply_reserve_for(context), context + 1)
        size = next_context_size(needed, model_max)
        return size if size is not None and size > context else None

    def _hide_shown(self) -> None:
        self._shown = None
        self.hide()

    def _new(self) -> None:
        self._hide_shown()
        self.new_requested.emit()

    def _load(self, cid: int) -> None:
        if cid in self._loading:
            return
        self._loading.add(cid)

        def load(conn: sqlite3.Connection) -> tuple[ModelOptions, frozenset[str]]:
            return load_options(conn, cid), warnings_given(conn, cid)

        def loaded(result: tuple[ModelOptions, frozenset[str]]) -> None:
            self._loading.discard(cid)
            self._options[cid], self._given[cid] = result
            self.changed.emit()

        self._ctx.tasks.watch(self._ctx.writer.submit(load), loaded, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        log.warning("conversation options not read: %s", exc)

    # --- Advanced options ---------------------------------------------------------------------

    def advanced_clicked(self) -> None:
        self.open_advanced()

    def open_advanced(self, *, raise_context: bool = False) -> None:
        """The Advanced options for the conversation on screen; with ``raise_context``
        the next context size that holds it is proposed ("Raise context…")."""
        conversation, model, details, tokens = self._last
        if conversation is None:
            return
        effective = self.context_for(conversation, model, details)
        propose = None
        if raise_context and effective is not None and effective.tokens:
            propose = self._proposal(tokens, effective.tokens, effective.model_max)
        kind = self.kind_of(conversation, model)
        found = self._found(model)
        if conversation.escalated:
            engine_name = provider_name(conversation.cloud_provider or "")
        else:
            engine_name = found[0].name if found is not None else "Ollama"
        weights = found[1].size_bytes if found is not None else None
        machine_default = self.machine_default

        ref = parse_ref(model)
        shown_name = ref.model if ref is not None else model
        if conversation.escalated:
            shown_name = conversation.cloud_model or shown_name

        def gather() -> AdvancedSetup:
            fits: tuple[Fit, ...] = ()
            if kind == OLLAMA_KIND and weights:
                with serial_imports:
                    from app.hardware import probe_machine
                    from app.library.catalog import Architecture
                    from app.library.fit import fits_by_context

                arch = details.architecture if details is not None else None
                fits = tuple(
                    fits_by_context(
                        probe_machine(),
                        weights,
                        Architecture(*arch) if arch else None,
                        effective.model_max if effective is not None else None,
                    )
                )
            return AdvancedSetup(
                model=shown_name,
                engine_name=engine_name,
                kind=kind,
                context=effective,
                fits=fits,
                machine_default=machine_default,
            )

        current = self._options.get(conversation.id, ModelOptions())
        self._ctx.tasks.run(
            gather,
            lambda setup: self._show_dialog(conversation.id, setup, current, propose),
            owner=self,
        )

    def _show_dialog(
        self, cid: int, setup: AdvancedSetup, current: ModelOptions, propose: int | None
    ) -> None:
        with serial_imports:  # the dialog and the fit rules it shows: first use only
            from app.ui.chat.advanced_dialog import AdvancedDialog

        dialog = AdvancedDialog(setup, current, propose_context=propose, parent=self.window())
        self.dialog = dialog

        def accepted() -> None:
            options = dialog.chosen()

            def saved(_none: None) -> None:
                self._options[cid] = options
                self.options_saved.emit(cid)
                self.changed.emit()

            self._ctx.tasks.watch(
                self._ctx.writer.submit(lambda conn: save_options(conn, cid, options)),
                saved,
                owner=self,
            )

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
