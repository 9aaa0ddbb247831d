"""A day of use in the real main window, not a feature for a few seconds: dozens of long
replies in one conversation, then a conversation of thousands of messages opened again
and again. On CPython 3.11 with PySide6 6.12.0 each void Qt call dropped a reference to
None and each signal emit one to True; Hearth aborted (none_dealloc / bool_dealloc)
during about the 9th reply and whenever a long conversation opened."""

from __future__ import annotations

import gc
import sqlite3
import sys
import time
from collections.abc import Callable

import psutil
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core import paths
from app.storage import repo
from app.storage.writer import SerialWriter
from app.ui.idle_collector import IdleCollector
from app.ui.main_window import MainWindow
from app.ui.tasks import LANE_WORKERS
from tests.fakes.ollama_server import ChatScript, FakeOllama, markdown_tokens
from tests.ui.conftest import wait_ready

OpenWindow = Callable[..., MainWindow]
REPLIES = 60
REPLY_TOKENS = 700
LONG = 3000
MORTAL_SINGLETONS = sys.version_info < (3, 12)  # from 3.12 on None and True are immortal


def singleton_refs() -> tuple[int, int]:
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True)


def test_the_installed_qt_does_not_leak_singleton_references(qtbot: QtBot) -> None:
    """What the dependency specification lets a fresh install pick must be clean."""

    class Emitter(QObject):
        fired = Signal(bool)

    widget = QWidget()
    qtbot.addWidget(widget)
    emitter = Emitter()
    emitter.fired.connect(lambda _flag: None)
    # Garbage left by earlier tests must not be collected mid-count (freeing it drops
    # references to None and True that have nothing to do with Qt).
    gc.collect()
    gc.disable()
    try:
        none_before, true_before = singleton_refs()
        for _ in range(10_000):
            widget.setVisible(False)  # a void call
            emitter.fired.emit(True)
        none_after, true_after = singleton_refs()
    finally:
        gc.enable()
    if MORTAL_SINGLETONS:
        # A leaking build drops 10,000 of each here; other threads of the test session
        # freeing their objects move the counts by a few hundred either way.
        assert none_after >= none_before - 2000, ("leaks None", none_before, none_after)
        assert true_after >= true_before - 2000, ("leaks True", true_before, true_after)


def seed_long_conversation() -> int:
    writer = SerialWriter(paths.database_path())

    def fill(conn: sqlite3.Connection) -> int:
        conversation = repo.create_conversation(conn, "三千条消息", "llama3.2")
        for i in range(LONG // 2):
            repo.add_message(conn, conversation.id, "user", f"问题 {i}：天空为什么是蓝色的？")
            repo.add_message(
                conn,
                conversation.id,
                "assistant",
                f"## 回答 {i}\n\n瑞利散射使**蓝光**散射得更多。\n\n```py\nprint({i})\n```",
                engine="ollama",
                model="llama3.2",
            )
        return conversation.id

    conversation_id = writer.call(fill, timeout=120)
    writer.close()
    return int(conversation_id)


def rss_mb() -> float:
    gc.collect()
    return psutil.Process().memory_info().rss / 1e6


def send_and_wait(qtbot: QtBot, window: MainWindow, text: str, count: int) -> None:
    edit = window.chat.composer.edit
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.chat.messages.message_count() >= count
            and window.chat.messages.widgets()[-1].status == "ok"
            and window.chat.conversation is not None
            and window.core.live(window.chat.conversation.id) is None
        ),
        timeout=20_000,
    )


def test_a_day_of_chatting_then_a_long_conversation_opened_three_times(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    long_id = seed_long_conversation()
    fake_ollama.chat_scripts += [ChatScript(markdown_tokens(REPLY_TOKENS)) for _ in range(REPLIES)]
    window = open_window()
    wait_ready(qtbot, window)
    none_before, true_before = singleton_refs()
    # As main() does, checking more often: full collections only while nothing renders.
    full_while_working: list[bool] = []
    measuring = [False]  # rss_mb collects on its own: not the collector's pass

    def on_collect(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2 and not measuring[0]:
            full_while_working.append(window.working())

    gc.freeze()  # as main() does once the window is up (settle_memory); undone below
    collector = IdleCollector(window, busy=window.working, check_ms=100)
    gc.callbacks.append(on_collect)

    rss: list[float] = []
    try:
        for turn in range(REPLIES):
            send_and_wait(qtbot, window, f"Question {turn}: tell me more.", 2 * (turn + 1))
            # The person reads; now and then long enough that typing no longer counts
            # as busy: a quiet moment for the collector.
            qtbot.wait(1_700 if turn % 20 == 19 else 50)
            if turn in (9, REPLIES - 1):
                measuring[0] = True
                rss.append(rss_mb())
                measuring[0] = False
    finally:
        gc.callbacks.remove(on_collect)
        collector.stop()
        gc.unfreeze()
    assert collector.collections >= 1, "no full collection in a day of replies"
    assert not any(full_while_working), full_while_working
    conversation = window.chat.conversation
    assert conversation is not None
    writer = window.ctx.writer
    stored = writer.call(lambda c: repo.list_messages(c, conversation.id))
    assert len(stored) == 2 * REPLIES and all(m.status == "ok" for m in stored)
    assert len(writer.call(repo.list_usage)) == REPLIES

    opened_rss: list[float] = []
    for _ in range(3):
        window.conversations.selected.emit(long_id)
        qtbot.waitUntil(
            lambda: (
                window.chat.conversation is not None
                and window.chat.conversation.id == long_id
                and len(window.chat.messages.widgets()) > 0
            ),
            timeout=10_000,
        )
        shown = window.chat.messages.widgets()
        assert shown[-1].text.startswith(f"## 回答 {LONG // 2 - 1}")
        # What is on screen is a page of the history, not all of it.
        assert len(shown) <= 200
        window.conversations.selected.emit(conversation.id)
        qtbot.waitUntil(lambda: window.chat.conversation.id == conversation.id, timeout=10_000)
        qtbot.wait(50)
        opened_rss.append(rss_mb())

    none_after, true_after = singleton_refs()
    if MORTAL_SINGLETONS:
        assert none_after >= none_before - 2000, (none_before, none_after)
        assert true_after >= true_before - 2000, (true_before, true_after)
    # Fifty more long replies cost what their widgets hold, not a leak per token.
    assert rss[1] - rss[0] < 150, rss
    # Opening the same conversation again costs nothing more.
    assert opened_rss[2] - opened_rss[0] < 25, opened_rss


def test_a_reply_starts_at_once_while_eight_downloads_run(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    """Downloads, replies and quick jobs each have their lane: before, eight running
    pulls took all eight worker threads and a reply waited 9.4 s to start."""
    from tests.fakes.ollama_server import PullScript

    for i in range(8):
        fake_ollama.pull_scripts[f"big{i}:70b"] = PullScript(
            [(f"sha256:{i:064x}", 40_000_000_000)], chunk_bytes=1_000_000, delay=0.2
        )
    fake_ollama.chat_scripts.append(ChatScript(["Here", " at", " once."]))
    window = open_window()
    wait_ready(qtbot, window)
    downloads = window.features["app.ui.library"].downloads  # type: ignore[attr-defined]
    try:
        for i in range(8):
            assert downloads.start(f"big{i}:70b")
        # As many pull at once as their lane has threads; the rest wait their turn there.
        running = min(8, LANE_WORKERS["downloads"])
        qtbot.waitUntil(
            lambda: len(fake_ollama.requests_to("/api/pull")) >= running, timeout=10_000
        )

        edit = window.chat.composer.edit
        qtbot.keyClicks(edit, "still there?")
        started = time.monotonic()
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: (
                len(window.chat.messages.widgets()) == 2
                and window.chat.messages.widgets()[-1].status == "ok"
            ),
            timeout=10_000,
        )
        assert time.monotonic() - started < 3.0
        assert downloads.has_active_downloads()  # they were running all along
    finally:
        downloads.cancel_all()
        qtbot.waitUntil(lambda: not downloads.has_active_downloads(), timeout=10_000)
