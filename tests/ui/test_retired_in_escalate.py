"""The escalate dialog with a remembered retired model: it says so, names the successor,
will not send to the dead id, and one click switches to the successor."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.cloud.keys import KeyStore
from app.cloud.providers import BASE_URLS, LAST_CLOUD_MODEL, LAST_PROVIDER, get_provider
from app.storage.records import Conversation, Message, utc_now
from app.ui.cloud.escalate import EscalationDialog
from app.ui.context import AppContext
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.openai_server import FakeOpenAI, openai_error

KEY = "sk-retiredDialogKey0123456789abcd"


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    # What DeepSeek's /models lists after the retirement (api-docs.deepseek.com/api/list-models)
    with (
        installed(MemoryKeyring()),
        FakeOpenAI(api_key=KEY, models=["deepseek-v4-flash", "deepseek-v4-pro"]) as server,
    ):
        assert isinstance(server, FakeOpenAI)
        yield server


@pytest.fixture
def ctx(make_context: Callable[[str], AppContext], fake: FakeOpenAI) -> AppContext:
    context = make_context("http://127.0.0.1:9")
    context.settings.set(BASE_URLS["deepseek"], fake.base_url)
    context.settings.set(LAST_PROVIDER, "deepseek")
    context.settings.set(LAST_CLOUD_MODEL, "deepseek-chat")  # chosen before 2026-07-24
    return context


def test_a_remembered_retired_id_is_named_with_its_successor_and_switched_in_one_click(
    qtbot: QtBot, ctx: AppContext, fake: FakeOpenAI
) -> None:
    KeyStore().set("deepseek", KEY)
    now = utc_now()
    conversation = Conversation(1, "Trip", now, now, model="llama3")
    messages = [Message(1, 1, "user", "你好, plan a trip", now)]
    dialog = EscalationDialog(ctx, conversation, messages, keys=KeyStore())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model_combo.count() == 2, timeout=5000)
    assert dialog.model() == "deepseek-chat"
    qtbot.waitUntil(dialog.retired.isVisible, timeout=5000)
    assert dialog.retired.label.text() == (
        "DeepSeek retired “deepseek-chat” on 2026-07-24; use “deepseek-v4-flash” instead."
    )
    assert dialog.retired.button.text() == "Use deepseek-v4-flash"
    qtbot.waitUntil(lambda: dialog.findings() == [], timeout=5000)
    assert not dialog.send_button.isEnabled()  # it would only fail at the provider

    dialog.retired.button.click()
    assert dialog.model() == "deepseek-v4-flash"
    assert not dialog.retired.isVisible()
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=5000)
    qtbot.waitUntil(lambda: "¥" in dialog.cost_label.text() or "$" in dialog.cost_label.text())
    dialog.send_button.click()
    decision = dialog.decision()
    assert decision is not None
    assert (decision.provider_id, decision.model) == ("deepseek", "deepseek-v4-flash")
    assert fake.chat_requests() == []  # the dialog itself sends nothing


def test_when_the_model_list_fails_the_dated_presets_stand_in(
    qtbot: QtBot, ctx: AppContext, fake: FakeOpenAI
) -> None:
    KeyStore().set("deepseek", KEY)
    fake.models_error = openai_error(503, "Service Unavailable", "server_error", None)
    now = utc_now()
    dialog = EscalationDialog(
        ctx, Conversation(1, "Trip", now, now, model="llama3"), [], keys=KeyStore()
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "checked 2026-12-01" in dialog.model_status.text(), timeout=5000)
    assert "Showing Hearth's list of models" in dialog.model_status.text()
    presets = [dialog.model_combo.itemText(i) for i in range(dialog.model_combo.count())]
    assert presets == list(get_provider("deepseek").models)
    assert "deepseek-chat" not in presets
