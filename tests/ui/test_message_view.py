"""One reply's view on its own: when streamed Markdown is rendered."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.storage.records import Message, utc_now
from app.ui.chat.message_render import FRAME_MS, POURING_CHARS_PER_S
from app.ui.chat.message_widget import MessageWidget
from tests.fakes.ollama_server import MARKDOWN_REPLY

TEXT = (MARKDOWN_REPLY + "\n") * 40  # ~29,000 characters


def streaming_reply(qtbot: QtBot) -> MessageWidget:
    widget = MessageWidget(Message(2, 1, "assistant", "", utc_now(), status="streaming"))
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    return widget


def test_blocks_are_rendered_as_they_complete_at_model_speed(qtbot: QtBot) -> None:
    widget = streaming_reply(qtbot)
    piece = 40  # 40 characters every 20 ms: ~2,000 a second, a fast model
    assert piece / 0.020 < POURING_CHARS_PER_S
    for start in range(0, len(MARKDOWN_REPLY), piece):
        widget.append(TEXT[start : start + piece])
        qtbot.wait(20)
    # Still writing, yet the heading, the list and the table are already Markdown.
    assert widget.status == "streaming"
    assert widget.body.isVisible()
    rendered = widget.body.toPlainText()
    assert "Reading a CSV file in Python" in rendered
    assert "##" not in rendered and "|---" not in rendered


def test_text_pouring_in_stays_plain_until_the_flow_slows(qtbot: QtBot) -> None:
    widget = streaming_reply(qtbot)
    piece = 1000  # every 5 ms: far faster than any model, or anyone, reads
    assert piece / 0.005 > POURING_CHARS_PER_S
    for start in range(0, len(TEXT), piece):
        widget.append(TEXT[start : start + piece])
        qtbot.wait(5)  # frames pass meanwhile: the view is painted, not rendered
        assert not widget.body.isVisible(), "rendered while the text poured in"
    assert len(widget.text) == len(TEXT)
    # Once nothing new arrives, the completed blocks are rendered, the reply still open.
    qtbot.waitUntil(widget.body.isVisible, timeout=2 * FRAME_MS * 10)
    assert widget.status == "streaming"
    assert "Reading a CSV file in Python" in widget.body.toPlainText()


def test_a_poured_reply_ends_fully_rendered(qtbot: QtBot) -> None:
    widget = streaming_reply(qtbot)
    for start in range(0, len(TEXT), 4000):
        widget.append(TEXT[start : start + 4000])
    widget.finish("ok")
    qtbot.waitUntil(lambda: not widget._render_timer.isActive(), timeout=5000)
    shown = widget.body.toPlainText()
    assert shown.count("Reading a CSV file in Python") == 40
    assert "```" not in shown and "|---" not in shown
