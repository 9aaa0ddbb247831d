"""Issue 16 in the real window against the fake Ollama over real HTTP: the thinking
block appears while the model thinks, folds to "Thought for N s" when the answer comes,
survives reopening the conversation and a restart, and the Think control puts
``think`` on the wire as the person chose, per conversation."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.ui.chat.message_widget import MessageWidget
from app.ui.main_window import MainWindow
from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens, thinking_models
from tests.ui.conftest import choose_model, db_path, wait_ready
from tests.ui.test_chat_window import last_widget, type_and_send, wait_reply_done

OpenWindow = Callable[..., MainWindow]
THOUGHT = [f"Step {i}: weigh the options. " for i in range(20)]
ANSWER = "Blue, because shorter wavelengths scatter more."


def chat_bodies(fake: FakeOllama) -> list[dict[str, object]]:
    return [r.body for r in fake.requests_to("/api/chat")]


def stored_reply() -> sqlite3.Row:
    conn = sqlite3.connect(db_path())
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute(
            "SELECT content, thinking, thinking_ms, status FROM messages"
            " WHERE role = 'assistant' ORDER BY id DESC"
        ).fetchone()
        assert row is not None
        return row  # type: ignore[no-any-return]
    finally:
        conn.close()


def ask(qtbot: QtBot, window: MainWindow, text: str) -> MessageWidget:
    """Send ``text`` and wait for its own reply (not the one before it) to end."""
    before = window.chat.messages.message_count()
    type_and_send(qtbot, window, text)
    qtbot.waitUntil(lambda: window.chat.messages.message_count() == before + 2, timeout=5000)
    wait_reply_done(qtbot, window)
    return last_widget(window)  # type: ignore[no-any-return]


def open_on(
    qtbot: QtBot, open_window: OpenWindow, fake: FakeOllama, model: str = "qwen3:8b"
) -> MainWindow:
    window = open_window()
    wait_ready(qtbot, window)
    choose_model(window, model)
    qtbot.waitUntil(lambda: window.chat.think.support.mode != "none", timeout=5000)
    return window


def test_thinking_streams_live_then_folds_with_its_duration(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.models.extend(thinking_models())
    fake_ollama.chat_scripts.append(
        ChatScript(split_tokens(ANSWER), thinking=THOUGHT, token_delay=0.2)
    )
    window = open_on(qtbot, open_window, fake_ollama)
    assert window.chat.think.button.isVisible() and window.chat.think.button.isChecked()
    type_and_send(qtbot, window, "Why is the sky blue?")
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 2, timeout=5000)
    reply: MessageWidget = last_widget(window)

    # While it thinks, the bubble shows the thinking, open, under "Thinking…".
    qtbot.waitUntil(lambda: "Step 2" in reply.thinking.view.toPlainText(), timeout=5000)
    block = reply.thinking
    assert block.isVisible() and block.is_open() and block.live
    assert block.label().startswith("Thinking…")
    assert reply._state.text() == "thinking…"
    assert reply.text == ""  # no answer yet, and yet the bubble is not empty
    # Counting up each second while it thinks (about 4 s here).
    qtbot.waitUntil(lambda: re.fullmatch(r"Thinking… [1-9] s", block.label()), timeout=4000)
    assert block.live

    # The answer begins: the block folds to how long the model thought.
    qtbot.waitUntil(lambda: bool(reply.text), timeout=5000)
    qtbot.waitUntil(lambda: not block.live, timeout=2000)
    assert not block.is_open()
    assert reply._state.text() in ("writing…", "")  # "" once the reply has ended
    wait_reply_done(qtbot, window)
    assert reply.text == ANSWER
    ms = block.ms
    assert ms is not None and 3500 <= ms <= 9000  # 20 lines 200 ms apart
    assert block.label() == f"Thought for {round(ms / 1000)} s"
    assert block.text() == "".join(THOUGHT)
    assert THOUGHT[0].strip() not in reply.body_text()  # never mixed into the answer

    # A click opens it again, the whole of it.
    block.toggle.click()
    assert block.is_open() and block.view.toPlainText() == "".join(THOUGHT)
    block.toggle.click()
    assert not block.is_open()

    assert chat_bodies(fake_ollama)[-1]["think"] is True  # qwen3 thinks unless told not to
    row = stored_reply()
    assert (row["content"], row["thinking"], row["thinking_ms"]) == (ANSWER, "".join(THOUGHT), ms)


def test_thinking_survives_reopening_and_a_restart(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.models.extend(thinking_models())
    fake_ollama.chat_scripts.append(
        ChatScript(split_tokens(ANSWER), thinking=THOUGHT, token_delay=0.1)
    )
    window = open_on(qtbot, open_window, fake_ollama)
    type_and_send(qtbot, window, "Why is the sky blue?")
    wait_reply_done(qtbot, window)
    ms = last_widget(window).thinking.ms
    conversation_id = window.chat.conversation.id  # type: ignore[union-attr]

    window.chat.new_conversation()
    window.chat.show_conversation(conversation_id)
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 2, timeout=5000)
    again = last_widget(window).thinking
    assert (again.text(), again.ms) == ("".join(THOUGHT), ms)
    assert again.isVisible() and not again.is_open() and not again.live
    assert again.label() == f"Thought for {round(ms / 1000)} s"  # type: ignore[operator]
    window.close()

    restarted = open_window()
    wait_ready(qtbot, restarted)
    qtbot.waitUntil(lambda: len(restarted.chat.messages.widgets()) == 2, timeout=5000)
    block = last_widget(restarted).thinking
    assert (block.text(), block.ms, block.is_open()) == ("".join(THOUGHT), ms, False)
    block.toggle.click()
    assert "Step 19" in block.view.toPlainText()


def test_leaving_mid_thought_and_coming_back_shows_all_of_it_once(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.models.extend(thinking_models())
    fake_ollama.chat_scripts.append(
        ChatScript(split_tokens(ANSWER), thinking=THOUGHT, token_delay=0.1)
    )
    window = open_on(qtbot, open_window, fake_ollama)
    type_and_send(qtbot, window, "Why is the sky blue?")
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 2, timeout=5000)
    qtbot.waitUntil(lambda: "Step 3" in last_widget(window).thinking.text(), timeout=5000)
    conversation_id = window.chat.conversation.id  # type: ignore[union-attr]
    window.chat.new_conversation()
    qtbot.wait(250)
    window.chat.show_conversation(conversation_id)
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 2, timeout=5000)
    block = last_widget(window).thinking
    assert block.live and block.is_open()
    wait_reply_done(qtbot, window, timeout=10000)
    assert block.text() == "".join(THOUGHT)  # nothing shown twice, nothing skipped
    assert block.view.toPlainText() == "".join(THOUGHT)
    assert not block.live and block.ms is not None


def test_the_think_toggle_sends_false_then_true_and_is_kept_per_conversation(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.models.extend(thinking_models())
    for _ in range(3):
        fake_ollama.chat_scripts.append(ChatScript(split_tokens(ANSWER), thinking=THOUGHT))
    window = open_on(qtbot, open_window, fake_ollama)
    think = window.chat.think
    think.button.click()  # off, before the conversation exists
    assert not think.button.isChecked()
    type_and_send(qtbot, window, "Quick one")
    wait_reply_done(qtbot, window)
    assert chat_bodies(fake_ollama)[-1]["think"] is False
    reply = last_widget(window)
    assert reply.thinking.isHidden() and reply.text == ANSWER  # thought nothing
    assert stored_reply()["thinking"] == ""

    think.button.click()  # on again
    ask(qtbot, window, "Now think")
    assert chat_bodies(fake_ollama)[-1]["think"] is True
    assert last_widget(window).thinking.text() == "".join(THOUGHT)
    first_id = window.chat.conversation.id  # type: ignore[union-attr]

    # Another conversation starts from the model's default; each keeps its own.
    think.button.click()  # off here
    qtbot.waitUntil(lambda: _stored_think(first_id) == "off", timeout=3000)
    window.chat.new_conversation()
    assert think.button.isChecked()  # the default for qwen3: on
    ask(qtbot, window, "Second conversation")
    assert chat_bodies(fake_ollama)[-1]["think"] is True
    window.close()

    restarted = open_window()
    wait_ready(qtbot, restarted)
    restarted.chat.show_conversation(first_id)
    qtbot.waitUntil(
        lambda: (
            restarted.chat.conversation is not None and restarted.chat.conversation.id == first_id
        ),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: restarted.chat.think.support.mode == "toggle", timeout=5000)
    assert not restarted.chat.think.button.isChecked()


def _stored_think(conversation_id: int) -> str | None:
    conn = sqlite3.connect(db_path())
    try:
        row = conn.execute(
            "SELECT think FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def test_gpt_oss_offers_levels_and_sends_the_one_chosen(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.models.extend(thinking_models())
    fake_ollama.chat_scripts.append(ChatScript(split_tokens(ANSWER), thinking=THOUGHT))
    window = open_on(qtbot, open_window, fake_ollama, "gpt-oss:20b")
    think = window.chat.think
    assert think.levels.isVisible() and not think.button.isVisible()
    assert think.levels.currentData() == "medium"
    think.levels.setCurrentIndex(think.levels.findData("high"))
    think.levels.activated.emit(think.levels.currentIndex())
    type_and_send(qtbot, window, "Think hard")
    wait_reply_done(qtbot, window)
    assert chat_bodies(fake_ollama)[-1]["think"] == "high"


def test_a_model_that_cannot_think_has_no_control_and_sends_no_think(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    window = open_window()
    wait_ready(qtbot, window)
    qtbot.wait(300)  # the model's details have arrived
    assert window.chat.think.isHidden()
    type_and_send(qtbot, window, "Hello")
    wait_reply_done(qtbot, window)
    assert "think" not in chat_bodies(fake_ollama)[-1]
    assert last_widget(window).thinking.isHidden()


def test_hostile_thinking_is_shown_as_plain_text(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.models.extend(thinking_models())
    hostile = [
        "<b>not bold</b> <img src='file:///etc/passwd'> ",
        "**not markdown** \u202eevil\u202c ",
        "x" * 5000,
        "\nend",
    ]
    fake_ollama.chat_scripts.append(ChatScript(["ok"], thinking=hostile))
    window = open_on(qtbot, open_window, fake_ollama)
    type_and_send(qtbot, window, "Be hostile")
    wait_reply_done(qtbot, window)
    block = last_widget(window).thinking
    assert block.text() == "".join(hostile)  # kept as written
    shown = block.view.toPlainText()
    assert "<b>not bold</b>" in shown and "**not markdown**" in shown
    assert "\u202e" not in shown  # bidi controls made visible, as in the plain tail
    assert "x" * 5000 not in shown and "…" in shown  # a long line folded
    assert shown.endswith("\nend")
