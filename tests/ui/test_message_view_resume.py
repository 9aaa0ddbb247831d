"""Leaving a conversation while its reply streams, and coming back (issue 11).

The stored text was always right; the screen was not: ``resume`` left the tail's cursor
at its start, so text arriving after the switch was inserted before the old. These
tests compare what is shown, while the reply still streams, with what has arrived.
"""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.storage.records import Message, utc_now
from app.ui.chat.message_widget import MessageWidget
from app.ui.main_window import MainWindow
from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens
from tests.ui.conftest import wait_ready

OpenWindow = Callable[..., MainWindow]
# Plain paragraphs: what the view shows is then word for word what arrived.
REPLY = "".join(
    " ".join(f"w{p}.{i}" for i in range(40)) + "\n\n" for p in range(60)
)  # ~15,000 characters


def shown(widget: MessageWidget) -> str:
    """The words on screen, rendered part first, then the plain tail."""
    return " ".join((widget.body.toPlainText() + " " + widget.tail_text()).split())


def in_step(widget: MessageWidget) -> bool:
    """The tail holds every piece sent to it (none still queued)."""
    return widget._tail.in_step()


def test_resume_then_more_text_shows_everything_in_order(qtbot: QtBot) -> None:
    widget = MessageWidget(Message(2, 1, "assistant", "", utc_now(), status="streaming"))
    qtbot.addWidget(widget)
    widget.show()
    widget.append("first part, ")
    again = MessageWidget(Message(2, 1, "assistant", "first", utc_now(), status="streaming"))
    qtbot.addWidget(again)
    again.show()
    again.resume("first part, then the middle, ")  # the live run is ahead of the store
    for piece in ("and ", "the ", "end."):
        again.append(piece)
    qtbot.waitUntil(lambda: in_step(again))
    assert shown(again) == "first part, then the middle, and the end."
    again.finish("ok")
    qtbot.waitUntil(lambda: not again.is_rendering())
    assert again.body.toPlainText().strip() == "first part, then the middle, and the end."


def test_switching_away_and_back_mid_reply_shows_the_reply_exactly_as_it_is(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.append(ChatScript(tokens=split_tokens(REPLY), token_delay=0.004))
    window = open_window()
    wait_ready(qtbot, window)
    window.chat.composer.edit.setPlainText("tell me a long story")
    window.chat.composer._submit()
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 2, timeout=5000)
    conversation = window.chat.conversation
    assert conversation is not None
    first = window.chat.messages.widgets()[-1]
    qtbot.waitUntil(lambda: len(first.text) > len(REPLY) // 5, timeout=10_000)
    window.chat.new_conversation()  # look elsewhere while it writes
    qtbot.wait(150)
    window.chat.show_conversation(conversation.id)
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) == 2, timeout=5000)
    reply = window.chat.messages.widgets()[-1]
    run = window.streams.run_for(conversation.id)
    assert run is not None, "the reply ended before we came back: make it longer"
    back_at = len(reply.text)
    assert 0 < back_at < len(REPLY)
    # Several looks while more streams in: each time, the screen holds what arrived.
    for _ in range(4):
        qtbot.waitUntil(lambda seen=back_at: len(reply.text) > seen, timeout=10_000)
        qtbot.waitUntil(lambda: in_step(reply) and shown(reply) == " ".join(reply.text.split()))
        # What the view holds is what arrived, in order; the reply may be further on.
        assert run.text.startswith(reply.text)
        back_at = len(reply.text)
    qtbot.waitUntil(lambda: reply.status == "ok", timeout=20_000)
    qtbot.waitUntil(lambda: not reply.is_rendering(), timeout=10_000)
    assert reply.text == REPLY
    assert shown(reply) == " ".join(REPLY.split())


def test_coming_back_to_a_long_reply_shows_its_open_block_from_its_start(
    qtbot: QtBot,
) -> None:
    widget = MessageWidget(Message(2, 1, "assistant", "", utc_now(), status="streaming"))
    qtbot.addWidget(widget)
    widget.show()
    done = "A finished paragraph of the reply, with *some* words.\n\n" * 600  # ~33,000
    open_block = "The paragraph still streaming begins here and " * 20
    widget.resume(done + open_block)
    qtbot.waitUntil(widget._tail.in_step)
    assert widget.tail_text().startswith("The paragraph still streaming begins here")
    qtbot.waitUntil(lambda: not widget._ready and not widget._in_flight, timeout=20_000)
    widget.append("and ends.")
    qtbot.waitUntil(widget._tail.in_step)
    shown = widget.body_text() + widget.tail_text()
    assert shown.count("The paragraph still streaming begins here") == 20
