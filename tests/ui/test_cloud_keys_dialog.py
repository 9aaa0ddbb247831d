"""The API keys dialog and the Tools menu actions, with real widgets."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from app.cloud.keys import SERVICE, KeyStore
from app.cloud.providers import BASE_URLS, INPUT_PRICES
from app.core.settings import LOCAL_ONLY
from app.pricing.custom import CustomEntry, custom_entries
from app.ui.cloud import install
from app.ui.cloud.keys_dialog import ApiKeysDialog
from app.ui.context import AppContext
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.openai_server import FakeOpenAI

KEY = "sk-KeysDialogTest0123456789abcdef"


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


@pytest.fixture
def ctx(make_context: Callable[[str], AppContext]) -> AppContext:
    return make_context("http://127.0.0.1:9")


def open_dialog(qtbot: QtBot, ctx: AppContext, provider: str) -> ApiKeysDialog:
    dialog = ApiKeysDialog(ctx, KeyStore(), None, provider)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_set_test_and_delete_a_key(qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring) -> None:
    with FakeOpenAI(api_key=KEY) as fake:
        assert isinstance(fake, FakeOpenAI)
        dialog = open_dialog(qtbot, ctx, "deepseek")
        qtbot.waitUntil(lambda: dialog.key_status.text() == "No key stored", timeout=5000)
        dialog.base_url_edit.setText(fake.base_url)
        dialog.base_url_edit.editingFinished.emit()
        assert ctx.settings.get(BASE_URLS["deepseek"]) == fake.base_url

        qtbot.keyClicks(dialog.key_edit, KEY)
        dialog.save_button.click()
        assert dialog.key_edit.text() == ""
        qtbot.waitUntil(lambda: dialog.key_status.text() == "sk-…cdef", timeout=5000)
        assert memory.secrets[(SERVICE, "deepseek")] == KEY
        assert KEY not in dialog.status.text()

        dialog.test_button.click()
        qtbot.waitUntil(lambda: "Connected to DeepSeek" in dialog.status.text(), timeout=5000)
        assert fake.requests[-1].headers["authorization"] == f"Bearer {KEY}"

    dialog.delete_button.click()
    qtbot.waitUntil(lambda: dialog.key_status.text() == "No key stored", timeout=5000)
    assert memory.secrets == {}


def test_a_refused_key_is_reported_in_plain_words(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    with FakeOpenAI(api_key="sk-the-right-one-0000000000") as fake:
        assert isinstance(fake, FakeOpenAI)
        ctx.settings.set(BASE_URLS["moonshot"], fake.base_url)
        KeyStore().set("moonshot", KEY)
        dialog = open_dialog(qtbot, ctx, "moonshot")
        dialog.test_button.click()
        qtbot.waitUntil(lambda: "was refused" in dialog.status.text(), timeout=5000)
        assert KEY not in dialog.status.text()


def test_without_a_secure_keyring_the_dialog_explains_and_stores_nothing(
    qtbot: QtBot, ctx: AppContext
) -> None:
    with installed(fail.Keyring()):
        dialog = open_dialog(qtbot, ctx, "openai")
        qtbot.waitUntil(lambda: dialog.key_status.text() == "Keyring unavailable", timeout=5000)
        qtbot.keyClicks(dialog.key_edit, KEY)
        dialog.save_button.click()
        qtbot.waitUntil(lambda: "secure keyring" in dialog.status.text(), timeout=5000)


def test_bad_base_urls_are_refused_and_prices_are_saved(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, ctx, "qwen")
    dialog.base_url_edit.setText("dashscope.aliyuncs.com")
    dialog.base_url_edit.editingFinished.emit()
    assert "http://" in dialog.status.text()
    assert ctx.settings.get(BASE_URLS["qwen"]) == ""
    assert dialog.input_price_edit.isVisible()
    prices = dialog.prices
    assert prices.currency.currentText() == "CNY"  # DashScope lists and bills in yuan
    prices.model.setCurrentIndex(prices.model.findData("qwen3.6-plus"))
    qtbot.keyClicks(prices.input_price_edit, "0.8")
    qtbot.keyClicks(prices.output_price_edit, "4.8")
    qtbot.keyClicks(prices.start_edit, "2026-12-01")
    prices.save_button.click()
    assert custom_entries(ctx.settings, "qwen", "qwen3.6-plus") == (
        CustomEntry(
            "qwen", "qwen3.6-plus", "CNY", Decimal("0.8"), Decimal("4.8"), date(2026, 12, 1)
        ),
    )
    assert "qwen3.6-plus" in prices.listing.text()
    assert ctx.settings.get(INPUT_PRICES["qwen"]) == 0  # the old per-provider USD field
    qtbot.waitUntil(ctx.settings.path.exists, timeout=5000)
    # An ambiguous amount is refused with both readings; nothing is stored
    prices.input_price_edit.clear()
    qtbot.keyClicks(prices.input_price_edit, "1.500")
    prices.save_button.click()
    assert "1500" in prices.problem.text()
    assert len(custom_entries(ctx.settings, "qwen", "qwen3.6-plus")) == 1
    dialog.select_provider("lmstudio")
    assert not dialog.input_price_edit.isVisible()  # local: no price to enter


def test_install_adds_keys_and_local_only_to_the_tools_menu(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    tools = window.menuBar().addMenu("&Tools")
    tools.setObjectName("menu_tools")
    feature = install(window, ctx)
    names = [action.objectName() for action in tools.actions()]
    assert names == ["action_api_keys", "action_local_only"]
    assert window.findChild(QMenu, "menu_tools") is tools

    feature.local_only_action.trigger()
    assert ctx.settings.get(LOCAL_ONLY) is True
    qtbot.waitUntil(
        lambda: (
            ctx.settings.path.exists()
            and json.loads(ctx.settings.path.read_text())["values"].get("privacy/local_only")
            is True
        ),
        timeout=5000,
    )
    feature.keys_action.trigger()
    assert feature.dialog is not None and feature.dialog.isVisible()
