"""The cloud feature: ``install(window, ctx)`` adds "API keys…" and "Local-only mode"
to the menu whose objectName is ``menu_tools`` (created if the window has none), and a
status-bar label that shows, while it matters, that local-only mode is on and when
Ollama itself runs on another computer (``OLLAMA_HOST``).

The chat view opens ``EscalationDialog`` (``app.ui.cloud.escalate``) for "Send to
cloud…", then builds the engine with ``app.cloud.factory.engine_for`` and prices
replies with ``app.cloud.pricer.CloudPricer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import LOCAL_ONLY
from app.privacy.egress import ollama_host_label
from app.ui.context import AppContext

if TYPE_CHECKING:
    from app.cloud.keys import KeyStore
    from app.ui.cloud.keys_dialog import ApiKeysDialog


class EgressIndicator(QLabel):
    """ "🔒 Local only" while local-only mode is on; "Ollama runs on another computer"
    when ``OLLAMA_HOST`` is not this machine. Hidden when neither is true."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("egress_indicator")
        self._ctx = ctx
        ctx.events.settings_changed.connect(self._setting_changed)
        self.refresh()

    def _setting_changed(self, key: str) -> None:
        if key == LOCAL_ONLY.key:
            self.refresh()

    def refresh(self) -> None:
        parts: list[str] = []
        tips: list[str] = []
        if self._ctx.settings.get(LOCAL_ONLY):
            parts.append(self.tr("🔒 Local only"))
            tips.append(
                self.tr(
                    "Local-only mode is on: nothing is sent off this computer — no cloud "
                    "provider, no Ollama cloud model, no server elsewhere."
                )
            )
        remote = ollama_host_label(self._ctx.ollama_host)
        if remote:
            parts.append("☁ " + remote)
            tips.append(
                self.tr(
                    "Your messages travel over the network to that computer; Hearth checks "
                    "them for private data first."
                )
            )
        self.setText("  ·  ".join(parts))
        self.setToolTip("\n".join(tips))
        self.setVisible(bool(parts))


class CloudFeature(QObject):
    def __init__(self, window: QWidget, ctx: AppContext, keys: KeyStore | None = None) -> None:
        super().__init__(window)
        self.setObjectName("cloud_feature")
        self._window = window
        self._ctx = ctx
        # The keyring and the dialog load when the dialog first opens (~40 ms of start-up).
        self._keys = keys
        self.dialog: ApiKeysDialog | None = None
        self.indicator: EgressIndicator | None = None

        self.keys_action = QAction(self.tr("API keys…"), window)
        self.keys_action.setObjectName("action_api_keys")
        self.keys_action.triggered.connect(self._show_keys_from_menu)

        self.local_only_action = QAction(self.tr("Local-only mode"), window)
        self.local_only_action.setObjectName("action_local_only")
        self.local_only_action.setCheckable(True)
        self.local_only_action.setChecked(ctx.settings.get(LOCAL_ONLY))
        self.local_only_action.setToolTip(
            self.tr("Never contact a cloud service, whatever a conversation asks for.")
        )
        self.local_only_action.toggled.connect(self._set_local_only)
        ctx.events.settings_changed.connect(self._setting_changed)

    def _show_keys_from_menu(self) -> None:
        self.show_keys()

    @property
    def keys(self) -> KeyStore:
        if self._keys is None:
            with serial_imports:
                from app.cloud.keys import KeyStore

            self._keys = KeyStore()
        return self._keys

    def show_keys(self, provider_id: str | None = None) -> ApiKeysDialog:
        if self.dialog is None:
            with serial_imports:
                from app.ui.cloud.keys_dialog import ApiKeysDialog

            self.dialog = ApiKeysDialog(self._ctx, self.keys, self._window, provider_id)
        elif provider_id is not None:
            self.dialog.select_provider(provider_id)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _set_local_only(self, on: bool) -> None:
        if self._ctx.settings.get(LOCAL_ONLY) == on:
            return
        self._ctx.settings.set(LOCAL_ONLY, on)
        self._ctx.tasks.run(self._ctx.settings.save, None, None, owner=self)
        self._ctx.events.settings_changed.emit(LOCAL_ONLY.key)

    def _setting_changed(self, key: str) -> None:
        if key == LOCAL_ONLY.key:
            self.local_only_action.setChecked(self._ctx.settings.get(LOCAL_ONLY))


def install(window: QMainWindow, ctx: AppContext) -> CloudFeature:
    feature = CloudFeature(window, ctx)
    menu = window.findChild(QMenu, "menu_tools")
    if menu is None:
        menu = window.menuBar().addMenu(translate("MainWindow", "&Tools"))
        menu.setObjectName("menu_tools")
    menu.addAction(feature.keys_action)
    menu.addAction(feature.local_only_action)
    feature.indicator = EgressIndicator(ctx, window)
    window.statusBar().addPermanentWidget(feature.indicator)
    return feature
