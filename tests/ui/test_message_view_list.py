"""The message list with long conversations: a window of widgets, never one per message.

Real widgets, driven through the scroll bar as a person's wheel would; the assertions are
about structure (how many widgets exist, which messages have one, where the view is),
not about time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from pytestqt.qtbot import QtBot

from app.storage.records import Message, utc_now
from app.ui.chat import message_list
from app.ui.chat.message_list import PAGE, STEP, WINDOW, MessageList
from app.ui.chat.message_widget import MessageWidget

BOUND = WINDOW + STEP  # what may be built at any moment, whatever the history


def conversation(count: int, first_id: int = 1) -> list[Message]:
    now = utc_now()
    return [
        Message(
            i,
            1,
            "user" if i % 2 else "assistant",
            f"Question {i}: how long is a piece of string?"
            if i % 2
            else f"## Answer {i}\n\nTwice half its length, **of course**.\n\n- one\n- two\n",
            now,
        )
        for i in range(first_id, first_id + count)
    ]


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[MessageList]:
    widget = MessageList()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def alive(view: MessageList) -> int:
    return len(view.findChildren(MessageWidget))


def scroll_to_top(view: MessageList, rounds: int = 400) -> None:
    bar = view.verticalScrollBar()
    for _ in range(rounds):
        bar.setValue(max(0, bar.value() - 300))
        pump(5)
        if view.widget_for(view._records[0].id) is not None and bar.value() == 0:
            return


def test_opening_5000_messages_builds_only_the_latest_few(view: MessageList) -> None:
    messages = conversation(5000)
    view.show_messages(messages)
    pump(300)  # idle frames build ahead, up to the window
    assert 0 < alive(view) <= WINDOW
    assert view.widget_for(5000) is not None
    assert view.widget_for(1) is None
    assert view.message_count() == 5000
    bar = view.verticalScrollBar()
    assert bar.value() == bar.maximum()  # opened at the latest message
    assert not view.jump_button.isVisible()
    built = [w.message_id for w in view.widgets()]
    assert built == list(range(5001 - len(built), 5001))  # a contiguous run, in order


def test_scrolling_up_builds_older_releases_far_ones_and_jump_returns(
    view: MessageList, qtbot: QtBot
) -> None:
    view.show_messages(conversation(400))
    pump(100)
    most = 0
    bar = view.verticalScrollBar()
    for _ in range(600):
        bar.setValue(max(0, bar.value() - 300))
        pump(2)
        most = max(most, alive(view) - len(view._parked))
        if view.widget_for(1) is not None and bar.value() == 0:
            break
    pump(50)
    assert view.widget_for(1) is not None, "the first message was never reached"
    assert most <= BOUND
    assert view.widget_for(400) is None  # far below: released
    assert view.jump_button.isVisible()
    view.jump_button.click()  # as a click does
    pump(100)
    assert view.widget_for(400) is not None
    assert bar.value() == bar.maximum()
    assert not view.jump_button.isVisible()
    assert alive(view) - len(view._parked) <= BOUND


def test_what_is_on_screen_stays_put_while_older_widgets_are_built_above(
    view: MessageList,
) -> None:
    view.show_messages(conversation(1000))
    pump(300)
    bar = view.verticalScrollBar()
    for _ in range(40):  # well up from the bottom, away from the follow zone
        bar.setValue(bar.value() - 200)
        pump(5)
    first_built = view.widgets()[0].message_id
    target = 100  # near the top of what is built: more will be built above
    anchor = next(w for w in view.widgets() if w.y() + w.height() > target)
    offset = anchor.y() - target
    bar.setValue(target)
    pump(200)
    assert view.widgets()[0].message_id < first_built  # older ones were built above...
    assert anchor.y() - bar.value() == offset  # ...and the message did not move


def test_older_pages_come_from_the_loader_and_keep_the_view_steady(view: MessageList) -> None:
    everything = conversation(300)
    asked: list[tuple[int, int]] = []
    view.set_older_loader(lambda before, limit: asked.append((before, limit)))
    view.show_messages(everything[-60:], has_older=True)
    pump(200)
    scroll_to_top(view)
    assert asked == [(everything[-60].id, PAGE)]  # one request, not one per scroll event
    top = view.widget_for(everything[-60].id)
    assert top is not None
    offset = top.y() - view.verticalScrollBar().value()
    page = everything[-60 - PAGE : -60]
    view.prepend_messages(page, has_older=True)
    pump(200)
    assert view.message_count() == 60 + PAGE
    assert top.y() - view.verticalScrollBar().value() == offset
    scroll_to_top(view)
    assert asked[-1] == (page[0].id, PAGE)
    view.prepend_messages([], has_older=False)  # the loader found nothing older
    scroll_to_top(view)
    assert len(asked) == 2


def test_regenerate_is_offered_on_the_last_reply_only_and_adding_touches_two_widgets(
    view: MessageList, monkeypatch: pytest.MonkeyPatch
) -> None:
    view.show_messages(conversation(200))
    pump(100)
    calls: list[int] = []
    original = MessageWidget.set_can_regenerate

    def counting(self: MessageWidget, can: bool) -> None:
        calls.append(self.message_id)
        original(self, can)

    monkeypatch.setattr(MessageWidget, "set_can_regenerate", counting)
    now = utc_now()
    for i in range(201, 301):
        view.add(Message(i, 1, "user" if i % 2 else "assistant", f"m{i}", now))
    pump(200)
    assert len(calls) <= 2 * 100  # the previous last and the new last, nothing else
    shown = [w.message_id for w in view.widgets() if w._regenerate.isVisibleTo(w)]
    assert shown == [300]
    view.remove(300)
    shown = [w.message_id for w in view.widgets() if w._regenerate.isVisibleTo(w)]
    assert shown == []  # the last is now the person's message: nothing to regenerate
    assert alive(view) - len(view._parked) <= BOUND


def test_a_reply_still_streaming_keeps_its_widget_when_scrolled_far_away(
    view: MessageList, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(message_list, "WINDOW", 20)
    view.show_messages(conversation(300))
    pump(100)
    reply = view.add(Message(301, 1, "assistant", "", utc_now(), status="streaming"))
    reply.append("First words. ")
    scroll_to_top(view)
    assert view.widget_for(301) is reply  # parked, not deleted: the stream writes to it
    reply.append("More words while nobody looks.")
    reply.finish("ok")
    view.scroll_to_latest()
    pump(200)
    back = view.widget_for(301)
    assert back is reply
    assert back.text == "First words. More words while nobody looks."
    assert "nobody looks" in back.body.toPlainText()


def test_a_finished_reply_released_and_rebuilt_shows_its_final_text(
    view: MessageList, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(message_list, "WINDOW", 20)
    view.show_messages(conversation(100))
    reply = view.add(Message(101, 1, "assistant", "", utc_now(), status="streaming"))
    reply.append("The final answer is 42.")
    reply.finish("ok")
    scroll_to_top(view)
    view.scroll_to_latest()
    pump(200)
    rebuilt = view.widget_for(101)
    assert rebuilt is not None and rebuilt is not reply  # released, then built afresh
    assert rebuilt.status == "ok"
    assert "The final answer is 42." in rebuilt.body.toPlainText()


def test_clear_then_add_still_works_for_callers_of_the_old_api(view: MessageList) -> None:
    view.clear()
    for message in conversation(30):
        view.add(message)
    assert [w.message_id for w in view.widgets()] == list(range(1, 31))
    assert view.widget_for(30) is not None
