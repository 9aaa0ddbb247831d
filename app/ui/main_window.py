"""The main window: conversations on the left, the chat on the right, a status bar."""

from __future__ import annotations

import importlib
import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolButton,
    QWidget,
)

from app import __version__
from app.chat.conversation import ChatCore
from app.chat.reply_parts import LazyGate
from app.chat.routes import EngineResolver
from app.chat.service import EnergyProbe, LazyEnergyProbe, LazyPricer, Pricer
from app.core.errors import KnownError
from app.core.lazy import serial_imports
from app.core.opening import OpeningGuard
from app.core.settings import LAST_CONVERSATION, SPLITTER_STATE, WINDOW_GEOMETRY
from app.engines.found import Discovery
from app.engines.ollama_service import (
    OllamaState,
    OllamaStatus,
    check_status,
    find_ollama_binary,
    start_server,
)
from app.ui.chat.asker import GuiAsker
from app.ui.chat.ollama_panel import OllamaPanel
from app.ui.chat.panel import ChatPanel
from app.ui.chat.streaming import StreamController
from app.ui.context import AppContext
from app.ui.conversation_list import ConversationList

if TYPE_CHECKING:
    from app.privacy.review import ConversationGate

TYPING_S = 1.5  # after a keystroke, the person is still typing
log = logging.getLogger(__name__)

# Each feature package exposes install(window, ctx): menus, status-bar widgets, dialogs.
FEATURES: tuple[str, ...] = (
    "app.ui.library",
    "app.ui.cloud",
    "app.ui.ledger",
    "app.ui.search",
    "app.ui.export",
    "app.ui.tray",  # issue 16: tray, quick ask, close to tray
    "app.ui.preferences",  # issue 16: every setting in one window
    "app.ui.shortcuts",  # issue 16: Help → Keyboard shortcuts; last, it lists the others
)
RECHECK_MS = 5000
UNDO_MS = 10_000


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Hearth"))
        self.setMinimumSize(520, 360)
        ctx.tasks.report_failures(self._report_failure)
        self.resolver = EngineResolver(ctx.settings, ctx.ollama_host)
        energy_probe, pricer = self._meters()
        # Issue 12: every reply passes the outbound gate; its questions open the findings
        # dialog over this window (the reply's thread waits, the window does not).
        self.asker = GuiAsker(self)
        resolver = self.resolver
        asker = self.asker

        def conversation_gate() -> ConversationGate:
            with serial_imports:
                from app.privacy.review import ConversationGate

            return ConversationGate(
                ctx.writer,
                ctx.settings,
                ctx.ollama_host,
                asker,
                ollama_details=lambda model: resolver.local().model_details(model),
            )

        self.gate = LazyGate(conversation_gate)
        self.core = ChatCore(
            ctx.writer,
            ctx.tasks.lane("replies"),
            self.resolver,
            energy_probe=energy_probe,
            pricer=pricer,
            gate=self.gate,
        )
        self.streams = StreamController(self.core, ctx.tasks, parent=self)
        self._status: OllamaStatus | None = None
        self._usable = False  # a local engine with a model answered the last look
        self._closing_confirmed = False
        self.quitting = False
        """Set by quit_hearth: this close is a quit even when closing would hide to the tray."""

        self.conversations = ConversationList(ctx, self)
        self.opening = OpeningGuard(ctx.writer.path.parent / "opening.json")
        self.chat = ChatPanel(ctx, self.streams, self.resolver, self, opening=self.opening)
        self.ollama_panel = OllamaPanel(self.chat, settings=ctx.settings)
        self.chat.add_overlay(self.ollama_panel)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.conversations)
        self.splitter.addWidget(self.chat)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 760])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        # Typing counts as busy for the idle collector: a full pass between keystrokes
        # was a 30–80 ms hitch in the filter over 10,000 conversations.
        self._typed_at = -TYPING_S
        self.conversations.filter.textChanged.connect(self._typing)
        self.chat.composer.edit.textChanged.connect(self._typing)
        self.conversations.selected.connect(self._open_conversation)
        self.conversations.new_requested.connect(self.new_conversation)
        self.conversations.deleted.connect(self._deleted)
        self.chat.conversation_created.connect(self._created)
        self.chat.conversation_changed.connect(lambda _id: self.conversations.refresh())
        self.chat.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.ollama_panel.retry_requested.connect(self.check_ollama)
        self.ollama_panel.server_added.connect(lambda _url: self.check_ollama())
        self.ollama_panel.start_requested.connect(self._start_ollama)
        self.ollama_panel.library_requested.connect(self._open_library)
        ctx.events.models_changed.connect(self.check_ollama)
        ctx.events.conversations_changed.connect(self.conversations.refresh)

        self._build_menus()
        self._build_status_bar()
        self._recheck = QTimer(self, interval=RECHECK_MS)
        self._recheck.timeout.connect(self._recheck_if_needed)
        self._install_features()
        self._restore()

    def _meters(self) -> tuple[EnergyProbe | None, Pricer | None]:
        """The energy probe and cloud pricer, when those features are present."""
        settings = self.ctx.settings

        def make_probe() -> EnergyProbe:
            with serial_imports:  # psutil and NVML's bindings: not while the window opens
                from app.ledger.energy import make_energy_probe

            return make_energy_probe(settings)

        def make_pricer() -> Pricer:
            with serial_imports:
                from app.cloud.pricer import make_pricer

            return make_pricer(settings)

        # NVML initialisation can take a while on machines with GPUs, and the price tables
        # a while to import: both are built on the worker thread at the first reply that
        # needs them, not while the window is opening.
        return LazyEnergyProbe(make_probe), LazyPricer(make_pricer)

    # --- building ------------------------------------------------------------------------

    def _menu(self, key: str, title: str) -> QMenu:
        menu = self.menuBar().addMenu(title)
        menu.setObjectName(f"menu_{key}")
        return menu

    def _build_menus(self) -> None:
        file_menu = self._menu("file", self.tr("&File"))
        new = QAction(self.tr("&New conversation"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_conversation)
        file_menu.addAction(new)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.setObjectName("action_quit")
        quit_action.triggered.connect(self.quit_hearth)
        file_menu.addAction(quit_action)

        conversation = self._menu("conversation", self.tr("&Conversation"))
        conversation.addAction(
            self.tr("&Rename…"), lambda: self.conversations.rename(self._current_id())
        )
        conversation.addAction(
            self.tr("&Delete"), lambda: self.conversations.delete(self._current_id())
        )
        conversation.addAction(self.tr("&System prompt…"), self.chat.edit_system_prompt)
        conversation.addSeparator()
        conversation.addAction(self.tr("Send to &cloud…"), self.chat.escalate)
        conversation.addAction(self.tr("Return to &local"), self.chat.return_to_local)
        stop = QAction(self.tr("S&top reply"), self)
        stop.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        stop.triggered.connect(self.chat.stop)
        conversation.addAction(stop)

        models = self._menu("models", self.tr("&Models"))
        models.addAction(self.tr("&Refresh model list"), self.check_ollama)
        self._menu("tools", self.tr("&Tools"))
        help_menu = self._menu("help", self.tr("&Help"))
        help_menu.addAction(self.tr("&About Hearth"), self._about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.ollama_label = QLabel(self.tr("Connecting to Ollama…"), self)
        self.ollama_label.setObjectName("ollama_status")
        bar.addWidget(self.ollama_label)
        self.undo_button = QToolButton(self)
        self.undo_button.setObjectName("undo_delete")
        self.undo_button.hide()
        bar.addWidget(self.undo_button)
        self._undo_timer = QTimer(self, singleShot=True, interval=UNDO_MS)
        self._undo_timer.timeout.connect(self.undo_button.hide)
        self._undo_id = 0
        self.undo_button.clicked.connect(self._undo)

    def _install_features(self) -> None:
        self.features: dict[str, object] = {}
        for name in FEATURES:
            module = importlib.import_module(name)
            self.features[name] = module.install(self, self.ctx)

    def _restore(self) -> None:
        settings = self.ctx.settings
        geometry = settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        else:
            self.resize(1000, 680)
        splitter = settings.get(SPLITTER_STATE)
        if splitter:
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode()))
        last = settings.get(LAST_CONVERSATION)
        self.conversations.refresh(select=last)

        def reopen(crashed_on: int | None) -> None:
            if crashed_on is not None:
                # Opening it again by itself could crash again, at every start.
                self.conversations.select(0)
                self.statusBar().showMessage(
                    self.tr(
                        "Hearth closed unexpectedly while opening a conversation last "
                        "time, so it was not reopened. Choose it in the list to try again."
                    )
                )
                return
            if last:
                self.chat.show_conversation(last)

        self.ctx.tasks.run(self.opening.left_over, reopen)
        self.chat.focus_composer()
        self.check_ollama()

    def working(self) -> bool:
        """A reply streams, the view is still formatting one, or the person typed in
        the last TYPING_S (see IdleCollector)."""
        return (
            time.monotonic() - self._typed_at < TYPING_S
            or bool(self.core.active())
            or self.chat.messages.rendering()
        )

    def _typing(self, *_text: str) -> None:
        self._typed_at = time.monotonic()

    # --- ollama ----------------------------------------------------------------------------

    def check_ollama(self) -> None:
        """Look around for local engines: Ollama's own state (for the first-run panel)
        and every engine that answers (for the model picker), on the quick lane."""
        host, settings, resolver = self.ctx.ollama_host, self.ctx.settings, self.resolver

        def look() -> tuple[OllamaStatus, Discovery]:
            with serial_imports:
                from app.engines.discovery import discover
                from app.engines.local import configured_addresses, keyring_lookup
            status = check_status(host)
            found = discover(
                host, configured_addresses(settings), keys=keyring_lookup(resolver.keys)
            )
            resolver.local_engines.learn(found.engines)
            return status, found

        self.ctx.tasks.run(look, self._show_status, self._status_failed, self)

    def _recheck_if_needed(self) -> None:
        if not self._usable:
            self.check_ollama()

    def _show_status(self, result: tuple[OllamaStatus, Discovery]) -> None:
        status, found = result
        self._status = status
        host = self.ctx.ollama_host
        others = [e for e in found.engines if e.engine_id != "ollama" and e.models]
        self._usable = status.state is OllamaState.READY or bool(others)
        self.chat.set_discovery(found)
        if status.state is OllamaState.READY:
            text = self.tr("Ollama {version} · {count} models").format(
                version=status.version, count=len(status.models)
            )
        else:
            text = {
                OllamaState.NOT_INSTALLED: self.tr("Ollama not installed"),
                OllamaState.NOT_RUNNING: self.tr("Ollama not running"),
                OllamaState.NO_MODELS: self.tr("Ollama has no models"),
            }.get(status.state, "")
        if others:
            names = ", ".join(dict.fromkeys(e.name for e in others))
            count = sum(len(e.models) for e in others)
            extra = self.tr("{engines} · {count} models").format(engines=names, count=count)
            text = f"{text} · {extra}" if status.state is OllamaState.READY else extra
        self.ollama_label.setText(text)
        if self._usable:
            self._recheck.stop()
            self.chat.show_overlay(None)
            return
        # No local engine with a model answered: both ways forward, Ollama or another server.
        self.ollama_panel.show_state(status.state, host, status.detail)
        self.chat.show_overlay(self.ollama_panel)
        if not self._recheck.isActive():
            self._recheck.start()

    def _report_failure(self, exc: BaseException) -> None:
        """Background work that failed with nobody to handle it: the person hears of it,
        in plain words for the environment's faults, with a logged trace for bugs."""
        if isinstance(exc, KnownError):
            self.statusBar().showMessage(str(exc), 10_000)
            return
        log.error("background task failed", exc_info=exc)
        self.statusBar().showMessage(
            self.tr("Something went wrong: {error} (details in the log)").format(error=exc),
            10_000,
        )

    def _status_failed(self, exc: BaseException) -> None:
        log.error("checking Ollama failed", exc_info=exc)
        self.ollama_label.setText(self.tr("Could not check Ollama: {error}").format(error=exc))

    def _start_ollama(self) -> None:
        binary = find_ollama_binary()
        if binary is None:
            self.check_ollama()
            return
        self.ollama_panel.set_starting()
        host = self.ctx.ollama_host
        self.ctx.tasks.run(
            lambda: start_server(binary, host),
            lambda _r: self.check_ollama(),
            self._start_failed,
            self,
        )

    def _start_failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Hearth"), str(exc))
        self.check_ollama()

    def _open_library(self) -> None:
        action = self.findChild(QAction, "action_model_library")
        if action is not None:
            action.trigger()

    # --- conversations ---------------------------------------------------------------------

    def _current_id(self) -> int:
        conversation = self.chat.conversation
        return conversation.id if conversation is not None else 0

    def new_conversation(self) -> None:
        self.conversations.select(0)
        self.chat.new_conversation()
        self._remember(0)

    def _open_conversation(self, conversation_id: int) -> None:
        self.chat.show_conversation(conversation_id)
        self._remember(conversation_id)

    def _created(self, conversation_id: int) -> None:
        self.conversations.refresh(select=conversation_id)
        self._remember(conversation_id)

    def _remember(self, conversation_id: int) -> None:
        self.ctx.settings.set(LAST_CONVERSATION, conversation_id)

    def _deleted(self, conversation_id: int, title: str) -> None:
        if self._current_id() == conversation_id:
            self.streams.stop(conversation_id)
            self.new_conversation()
        self._undo_id = conversation_id
        self.undo_button.setText(self.tr("Deleted “{title}” — Undo").format(title=title))
        self.undo_button.show()
        self._undo_timer.start()

    def _undo(self) -> None:
        if self._undo_id:
            self.conversations.undo_delete(self._undo_id)
            self.chat.show_conversation(self._undo_id)
            self._remember(self._undo_id)
        self._undo_id = 0
        self.undo_button.hide()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Hearth"),
            self.tr(
                "<b>Hearth {version}</b><p>Chat with local AI, send a conversation to the "
                "cloud only when you choose, and see what your hardware saves you.</p>"
            ).format(version=__version__),
        )

    # --- closing -----------------------------------------------------------------------------

    def active_downloads(self) -> bool:
        return any(
            callable(check := getattr(feature, "has_active_downloads", None)) and check()
            for feature in self.features.values()
        )

    def _cancel_downloads(self) -> None:
        for feature in self.features.values():
            cancel = getattr(feature, "cancel_downloads", None)
            if callable(cancel):
                cancel()

    def quit_hearth(self) -> None:
        """File → Quit and the tray's Quit: through the same closeEvent as closing the
        window, even when closing would only hide it in the tray."""
        self.quitting = True
        if self.close():
            # A window hidden in the tray closes without "the last window closed".
            QApplication.quit()
        else:
            self.quitting = False  # the person chose to stay (a download is running)

    def _kept_running(self) -> bool:
        """A feature keeps Hearth running instead (the tray, when the person wants it)."""
        return not self.quitting and any(
            callable(keep := getattr(feature, "keep_running", None)) and keep()
            for feature in self.features.values()
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._kept_running():
            event.ignore()  # not closed: nothing quits, nothing is shut down
            return
        if not self._closing_confirmed and self.active_downloads():
            answer = QMessageBox.question(
                self,
                self.tr("Quit Hearth?"),
                self.tr("A model is still downloading. Quit anyway? You can resume it next time."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self._closing_confirmed = True
        self._cancel_downloads()  # partial files stay; the library offers Resume next time
        self.chat.drafts.flush()  # what was typed in the last moment is kept too
        self.asker.close()
        self.core.close()
        # A clean quit is no crash, however soon after opening a conversation: one
        # unlink, on the way out.
        self.opening.end()
        settings = self.ctx.settings
        settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().toBase64().data()).decode())
        settings.set(SPLITTER_STATE, bytes(self.splitter.saveState().toBase64().data()).decode())
        try:
            settings.save()
        except Exception as exc:  # noqa: BLE001 - never block quitting on this
            log.warning("could not save settings on exit: %s", exc)
        super().closeEvent(event)
