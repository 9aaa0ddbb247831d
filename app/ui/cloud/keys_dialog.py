"""The API keys dialog: per provider a masked key, set, test, delete, base URL and prices.

Keyring calls can block (a Secret Service may ask to unlock), so every one of them runs
through ``ctx.tasks``; the key text is cleared from the field as soon as it is handed
over and is never shown again — only its masked form.

Enter never does anything destructive or final here: no button is a default, Enter in
the key field stores the key (the dialog stays open to show what happened), and
deleting a key always asks first, with "Keep the key" as the answer Enter gives.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.cloud.factory import check_connection
from app.cloud.keys import KeyStore
from app.cloud.providers import (
    BASE_URLS,
    PROVIDERS,
    Provider,
    get_provider,
)
from app.core.errors import KnownError
from app.engines.base import EngineError
from app.engines.secret_guard import mask
from app.ui.cloud.price_editor import PriceEditor
from app.ui.context import AppContext


def error_text(exc: BaseException) -> str:
    if isinstance(exc, KnownError):
        return str(exc)
    if isinstance(exc, EngineError):
        return exc.detail
    return type(exc).__name__


class ApiKeysDialog(QDialog):
    keys_changed = Signal(str)
    """A provider's key was stored or deleted (its id)."""

    def __init__(
        self,
        ctx: AppContext,
        keys: KeyStore | None = None,
        parent: QWidget | None = None,
        provider_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("api_keys_dialog")
        self.setWindowTitle(self.tr("API keys"))
        self._ctx = ctx
        self._keys = keys or KeyStore()
        self._provider: Provider = get_provider(provider_id or PROVIDERS[0].id)

        self.provider_list = QListWidget(self)
        self.provider_list.setObjectName("provider_list")
        for provider in PROVIDERS:
            suffix = self.tr(" (local)") if provider.is_local else ""
            item = QListWidgetItem(provider.name + suffix)
            item.setData(Qt.ItemDataRole.UserRole, provider.id)
            self.provider_list.addItem(item)
        self.provider_list.setMaximumWidth(240)

        self.title = QLabel(self)
        self.title.setObjectName("provider_title")
        self.key_status = QLabel(self)
        self.key_status.setObjectName("key_status")
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("key_edit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("Paste the key here"))
        self.save_button = QPushButton(self.tr("Save key"), self)
        self.save_button.setObjectName("save_key")
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("test_connection")
        self.delete_button = QPushButton(self.tr("Delete key"), self)
        self.delete_button.setObjectName("delete_key")
        self.base_url_edit = QLineEdit(self)
        self.base_url_edit.setObjectName("base_url_edit")
        self.prices = PriceEditor(ctx.settings, self)  # h14: per-model prices, any currency
        self.input_price_edit = self.prices.input_price_edit
        self.output_price_edit = self.prices.output_price_edit
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm_delete: QMessageBox | None = None

        buttons = QHBoxLayout()
        for button in (self.save_button, self.test_button, self.delete_button):
            buttons.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("Stored key:"), self.key_status)
        form.addRow(self.tr("New key:"), self.key_edit)
        form.addRow("", _wrap(buttons))
        form.addRow(self.tr("Base URL:"), self.base_url_edit)
        self.price_label = QLabel(self.tr("Your price per million tokens:"), self)
        form.addRow(self.price_label, self.prices)
        details = QVBoxLayout()
        details.addWidget(self.title)
        details.addLayout(form)
        details.addWidget(self.status)
        details.addWidget(self.test_result)
        details.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        # No button is pressed by Enter: after "Test connection" the focus may sit on
        # "Delete key", and Enter in a field must not close the dialog.
        buttons_here: list[QAbstractButton] = [self.save_button, self.test_button]
        for candidate in [*buttons_here, self.delete_button, *close.buttons()]:
            if isinstance(candidate, QPushButton):
                candidate.setAutoDefault(False)
                candidate.setDefault(False)
        body = QHBoxLayout()
        body.addWidget(self.provider_list)
        body.addLayout(details, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(close)

        self.provider_list.currentRowChanged.connect(self._select_row)
        self.save_button.clicked.connect(self.save_key)
        self.test_button.clicked.connect(self.test_connection)
        self.delete_button.clicked.connect(self.ask_delete_key)
        self.key_edit.returnPressed.connect(self.save_key)
        self.base_url_edit.editingFinished.connect(self._save_base_url)
        self.prices.saved.connect(self._prices_saved)
        self.provider_list.setCurrentRow([p.id for p in PROVIDERS].index(self._provider.id))
        self.resize(760, 420)

    # --- selection ------------------------------------------------------------------------

    @property
    def provider(self) -> Provider:
        return self._provider

    def select_provider(self, provider_id: str) -> None:
        self.provider_list.setCurrentRow([p.id for p in PROVIDERS].index(provider_id))

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        self._provider = PROVIDERS[row]
        provider = self._provider
        self.title.setText(f"<b>{provider.name}</b>")
        self.key_edit.clear()
        self.status.clear()
        self.test_result.clear()
        self.base_url_edit.setPlaceholderText(provider.default_base_url or "https://…/v1")
        self.base_url_edit.setText(self._ctx.settings.get(BASE_URLS[provider.id]))
        has_prices = not provider.is_local
        for widget in (self.price_label, self.prices):
            widget.setVisible(has_prices)
        if has_prices:
            self.prices.set_provider(provider)
        self.key_status.setText(self.tr("Checking the keyring…"))
        self._refresh_key_status()

    def _refresh_key_status(self) -> None:
        provider_id = self._provider.id

        def shown(masked: str | None) -> None:
            if provider_id != self._provider.id:
                return
            self.key_status.setText(masked or self.tr("No key stored"))
            self.delete_button.setEnabled(masked is not None)

        def failed(exc: BaseException) -> None:
            if provider_id == self._provider.id:
                self.key_status.setText(self.tr("Keyring unavailable"))
                self.status.setText(error_text(exc))

        self._ctx.tasks.run(lambda: self._keys.masked(provider_id), shown, failed, owner=self)

    # --- actions --------------------------------------------------------------------------

    def save_key(self) -> None:
        key = self.key_edit.text().strip()
        self.key_edit.clear()  # the widget never holds the key longer than needed
        if not key:
            self.status.setText(self.tr("Paste a key first."))
            return
        provider_id = self._provider.id
        self.status.setText(self.tr("Storing the key in the keyring…"))

        def stored(_result: object) -> None:
            self.status.setText(self.tr("Stored {masked}.").format(masked=mask(key)))
            self.keys_changed.emit(provider_id)
            self._refresh_key_status()

        self._ctx.tasks.run(
            lambda: self._keys.set(provider_id, key), stored, self._show_error, owner=self
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter never presses a button of this dialog (QDialog would press its default,
        or close). In the key field it stores the key (``returnPressed``); in the base
        URL field it stores the URL (``editingFinished``); both then arrive here."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def ask_delete_key(self) -> QMessageBox:
        """Deleting a key cannot be undone: ask, with "Keep the key" as the default."""
        provider = self._provider
        box = QMessageBox(self)
        box.setObjectName("confirm_delete")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete key"))
        box.setText(
            self.tr("Delete the stored API key for {provider}?").format(provider=provider.name)
        )
        box.setInformativeText(
            self.tr("Hearth cannot use {provider} again until you paste a key.").format(
                provider=provider.name
            )
        )
        delete = box.addButton(self.tr("Delete key"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep the key"), QMessageBox.ButtonRole.RejectRole)
        delete.setObjectName("confirm_delete_yes")
        keep.setObjectName("confirm_delete_no")
        delete.setAutoDefault(False)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(button: QAbstractButton) -> None:
            if button is delete and provider.id == self._provider.id:
                self.delete_key()

        box.buttonClicked.connect(answered)
        box.finished.connect(lambda _result: box.deleteLater())
        self.confirm_delete = box
        box.open()
        return box

    def delete_key(self) -> None:
        """Delete at once (``ask_delete_key`` asks first; the button goes through it)."""
        provider_id = self._provider.id

        def deleted(existed: bool) -> None:
            self.status.setText(self.tr("Key deleted.") if existed else self.tr("No key stored."))
            self.keys_changed.emit(provider_id)
            self._refresh_key_status()

        self._ctx.tasks.run(
            lambda: self._keys.delete(provider_id), deleted, self._show_error, owner=self
        )

    def test_connection(self) -> None:
        if not self._save_base_url():
            return
        provider = self._provider
        self.test_result.setText(
            self.tr("Testing the connection to {provider}…").format(provider=provider.name)
        )
        self.test_button.setEnabled(False)

        def finish(message: str) -> None:
            self.test_button.setEnabled(True)
            self.test_button.setFocus()  # not on "Delete key", where focus went meanwhile
            if provider.id == self._provider.id:
                self.test_result.setText(message)

        def failed(exc: BaseException) -> None:
            finish(error_text(exc))

        settings = self._ctx.settings
        self._ctx.tasks.run(
            lambda: check_connection(provider.id, "", settings, self._keys),
            finish,
            failed,
            owner=self,
        )

    def _show_error(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))

    def _save_base_url(self) -> bool:
        """Store the typed base URL; False (and why, shown) when it cannot be used."""
        setting = BASE_URLS[self._provider.id]
        value = self.base_url_edit.text().strip()
        if value == self._ctx.settings.get(setting):
            return True
        try:
            self._ctx.settings.set(setting, value)
        except KnownError as exc:
            self.status.setText(str(exc))
            return False
        self.test_result.clear()  # a result for the old URL says nothing about the new one
        self._save_settings()
        self._ctx.events.settings_changed.emit(setting.key)
        return True

    def _save_settings(self) -> None:
        self._ctx.tasks.run(self._ctx.settings.save, None, self._show_error, owner=self)

    def _prices_saved(self, key: str) -> None:
        self._save_settings()
        self._ctx.events.settings_changed.emit(key)


def _wrap(layout: QHBoxLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
