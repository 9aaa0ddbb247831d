"""A crash while a conversation opens is not repeated at every start."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.core import paths
from app.core.opening import OpeningGuard
from app.core.settings import LAST_CONVERSATION, Settings
from app.storage import repo
from app.storage.writer import SerialWriter
from app.ui.main_window import MainWindow
from tests.ui.conftest import wait_ready

OpenWindow = Callable[..., MainWindow]


def seed() -> int:
    writer = SerialWriter(paths.database_path())
    conversation = writer.call(lambda c: repo.create_conversation(c, "Heavy one", "llama3.2"))
    writer.call(lambda c: repo.add_message(c, conversation.id, "user", "hello"))
    writer.close()
    settings = Settings(paths.settings_path())
    settings.set(LAST_CONVERSATION, conversation.id)
    settings.save()
    return conversation.id


def test_a_conversation_that_was_opening_when_hearth_died_is_not_reopened(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    conversation_id = seed()
    marker = paths.data_dir() / "opening.json"
    # What a run that died while building this conversation's messages left behind.
    marker.write_text(json.dumps({"conversation_id": conversation_id, "pid": 1}))

    window = open_window()
    wait_ready(qtbot, window)
    qtbot.waitUntil(lambda: "closed unexpectedly" in window.statusBar().currentMessage())
    qtbot.wait(200)
    assert window.chat.conversation is None and window.chat.messages.widgets() == []
    assert not marker.exists()

    # Chosen again by the person, it opens (and is guarded while it does).
    window.conversations.selected.emit(conversation_id)
    qtbot.waitUntil(lambda: window.chat.conversation is not None, timeout=5000)
    assert [w.text for w in window.chat.messages.widgets()] == ["hello"]
    qtbot.waitUntil(lambda: not marker.exists(), timeout=5000)


def test_opening_leaves_a_marker_only_while_it_builds(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversation_id = seed()
    marker = paths.data_dir() / "opening.json"
    written: list[object] = []
    begin = OpeningGuard.begin

    def recording_begin(guard: OpeningGuard, opening: int) -> None:
        begin(guard, opening)
        written.append(json.loads(marker.read_text())["conversation_id"])

    monkeypatch.setattr(OpeningGuard, "begin", recording_begin)
    window = open_window()
    qtbot.waitUntil(lambda: window.chat.conversation is not None, timeout=5000)
    assert window.chat.conversation.id == conversation_id
    assert written == [conversation_id]  # on disk before the messages were built
    # Shown without trouble: gone after a moment, so the next start reopens it.
    qtbot.waitUntil(lambda: not marker.exists(), timeout=5000)


def test_quitting_right_after_opening_is_not_taken_for_a_crash(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    seed()
    marker = paths.data_dir() / "opening.json"
    window = open_window()
    qtbot.waitUntil(lambda: window.chat.conversation is not None, timeout=5000)
    window.close()  # well within the moment the marker waits before it goes
    assert not marker.exists()
