"""The default system prompt for new conversations: set from "System prompt…", used by
conversations created afterwards (in the window and by ``hearth ask``'s core), never by
existing ones; settings from release 0.1.0 still load."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.chat.system_prompt import DEFAULT_SYSTEM_PROMPT, MAX_PROMPT_CHARS, prompt_for_new
from app.core import paths
from app.core.settings import LAST_MODEL, SettingError, Settings
from app.storage import repo
from app.ui.chat.system_prompt_dialog import DefaultPromptEditor, SystemPromptDialog
from app.ui.main_window import MainWindow
from tests.fakes.ollama_server import FakeOllama
from tests.ui.conftest import choose_model, wait_ready

OpenWindow = Callable[..., MainWindow]
FIXTURE = Path(__file__).parents[1] / "fixtures" / "release-0.1.0" / "settings.json"
HAIKU = "Answer in a haiku. 用中文回答。"


def send(qtbot: QtBot, window: MainWindow, text: str) -> None:
    before = len(window.chat.messages.widgets())
    window.chat.composer.edit.insertPlainText(text)  # QTest types ASCII only
    qtbot.keyClick(window.chat.composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            len(window.chat.messages.widgets()) == before + 2
            and window.chat.messages.widgets()[-1].status != "streaming"
        ),
        timeout=8000,
    )


def answer_dialog(
    monkeypatch: pytest.MonkeyPatch, text: str | None, use_for_new: bool, seen: list[str]
) -> None:
    """The person types ``text`` (None: leaves it), sets the box, presses OK."""

    def exec_(self: SystemPromptDialog) -> int:
        seen.append(self.text())
        if text is not None:
            self.edit.setPlainText(text)
        self.use_for_new.setChecked(use_for_new)
        self._accept()
        return int(self.result())

    monkeypatch.setattr(SystemPromptDialog, "exec", exec_)


def wire_messages(fake: FakeOllama) -> list[dict[str, Any]]:
    return list(fake.requests_to("/api/chat")[-1].body["messages"])


def test_settings_from_release_0_1_0_load_and_keep_their_values(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    shutil.copy(FIXTURE, path)
    settings = Settings(path)
    assert settings.get(DEFAULT_SYSTEM_PROMPT) == "" and prompt_for_new(settings) == ""
    assert settings.get(LAST_MODEL) == "qwen2.5:7b"
    settings.set(DEFAULT_SYSTEM_PROMPT, HAIKU)
    settings.save()
    again = Settings(path)
    assert again.get(DEFAULT_SYSTEM_PROMPT) == HAIKU and again.get(LAST_MODEL) == "qwen2.5:7b"
    stored = json.loads(path.read_text(encoding="utf-8"))["values"]
    assert stored["ui/last_conversation"] == 1  # nothing of 0.1.0's dropped


def test_a_default_prompt_has_a_limit_and_bad_values_on_disk_fall_back(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(SettingError, match="at most 20,000 characters"):
        settings.set(DEFAULT_SYSTEM_PROMPT, "x" * (MAX_PROMPT_CHARS + 1))
    (tmp_path / "odd.json").write_text(
        json.dumps({"version": 1, "values": {"chat/default_system_prompt": 42}}), encoding="utf-8"
    )
    assert Settings(tmp_path / "odd.json").get(DEFAULT_SYSTEM_PROMPT) == ""


def test_the_embeddable_editor_loads_and_applies(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    settings.set(DEFAULT_SYSTEM_PROMPT, "be brief")
    editor = DefaultPromptEditor(settings)
    qtbot.addWidget(editor)
    assert editor.edit.toPlainText() == "be brief"
    editor.edit.setPlainText("  be kind  ")
    editor.apply()
    assert settings.get(DEFAULT_SYSTEM_PROMPT) == "be kind"
    editor.edit.setPlainText("y" * (MAX_PROMPT_CHARS + 1))
    with pytest.raises(SettingError):
        editor.apply()


def test_new_conversations_start_with_the_default_and_old_ones_are_untouched(
    qtbot: QtBot,
    open_window: OpenWindow,
    fake_ollama: FakeOllama,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    choose_model(window, "llama3.2:latest")
    send(qtbot, window, "an old conversation")
    old = window.chat.conversation
    assert old is not None and wire_messages(fake_ollama)[0]["role"] == "user"

    # "System prompt…" on a new conversation, ticked "Use for new conversations".
    window.chat.new_conversation()
    seen: list[str] = []
    answer_dialog(monkeypatch, HAIKU, True, seen)
    window.chat.system_button.click()
    assert seen == [""]  # no default yet
    qtbot.waitUntil(lambda: Settings(paths.settings_path()).get(DEFAULT_SYSTEM_PROMPT) == HAIKU)
    send(qtbot, window, "the first with a prompt")
    assert wire_messages(fake_ollama)[0] == {"role": "system", "content": HAIKU}

    # Another new conversation: the default, without opening anything.
    window.chat.new_conversation()
    send(qtbot, window, "春天")
    assert wire_messages(fake_ollama)[0] == {"role": "system", "content": HAIKU}
    newest = window.chat.conversation
    assert newest is not None

    # The old conversation still has none.
    window.chat.show_conversation(old.id)
    qtbot.waitUntil(
        lambda: window.chat.conversation is not None and window.chat.conversation.id == old.id
    )
    send(qtbot, window, "still plain")
    assert all(m["role"] != "system" for m in wire_messages(fake_ollama))
    stored = window.ctx.writer.call(lambda c: repo.get_conversation(c, old.id))
    assert stored is not None and stored.system_prompt == ""

    # The dialog on a new conversation shows the default, ticked; unticking clears it.
    window.chat.new_conversation()
    seen.clear()
    answer_dialog(monkeypatch, None, False, seen)
    window.chat.system_button.click()
    assert seen == [HAIKU]
    qtbot.waitUntil(lambda: Settings(paths.settings_path()).get(DEFAULT_SYSTEM_PROMPT) == "")
    kept = window.ctx.writer.call(lambda c: repo.get_conversation(c, newest.id))
    assert kept is not None and kept.system_prompt == HAIKU  # unticking changed no conversation
    window.close()

    again = open_window()
    wait_ready(qtbot, again)
    assert again.ctx.settings.get(DEFAULT_SYSTEM_PROMPT) == ""
