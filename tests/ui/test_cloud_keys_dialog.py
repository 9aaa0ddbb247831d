"""The API keys dialog and the Tools menu actions, with real widgets."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from app.cloud.keys import SERVICE, KeyStore
from app.cloud.providers import BASE_URLS
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
        qtbot.waitUntil(lambda: "Connected to DeepSeek" in dialog.test_result.text(), timeout=5000)
        assert fake.requests[-1].headers["authorization"] == f"Bearer {KEY}"

    dialog.delete_button.click()
    box = dialog.confirm_delete
    assert box is not None and box.isVisible()
    yes = box.findChild(QPushButton, "confirm_delete_yes")
    assert yes is not None
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
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
        qtbot.waitUntil(lambda: "was refused" in dialog.test_result.text(), timeout=5000)
        assert KEY not in dialog.test_result.text()


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
    qtbot.waitUntil(ctx.settings.path.exists, timeout=5000)
    stored = ctx.settings.path.read_text(encoding="utf-8")
    assert "input_price_per_mtok" not in stored  # the old per-provider USD field is gone
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


# --- Enter, focus and confirmation: real key presses ---------------------------------------


def stored_key_dialog(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring, fake: FakeOpenAI
) -> ApiKeysDialog:
    ctx.settings.set(BASE_URLS["deepseek"], fake.base_url)
    KeyStore().set("deepseek", KEY)
    dialog = open_dialog(qtbot, ctx, "deepseek")
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.key_status.text() == "sk-…cdef", timeout=5000)
    return dialog


def test_enter_after_testing_never_deletes_the_key(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    with FakeOpenAI(api_key=KEY) as fake:
        assert isinstance(fake, FakeOpenAI)
        dialog = stored_key_dialog(qtbot, ctx, memory, fake)
        dialog.test_button.setFocus()
        qtbot.keyClick(dialog.test_button, Qt.Key.Key_Space)  # "Test connection"
        qtbot.waitUntil(lambda: "Connected" in dialog.test_result.text(), timeout=5000)
        for widget in (dialog.test_button, dialog.delete_button, dialog.key_edit):
            widget.setFocus()
            qtbot.keyClick(widget, Qt.Key.Key_Return)
            qtbot.keyClick(widget, Qt.Key.Key_Enter)
        qtbot.wait(200)
        assert memory.secrets[(SERVICE, "deepseek")] == KEY
        assert dialog.isVisible()
        assert "Connected" in dialog.test_result.text()  # the result is still there
        assert not dialog.delete_button.autoDefault() and not dialog.delete_button.isDefault()


def test_delete_asks_first_and_enter_keeps_the_key(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    with FakeOpenAI(api_key=KEY) as fake:
        assert isinstance(fake, FakeOpenAI)
        dialog = stored_key_dialog(qtbot, ctx, memory, fake)
        dialog.delete_button.setFocus()
        qtbot.keyClick(dialog.delete_button, Qt.Key.Key_Space)
        box = dialog.confirm_delete
        assert box is not None
        qtbot.waitExposed(box)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
        qtbot.wait(200)
        assert memory.secrets[(SERVICE, "deepseek")] == KEY

        qtbot.keyClick(dialog.delete_button, Qt.Key.Key_Space)
        box = dialog.confirm_delete
        assert box is not None
        qtbot.waitExposed(box)
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        qtbot.wait(200)
        assert memory.secrets[(SERVICE, "deepseek")] == KEY


def test_enter_in_the_key_field_stores_and_stays_open(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, ctx, "deepseek")
    qtbot.waitExposed(dialog)
    dialog.key_edit.setFocus()
    qtbot.keyClicks(dialog.key_edit, KEY)
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: memory.secrets.get((SERVICE, "deepseek")) == KEY, timeout=5000)
    qtbot.waitUntil(lambda: "Stored" in dialog.status.text(), timeout=5000)
    assert dialog.isVisible() and dialog.key_edit.text() == ""


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:/v1", "http://:8080/v1", "http://127.0.0.1:70000/v1", "http://x:0"]
)
def test_a_base_url_needs_a_host_and_a_valid_port(
    qtbot: QtBot, ctx: AppContext, memory: MemoryKeyring, url: str
) -> None:
    dialog = open_dialog(qtbot, ctx, "lmstudio")
    qtbot.waitExposed(dialog)
    dialog.base_url_edit.setFocus()
    qtbot.keyClicks(dialog.base_url_edit, url)
    qtbot.keyClick(dialog.base_url_edit, Qt.Key.Key_Return)
    assert "host" in dialog.status.text()
    assert ctx.settings.get(BASE_URLS["lmstudio"]) == ""
    dialog.test_button.click()  # testing a refused URL contacts nothing and says why
    assert "host" in dialog.status.text() and dialog.test_button.isEnabled()
    assert dialog.isVisible()


def test_local_only_and_a_remote_ollama_show_in_the_status_bar(
    qtbot: QtBot, make_context: Callable[[str], AppContext], memory: MemoryKeyring
) -> None:
    ctx = make_context("http://127.0.0.1:11434")
    remote_ctx = make_context("http://192.168.1.20:11434")  # before the first is saved
    window = QMainWindow()
    qtbot.addWidget(window)
    feature = install(window, ctx)
    window.show()
    indicator = feature.indicator
    assert indicator is not None and indicator.isHidden()
    assert indicator in window.statusBar().findChildren(type(indicator))
    feature.local_only_action.trigger()
    assert indicator.isVisible() and "Local only" in indicator.text()
    feature.local_only_action.trigger()
    assert indicator.isHidden()

    other = QMainWindow()
    qtbot.addWidget(other)
    remote = install(other, remote_ctx).indicator
    other.show()
    assert remote is not None and remote.isVisible()
    assert "192.168.1.20" in remote.text() and "Local only" not in remote.text()
