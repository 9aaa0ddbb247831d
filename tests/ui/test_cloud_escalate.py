"""The "Send to cloud…" dialog with real widgets, a real keyring store and a fake provider."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.cloud.keys import KeyStore
from app.cloud.providers import BASE_URLS
from app.core.settings import LOCAL_ONLY
from app.privacy import Kind
from app.privacy.gate import Action, apply_decision
from app.storage.records import Conversation, Message, utc_now
from app.ui.cloud.escalate import EscalationDialog
from app.ui.cloud.keys_dialog import ApiKeysDialog
from app.ui.context import AppContext
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.openai_server import FakeOpenAI

KEY = "sk-proj-EscalationTestKey0123456789"


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=KEY, models=["gpt-4.1", "gpt-4.1-mini"]) as server:
        assert isinstance(server, FakeOpenAI)
        yield server


@pytest.fixture
def ctx(make_context: Callable[[str], AppContext], fake: FakeOpenAI) -> AppContext:
    context = make_context("http://127.0.0.1:9")
    context.settings.set(BASE_URLS["openai"], fake.base_url)
    return context


def conversation(system: str = "") -> Conversation:
    now = utc_now()
    return Conversation(1, "Trip", now, now, model="llama3", system_prompt=system)


def message(number: int, role: str, text: str) -> Message:
    return Message(number, 1, role, text, utc_now())  # type: ignore[arg-type]


PRIVATE = [
    message(1, "user", "Book it for me, my mail is wang.wu@example.com"),
    message(2, "assistant", "Sure. Which phone number should the hotel call?"),
    message(3, "user", "13912345678, thanks"),
]


def open_dialog(
    qtbot: QtBot, ctx: AppContext, messages: list[Message], **kw: object
) -> EscalationDialog:
    dialog = EscalationDialog(ctx, conversation(**kw), messages, keys=KeyStore())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    provider = dialog.provider_combo.findData("openai")
    dialog.provider_combo.setCurrentIndex(provider)
    return dialog


def test_findings_models_and_cost_then_redact_and_send(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring, fake: FakeOpenAI
) -> None:
    KeyStore().set("openai", KEY)
    dialog = open_dialog(qtbot, ctx, PRIVATE)
    qtbot.waitUntil(lambda: dialog.model_combo.count() == 2, timeout=5000)
    assert [dialog.model_combo.itemText(i) for i in range(2)] == ["gpt-4.1", "gpt-4.1-mini"]
    qtbot.waitUntil(lambda: "$" in dialog.cost_label.text(), timeout=5000)
    assert "tokens" in dialog.cost_label.text()

    qtbot.waitUntil(lambda: len(dialog.findings()) == 2, timeout=5000)
    assert [f.kind for f in dialog.findings()] == [Kind.EMAIL, Kind.PHONE]
    shown = dialog.findings_view.toPlainText()
    assert "my mail is wang.wu@example.com" in shown
    assert "Message 3" in shown
    assert dialog.redact_button.isVisible() and dialog.send_button.text() == "Send anyway"

    qtbot.waitUntil(dialog.redact_button.isEnabled, timeout=5000)
    dialog.redact_button.click()
    decision = dialog.decision()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert decision is not None
    assert (decision.provider_id, decision.model, decision.redact) == ("openai", "gpt-4.1", True)
    assert len(decision.findings) == 2
    assert decision.decision.action is Action.REDACT and not decision.decision.remember
    assert decision.decision.seen == {item.fingerprint for item in dialog.findings()}
    # Nothing was sent from the dialog itself: the provider only saw the model-list request.
    assert fake.chat_requests() == []
    # The gate's own check is what the dialog showed; its decision redacts the outgoing copy.
    check = dialog._check
    assert check is not None and decision.decision.covers(check)
    sent = apply_decision(check, decision.decision).request.messages
    assert sent[0].content == "Book it for me, my mail is [EMAIL]"
    assert sent[2].content == "[PHONE], thanks"
    assert PRIVATE[0].content.endswith("wang.wu@example.com")  # the conversation is untouched


def test_dont_ask_again_is_offered_with_findings(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    KeyStore().set("openai", KEY)
    dialog = open_dialog(qtbot, ctx, PRIVATE)
    qtbot.waitUntil(lambda: len(dialog.findings()) == 2, timeout=5000)
    assert dialog.remember_box.isVisible()
    dialog.remember_box.setChecked(True)
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=5000)
    dialog.send_button.click()
    decision = dialog.decision()
    assert decision is not None
    assert decision.decision.action is Action.SEND and decision.decision.remember


def test_a_local_server_needs_no_privacy_question(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring, fake: FakeOpenAI
) -> None:
    fake.api_key = None
    ctx.settings.set(BASE_URLS["lmstudio"], fake.base_url)
    dialog = open_dialog(qtbot, ctx, PRIVATE)
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("lmstudio"))
    qtbot.waitUntil(lambda: "nothing leaves it" in dialog.findings_summary.text(), timeout=5000)
    assert dialog.findings() == [] and not dialog.redact_button.isVisible()


def test_a_clean_conversation_offers_plain_send(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    KeyStore().set("openai", KEY)
    dialog = open_dialog(qtbot, ctx, [message(1, "user", "Explain monads simply.")],
                         system="Be kind.")  # fmt: skip
    qtbot.waitUntil(
        lambda: dialog.findings() == [] and dialog.send_button.isEnabled(), timeout=5000
    )
    assert not dialog.redact_button.isVisible()
    assert dialog.send_button.text() == "Send"
    assert "No private data" in dialog.findings_summary.text()
    dialog.send_button.click()
    decision = dialog.decision()
    assert decision is not None and decision.redact is False


def test_cancel_decides_nothing(qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring) -> None:
    dialog = open_dialog(qtbot, ctx, PRIVATE)
    dialog.cancel_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.decision() is None


def test_a_missing_key_leads_to_the_keys_dialog_and_back(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring, fake: FakeOpenAI
) -> None:
    dialog = open_dialog(qtbot, ctx, PRIVATE)
    qtbot.waitUntil(lambda: "No API key for OpenAI" in dialog.key_label.text(), timeout=5000)
    assert dialog.set_key_button.isVisible()
    assert not dialog.send_button.isEnabled()

    dialog.set_key_button.click()
    keys_dialog = dialog.findChild(ApiKeysDialog)
    assert keys_dialog is not None and keys_dialog.isVisible()
    assert keys_dialog.provider.id == "openai"
    qtbot.keyClicks(keys_dialog.key_edit, KEY)
    keys_dialog.save_button.click()
    qtbot.waitUntil(lambda: memory.secrets.get(("Hearth", "openai")) == KEY, timeout=5000)
    qtbot.waitUntil(lambda: keys_dialog.key_status.text() == "sk-proj-…6789", timeout=5000)
    assert keys_dialog.key_edit.text() == ""

    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=5000)
    assert "Using your stored key" in dialog.key_label.text()


def test_local_only_mode_blocks_cloud_providers_without_contacting_them(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring, fake: FakeOpenAI
) -> None:
    KeyStore().set("openai", KEY)
    ctx.settings.set(LOCAL_ONLY, True)
    dialog = open_dialog(qtbot, ctx, PRIVATE)
    qtbot.waitUntil(lambda: dialog.findings() != [], timeout=5000)
    assert "Local-only mode is on" in dialog.key_label.text()
    assert not dialog.send_button.isEnabled() and not dialog.redact_button.isEnabled()
    qtbot.wait(300)
    assert fake.connections == 0

    # A local server is still fine: LM Studio pointed at the fake, which needs no key.
    fake.api_key = None
    ctx.settings.set(BASE_URLS["lmstudio"], fake.base_url)
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("lmstudio"))
    qtbot.waitUntil(lambda: dialog.model_combo.count() == 2, timeout=5000)
    qtbot.waitUntil(lambda: "No API cost" in dialog.cost_label.text(), timeout=5000)
    assert dialog.send_button.isEnabled()


def test_the_cost_is_in_the_persons_currency(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    from app.ledger.settings import CURRENCY, FX_RATE

    ctx.settings.set(CURRENCY, "CNY")
    ctx.settings.set(FX_RATE, Decimal("7.2"))
    KeyStore().set("openai", KEY)
    dialog = open_dialog(qtbot, ctx, PRIVATE)
    qtbot.waitUntil(lambda: "¥" in dialog.cost_label.text(), timeout=5000)
    assert "$" not in dialog.cost_label.text()


def test_a_provider_without_a_published_price_says_so(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, ctx, PRIVATE)
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("qwen"))
    qtbot.waitUntil(lambda: "No published price" in dialog.cost_label.text(), timeout=5000)


def test_a_provider_without_a_base_url_is_checked_as_leaving(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, ctx, PRIVATE)
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("custom"))
    qtbot.waitUntil(lambda: len(dialog.findings()) == 2, timeout=5000)
    assert dialog.destination().leaves_machine


def test_local_only_blocks_a_local_preset_moved_to_another_computer(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    ctx.settings.set(LOCAL_ONLY, True)
    ctx.settings.set(BASE_URLS["lmstudio"], "http://192.168.1.30:1234/v1")
    dialog = open_dialog(qtbot, ctx, PRIVATE)
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("lmstudio"))
    qtbot.waitUntil(lambda: "Local-only mode is on" in dialog.key_label.text(), timeout=5000)
    assert not dialog.send_button.isEnabled()
