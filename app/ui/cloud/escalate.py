""" "Send to cloud…": choose provider and model, see the cost and the privacy findings, decide.

Nothing leaves the machine from this dialog except, once a key is stored, the request
for the provider's model list (itself refused in local-only mode). The privacy check is
the outbound gate's (``app.privacy.gate.check_outbound``) for the chosen destination, so
what is shown here is exactly what the first send would ask about. The caller sends at
once after Accepted, answering the gate with ``decision().decision``; the stored
conversation is never rewritten.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.cloud.factory import available_models
from app.cloud.keys import KeyStore
from app.cloud.pricer import Tokens, price_request
from app.cloud.providers import (
    LAST_CLOUD_MODEL,
    LAST_PROVIDER,
    PRESETS_CHECKED,
    PROVIDERS,
    Provider,
    get_provider,
)
from app.cloud.providers import base_url as provider_base_url
from app.core.errors import KnownError
from app.core.lazy import serial_imports
from app.core.settings import LOCAL_ONLY, Settings
from app.engines.base import ChatMessage, ChatRequest
from app.engines.tokens import estimate_context_tokens
from app.ledger.money import in_usd
from app.ledger.settings import load_config
from app.privacy.egress import Destination, provider_destination
from app.privacy.gate import Action, Check, Decision, History, Item, Status, check_outbound
from app.privacy.store import history_for, load_allowances, load_sent
from app.storage.records import Conversation, Message
from app.ui.cloud.keys_dialog import ApiKeysDialog, error_text
from app.ui.cloud.retired_notice import RetiredNotice
from app.ui.context import AppContext

__all__ = ["EscalationDecision", "EscalationDialog"]


@dataclass(frozen=True)
class EscalationDecision:
    provider_id: str
    model: str
    decision: Decision
    """The answer to the gate for the first send; ``seen`` holds what was shown."""
    findings: tuple[Item, ...]

    @property
    def redact(self) -> bool:
        return self.decision.action is Action.REDACT


def currency(settings: Settings) -> tuple[str, Decimal]:
    """(ISO code, units per US dollar) from the ledger's settings, else US dollars."""
    try:
        with serial_imports:
            from app.ledger.settings import load_config
    except ImportError:
        return "USD", Decimal(1)
    config = load_config(settings)
    return config.currency, config.usd_rate


def format_amount(usd: Decimal, settings: Settings) -> str:
    code, rate = currency(settings)
    amount = usd * rate
    symbol = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(code, code + " ")
    precision = 2 if amount == 0 or amount >= Decimal("0.1") else 4
    return QLocale().toCurrencyString(float(amount), symbol, precision)


def conversation_texts(conversation: Conversation, messages: Sequence[Message]) -> list[str]:
    """Everything that would be sent, in order: the system prompt, then each message."""
    texts = [conversation.system_prompt] if conversation.system_prompt else []
    texts.extend(message.content for message in messages)
    return texts


def chat_messages(conversation: Conversation, messages: Sequence[Message]) -> list[ChatMessage]:
    result = (
        [ChatMessage("system", conversation.system_prompt)] if conversation.system_prompt else []
    )
    for message in messages:
        images = tuple(a.data for a in message.attachments if a.mime.startswith("image/"))
        result.append(ChatMessage(message.role, message.content, images))
    return result


class EscalationDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        conversation: Conversation,
        messages: Sequence[Message],
        parent: QWidget | None = None,
        *,
        keys: KeyStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalation_dialog")
        self.setWindowTitle(self.tr("Send to cloud"))
        self._ctx = ctx
        self._keys = keys or KeyStore()
        self._conversation = conversation
        self._messages = list(messages)
        self._wire = ChatRequest("", tuple(chat_messages(conversation, messages)))
        self._tokens = estimate_context_tokens(self._wire.messages)
        self._check: Check | None = None
        self._findings: list[Item] | None = None
        self._scan_generation = 0
        self._key_ok: dict[str, bool] = {}
        self._generation = 0
        self._cost_generation = 0
        self._decision: EscalationDecision | None = None

        self.provider_combo = QComboBox(self)
        self.provider_combo.setObjectName("provider_combo")
        for provider in PROVIDERS:
            label = provider.name + (self.tr(" (local)") if provider.is_local else "")
            self.provider_combo.addItem(label, provider.id)
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("model_combo")
        self.model_combo.setEditable(True)
        self.model_status = QLabel(self)
        self.model_status.setObjectName("model_status")
        self.retired = RetiredNotice(self)  # h14: a retired id names its successor
        self.key_label = QLabel(self)
        self.key_label.setObjectName("key_label")
        self.key_label.setWordWrap(True)
        self.set_key_button = QPushButton(self.tr("Set key…"), self)
        self.set_key_button.setObjectName("set_key_button")
        self.cost_label = QLabel(self)
        self.cost_label.setObjectName("cost_label")
        self.cost_label.setWordWrap(True)
        self.findings_summary = QLabel(self.tr("Checking for private data…"), self)
        self.findings_summary.setObjectName("findings_summary")
        self.findings_summary.setWordWrap(True)
        self.findings_view = QTextBrowser(self)
        self.findings_view.setObjectName("findings_view")
        self.findings_view.setOpenLinks(False)
        self.remember_box = QCheckBox(
            self.tr("Don't ask again in this conversation for these items"), self
        )
        self.remember_box.setObjectName("remember_box")
        self.remember_box.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.redact_button = QPushButton(self.tr("Redact and send"), self)
        self.redact_button.setObjectName("redact_button")
        self.send_button = QPushButton(self.tr("Send anyway"), self)
        self.send_button.setObjectName("send_button")

        form = QFormLayout()
        form.addRow(self.tr("Provider:"), self.provider_combo)
        form.addRow(self.tr("Model:"), self.model_combo)
        form.addRow("", self.model_status)
        form.addRow("", self.retired)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_label, 1)
        key_row.addWidget(self.set_key_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.cancel_button, self.redact_button, self.send_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(key_row)
        layout.addWidget(self.cost_label)
        layout.addWidget(self.findings_summary)
        layout.addWidget(self.findings_view, 1)
        layout.addWidget(self.remember_box)
        layout.addLayout(buttons)
        self.cancel_button.setDefault(True)

        self.cancel_button.clicked.connect(self.reject)
        self.redact_button.clicked.connect(lambda: self._decide(redact=True))
        self.send_button.clicked.connect(lambda: self._decide(redact=False))
        self.set_key_button.clicked.connect(self.open_keys_dialog)
        self.provider_combo.currentIndexChanged.connect(self._provider_changed)
        self.model_combo.currentTextChanged.connect(self._model_changed)
        self.retired.switch.connect(self.model_combo.setEditText)

        last = ctx.settings.get(LAST_PROVIDER)
        index = self.provider_combo.findData(last)
        self.provider_combo.setCurrentIndex(max(index, 0))
        if index <= 0:
            self._provider_changed()
        self.resize(720, 560)

    # --- state ----------------------------------------------------------------------------

    @property
    def provider(self) -> Provider:
        return get_provider(str(self.provider_combo.currentData()))

    def model(self) -> str:
        return self.model_combo.currentText().strip()

    def findings(self) -> list[Item]:
        return list(self._findings or [])

    def destination(self) -> Destination:
        provider = self.provider
        try:
            url = provider_base_url(provider, self._ctx.settings)
        except KnownError:
            url = ""  # no base URL yet: nowhere known, so never "this computer"
        return provider_destination(
            provider.id, self.model(), url, is_local=provider.is_local, name=provider.name
        )

    def decision(self) -> EscalationDecision | None:
        """What the person chose; None when they cancelled (or have not chosen yet)."""
        return self._decision

    def _blocked(self, provider: Provider) -> bool:
        """Local-only mode refuses whatever leaves this machine (the gate's rule)."""
        if not self._ctx.settings.get(LOCAL_ONLY):
            return False
        try:
            url = provider_base_url(provider, self._ctx.settings)
        except KnownError:
            return True
        return provider_destination(provider.id, "", url, is_local=provider.is_local).leaves_machine

    def _update_buttons(self) -> None:
        provider = self.provider
        ready = (
            self._findings is not None
            and bool(self.model())
            and not self.retired.show_for(provider.id, self.model())
            and not self._blocked(provider)
            and (not provider.needs_key or self._key_ok.get(provider.id, False))
        )
        has_findings = bool(self._findings)
        self.redact_button.setVisible(has_findings)
        self.remember_box.setVisible(has_findings)
        self.redact_button.setEnabled(ready)
        self.send_button.setText(self.tr("Send anyway") if has_findings else self.tr("Send"))
        self.send_button.setEnabled(ready)

    # --- provider, key, models ------------------------------------------------------------

    def _provider_changed(self) -> None:
        provider = self.provider
        self._generation += 1
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        self.model_combo.addItems(list(provider.models))
        last_model = self._ctx.settings.get(LAST_CLOUD_MODEL)
        if self._ctx.settings.get(LAST_PROVIDER) == provider.id and last_model:
            self.model_combo.setEditText(last_model)
        self.model_combo.blockSignals(False)
        self.model_status.clear()
        self._start_scan()
        if self._blocked(provider):
            self.key_label.setText(
                self.tr("Local-only mode is on: Hearth will not contact {provider}.").format(
                    provider=provider.name
                )
            )
            self.set_key_button.hide()
        else:
            self._check_key(provider)
        self._model_changed()

    def _check_key(self, provider: Provider) -> None:
        if not provider.needs_key:
            self.key_label.setText(
                self.tr("{provider} runs without an API key.").format(provider=provider.name)
            )
            self.set_key_button.hide()
            self._load_models(provider)
            return
        self.key_label.setText(self.tr("Checking the keyring…"))
        generation = self._generation

        def known(present: bool) -> None:
            self._key_ok[provider.id] = present
            if generation != self._generation:
                return
            self.set_key_button.setVisible(not present)
            if present:
                self.key_label.setText(
                    self.tr("Using your stored key for {provider}.").format(provider=provider.name)
                )
                self._load_models(provider)
            else:
                self.key_label.setText(
                    self.tr("No API key for {provider} is stored yet.").format(
                        provider=provider.name
                    )
                )
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.key_label.setText(error_text(exc))
                self.set_key_button.show()

        self._ctx.tasks.run(lambda: self._keys.get(provider.id) is not None, known, failed, self)

    def _load_models(self, provider: Provider) -> None:
        generation = self._generation
        self.model_status.setText(self.tr("Loading the model list…"))
        settings = self._ctx.settings

        def loaded(names: list[str]) -> None:
            if generation != self._generation:
                return
            current = self.model()
            remembered = self._ctx.settings.get(
                LAST_PROVIDER
            ) == provider.id and current == self._ctx.settings.get(LAST_CLOUD_MODEL)
            # Keep what the person chose before; a preset guess gives way to the real list.
            if names and current not in names and not remembered:
                current = names[0]
            self.model_combo.blockSignals(True)
            self.model_combo.clear()
            self.model_combo.addItems(names)
            self.model_combo.setEditText(current)
            self.model_combo.blockSignals(False)
            self.model_status.setText(self.tr("{count} models available.").format(count=len(names)))
            self._model_changed()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                # The presets stay in the list: say how old they are (h14).
                fallback = self.tr("Showing Hearth's list of models, checked %1.").replace(
                    "%1", PRESETS_CHECKED
                )
                self.model_status.setText(f"{error_text(exc)} {fallback}")

        self._ctx.tasks.run(
            lambda: available_models(provider.id, settings, self._keys), loaded, failed, self
        )

    def open_keys_dialog(self) -> ApiKeysDialog:
        dialog = ApiKeysDialog(self._ctx, self._keys, self, self.provider.id)
        dialog.setObjectName("escalation_keys_dialog")
        dialog.keys_changed.connect(lambda _pid: self._provider_changed())
        dialog.open()
        return dialog

    # --- cost -----------------------------------------------------------------------------

    def _model_changed(self, _text: str = "") -> None:
        self._update_buttons()
        provider, model, tokens = self.provider, self.model(), self._tokens
        settings = self._ctx.settings
        self._cost_generation += 1
        generation = self._cost_generation
        if not model:
            self.cost_label.setText(self.tr("Choose a model to see the cost."))
            return

        def compute() -> tuple[Decimal, Decimal] | str:
            now = datetime.now(UTC)
            try:
                sent = price_request(provider.id, model, Tokens(tokens, 0), now, settings)
                reply = price_request(provider.id, model, Tokens(0, 1000), now, settings)
            except Exception as exc:  # noqa: BLE001 - shown as "no price known"
                return error_text(exc)
            # h14: prices carry their currency (DeepSeek bills in yuan); the label below
            # converts dollars at the person's rate, so hand it dollars.
            config = load_config(settings)
            return (
                in_usd(sent.amount, sent.currency, config),
                in_usd(reply.amount, reply.currency, config),
            )

        def shown(result: tuple[Decimal, Decimal] | str) -> None:
            if generation != self._cost_generation:
                return
            self.cost_label.setText(self._cost_text(provider, tokens, result))

        self._ctx.tasks.run(compute, shown, None, self)

    def _cost_text(
        self, provider: Provider, tokens: int, result: tuple[Decimal, Decimal] | str
    ) -> str:
        count = QLocale().toString(tokens)
        if provider.is_local:
            return self.tr(
                "About {tokens} tokens of context. No API cost: it runs on your own server."
            ).format(tokens=count)
        if isinstance(result, str):
            return self.tr("About {tokens} tokens of context. {problem}").format(
                tokens=count, problem=result
            )
        sent, per_thousand = result
        settings = self._ctx.settings
        return self.tr(
            "Sending this conversation now: about {tokens} tokens ≈ {cost}. "
            "The reply costs {reply} per 1,000 tokens on top."
        ).format(
            tokens=count,
            cost=format_amount(sent, settings),
            reply=format_amount(per_thousand, settings),
        )

    # --- privacy --------------------------------------------------------------------------

    def _start_scan(self) -> None:
        """The gate's check for the chosen destination, with the conversation's records."""
        self._scan_generation += 1
        generation = self._scan_generation
        self._findings = None
        self.findings_summary.setText(self.tr("Checking for private data…"))
        destination, wire = self.destination(), self._wire
        conversation, messages = self._conversation, self._messages

        def load(conn: sqlite3.Connection) -> tuple[History, dict[str, Action]]:
            history = history_for(
                conversation, messages, load_sent(conn, conversation.id, destination.key)
            )
            return history, load_allowances(conn, conversation.id)

        def loaded(records: tuple[History, dict[str, Action]]) -> None:
            # The scan itself runs off the writer thread: on a long conversation it takes
            # a while, and replies' checkpoints must not wait behind it.
            history, allowances = records

            def check() -> Check:
                return check_outbound(
                    wire, destination, local_only=False, allowances=allowances, history=history
                )

            self._ctx.tasks.run(check, shown, failed, self)

        def shown(result: Check) -> None:
            if generation == self._scan_generation:
                self._show_findings(result)

        def failed(exc: BaseException) -> None:
            if generation == self._scan_generation:
                self.findings_summary.setText(error_text(exc))

        self._ctx.tasks.watch(self._ctx.writer.submit(load), loaded, failed, owner=self)

    def _show_findings(self, check: Check) -> None:
        with serial_imports:
            from app.ui.chat.outbound import findings_html

        self._check = check
        self._findings = list(check.ask)
        if check.status is Status.PASS and not check.destination.leaves_machine:
            self.findings_summary.setText(
                self.tr("{provider} runs on this computer: nothing leaves it.").format(
                    provider=self.provider.name
                )
            )
            self.findings_view.hide()
        elif not self._findings:
            self.findings_summary.setText(self.tr("No private data found in this conversation."))
            self.findings_view.hide()
        else:
            self.findings_summary.setText(
                self.tr(
                    "{count} possibly private items would be sent. Redact replaces each "
                    "with a label such as [EMAIL] in what is sent; your conversation keeps "
                    "your words."
                ).format(count=len(self._findings))
            )
            self.findings_view.setHtml(findings_html(self._findings, check))
            self.findings_view.show()
        self._update_buttons()

    # --- decision -------------------------------------------------------------------------

    def _decide(self, *, redact: bool) -> None:
        provider, model = self.provider, self.model()
        findings = tuple(self._findings or ())
        action = Action.REDACT if redact and findings else Action.SEND
        decision = Decision(
            action,
            remember=self.remember_box.isChecked() and bool(findings),
            seen=frozenset(item.fingerprint for item in findings),
        )
        self._decision = EscalationDecision(provider.id, model, decision, findings)
        settings = self._ctx.settings
        settings.set(LAST_PROVIDER, provider.id)
        settings.set(LAST_CLOUD_MODEL, model)
        self._ctx.tasks.run(settings.save, None, None)  # the GUI thread never writes files
        self.accept()

    def reject(self) -> None:
        self._decision = None
        super().reject()
