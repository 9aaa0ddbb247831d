"""The scrolling column of messages: only a window of them has widgets.

A conversation may hold thousands of messages; a widget each would cost seconds to open
and hundreds of megabytes (measured: 5.4 s and 215–330 KB a message). So the list keeps
every message as a plain record and builds widgets only for a window around what is on
screen: the latest ``FIRST_BATCH`` at once, more above in idle frames up to ``WINDOW``,
more as the person scrolls toward either end, and those far off screen are released
(their record updated from the widget first). Nothing done per message depends on the
conversation's length: the regenerate action moves from one widget to the next.

API (ChatPanel drives it; the records are ``app.storage.records.Message``):

- ``show_messages(messages, has_older=False)``: show a conversation (replacing what was
  shown), scrolled to its latest message. ``messages`` may be the whole history or its
  latest page; with ``has_older`` the list asks for more when the person scrolls to the
  top, through the hook below.
- ``set_older_loader(load_older)``: ``load_older(before_message_id, limit)`` is called
  (at most one request at a time) when older messages are needed; answer, later, with
  ``prepend_messages(messages, has_older=...)`` (oldest first; an empty list means there
  are none). The visible messages stay where they are on screen as older ones arrive.
- ``add(message) -> MessageWidget``: append one message (the person's, or a reply being
  written) and scroll to it; ``remove(id)``; ``clear()``.
- ``widget_for(id) -> MessageWidget | None``: the widget, if that message has one now
  (a reply still streaming always keeps its widget); ``widgets()``: the built ones, in
  order; ``refresh_actions()``; ``scroll_to_latest()``; ``records()``: every loaded
  message; ``reveal(id)``: scroll to a loaded message (built first if need be).
- Signals ``regenerate_requested(id)``, ``retry_requested(id)``.

A "jump to latest" button shows while the person is scrolled away from the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QToolButton, QVBoxLayout, QWidget

from app.storage.records import Message
from app.ui.chat.message_widget import MessageWidget

FIRST_BATCH = 12  # built at once when a conversation opens: more than a screenful
WINDOW = 60  # built around the view in all; beyond this the far end is released
STEP = 15  # built at a time as the person nears an end of what is built
PAGE = 50  # asked of the loader at a time
NEAR_PX = 600  # "near an end": closer to it than this
IDLE_BUDGET_S = 0.006  # building ahead in idle frames takes at most this per frame
FOLLOW_PX = 24

OlderLoader = Callable[[int, int], None]


class MessageList(QScrollArea):
    regenerate_requested = Signal(int)
    retry_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_list")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inner = QWidget(self)
        self._layout = QVBoxLayout(self._inner)
        self._layout.setContentsMargins(12, 12, 12, 12)
        self._layout.setSpacing(10)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self._records: list[Message] = []
        self._lo = self._hi = 0  # records[_lo:_hi] have widgets, in the layout
        self._widgets: dict[int, MessageWidget] = {}
        self._parked: dict[int, MessageWidget] = {}  # streaming, off the window: kept
        self._regenerate_id = 0  # the one widget showing Regenerate
        self._has_older = False
        self._loading = False
        self._loader: OlderLoader | None = None
        self.decorate: Callable[[MessageWidget], None] | None = None
        """Called with each widget built (issue 16: app/ui/chat/branch_pager.py)."""
        self._follow = True
        self._anchor: tuple[MessageWidget, int] | None = None
        self._adjusting = False
        self._retrim = QTimer(self, singleShot=True, interval=50)
        self._retrim.timeout.connect(lambda: self._trim(keep_end=self._follow))
        self._idle = QTimer(self, interval=0)
        self._idle.timeout.connect(self._build_ahead)
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._range_changed)
        bar.valueChanged.connect(self._scrolled)
        self.jump_button = QToolButton(self)
        self.jump_button.setObjectName("jump_to_latest")
        self.jump_button.setText(self.tr("↓ Jump to latest"))
        self.jump_button.setToolTip(self.tr("Scroll to the newest message"))
        self.jump_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.jump_button.clicked.connect(self.scroll_to_latest)
        self.jump_button.hide()

    # --- public ----------------------------------------------------------------------------

    def set_older_loader(self, load_older: OlderLoader | None) -> None:
        self._loader = load_older

    def clear(self) -> None:
        for widget in [*self._widgets.values(), *self._parked.values()]:
            self._release_widget(widget)
        self._widgets.clear()
        self._parked.clear()
        self._records = []
        self._lo = self._hi = 0
        self._regenerate_id = 0
        self._has_older = self._loading = False
        self._follow = True
        self._anchor = None
        self._idle.stop()
        self.jump_button.hide()

    def show_messages(self, messages: list[Message], has_older: bool = False) -> None:
        """Show these messages (oldest first), scrolled to the latest; widgets are built
        for the last few now and for more above in idle frames."""
        self.clear()
        self._records = list(messages)
        self._has_older = has_older
        self._lo = self._hi = len(self._records)
        self._build_above(FIRST_BATCH)
        self._update_regenerate()
        self._idle.start()

    def prepend_messages(self, messages: list[Message], has_older: bool | None = None) -> None:
        """Older messages the loader found (oldest first). ``has_older`` says whether
        there are yet older ones (by default: if any came)."""
        self._loading = False
        known = {m.id for m in self._records[:PAGE]}
        older = [m for m in messages if m.id not in known]
        self._has_older = bool(older) if has_older is None else has_older
        if not older:
            return
        self._records[:0] = older
        self._lo += len(older)
        self._hi += len(older)
        self._extend_if_near()

    def add(self, message: Message) -> MessageWidget:
        if self._hi < len(self._records):
            self._rebuild_at_end()
        self._records.append(message)
        widget = self._make(message)
        self._layout.insertWidget(self._layout.count() - 1, widget)
        self._hi += 1
        self._follow = True
        self._update_regenerate()
        self._trim(keep_end=True)
        return widget

    def remove(self, message_id: int) -> None:
        index = self._index_of(message_id)
        if index is None:
            return
        widget = self._widgets.pop(message_id, None) or self._parked.pop(message_id, None)
        if widget is not None:
            self._release_widget(widget)
        del self._records[index]
        if index < self._lo:
            self._lo -= 1
        if index < self._hi:
            self._hi -= 1
        self._update_regenerate()

    def widget_for(self, message_id: int) -> MessageWidget | None:
        return self._widgets.get(message_id) or self._parked.get(message_id)

    def widgets(self) -> list[MessageWidget]:
        built = [self._widgets[m.id] for m in self._records[self._lo : self._hi]]
        return built + [w for w in self._parked.values() if w not in built]

    def rendering(self) -> bool:
        """Some message is still putting its text on screen."""
        return any(widget.is_rendering() for widget in self.widgets())

    def message_count(self) -> int:
        return len(self._records)

    def records(self) -> list[Message]:
        """Every loaded message as now shown (built widgets' text may be newer)."""
        return [
            widget.record() if widget is not None else message
            for message in self._records
            for widget in (self._widgets.get(message.id),)
        ]

    def reveal(self, message_id: int) -> MessageWidget | None:
        """Build the widgets around a loaded message and scroll it into view (a search
        result, a find match); it stays put while the list builds around it."""
        index = self._index_of(message_id)
        if index is None:
            return None
        if not self._lo <= index < self._hi:
            for built in range(self._lo, self._hi):
                self._release(built)
            self._lo = self._hi = index
            self._build_below(STEP)
            self._build_above(STEP)
            self._update_regenerate()
        self._follow = False
        self._idle.stop()
        widget = self._widgets[message_id]
        self._anchor = (widget, min(48, self.viewport().height() // 4))
        self._keep_anchor()
        self._update_jump()
        return widget

    def refresh_actions(self) -> None:
        self._update_regenerate()

    def at_latest(self) -> bool:
        return self._hi >= len(self._records) and self._follow

    def scroll_to_latest(self) -> None:
        if self._hi < len(self._records):
            self._rebuild_at_end()
        self._follow = True
        self._anchor = None
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
        self._update_jump()

    # --- building and releasing -------------------------------------------------------------

    def _make(self, message: Message) -> MessageWidget:
        parked = self._parked.pop(message.id, None)
        if parked is not None:
            widget = parked
            widget.show()
        else:
            widget = MessageWidget(message, self._inner)
            widget.copy_requested.connect(self._copy)
            widget.regenerate_requested.connect(self.regenerate_requested)
            widget.retry_requested.connect(self.retry_requested)
            if self.decorate is not None:
                self.decorate(widget)
        self._widgets[message.id] = widget
        return widget

    def _build_above(self, count: int, deadline: float | None = None) -> int:
        built = 0
        while self._lo > 0 and built < count:
            self._lo -= 1
            widget = self._make(self._records[self._lo])
            self._layout.insertWidget(0, widget)
            built += 1
            if deadline is not None and time.perf_counter() > deadline:
                break
        return built

    def _build_below(self, count: int) -> int:
        built = 0
        while self._hi < len(self._records) and built < count:
            widget = self._make(self._records[self._hi])
            self._layout.insertWidget(self._layout.count() - 1, widget)
            self._hi += 1
            built += 1
        return built

    def _release(self, index: int) -> None:
        """Let go of the widget of records[index], keeping what it shows in the record."""
        message = self._records[index]
        widget = self._widgets.pop(message.id)
        self._records[index] = widget.record()
        self._layout.removeWidget(widget)
        if widget.status == "streaming":
            widget.hide()  # its reply still writes to it
            self._parked[message.id] = widget
            return
        self._release_widget(widget)

    @staticmethod
    def _release_widget(widget: MessageWidget) -> None:
        widget.hide()
        widget.setParent(None)
        widget.deleteLater()

    def _trim(self, keep_end: bool, value: int | None = None) -> None:
        """Release widgets beyond WINDOW from the end away from the view, but none within
        NEAR_PX of the screen (``value``: where the view was when this began, which the
        widgets' positions, not yet laid out again, still refer to)."""
        if value is None:
            value = self.verticalScrollBar().value()
        top = value - NEAR_PX - self.viewport().height()
        bottom = value + 2 * self.viewport().height() + NEAR_PX
        while self._hi - self._lo > WINDOW:
            index = self._lo if keep_end else self._hi - 1
            widget = self._widgets[self._records[index].id]
            far = widget.y() + widget.height() < top if keep_end else widget.y() > bottom
            if not far and widget.isVisible():
                # Near the screen, or not laid out yet: look again once it is.
                self._retrim.start()
                return
            self._release(index)
            if keep_end:
                self._lo += 1
            else:
                self._hi -= 1

    def _rebuild_at_end(self) -> None:
        for index in range(self._lo, self._hi):
            self._release(index)
        self._lo = self._hi = len(self._records)
        self._build_above(FIRST_BATCH)
        self._update_regenerate()
        self._idle.start()

    def _build_ahead(self) -> None:
        """Idle frames after opening: build up to WINDOW above the latest messages, so
        scrolling up finds them ready."""
        if self._hi - self._lo >= WINDOW or self._lo == 0 or not self._follow:
            self._idle.stop()
            return
        room = WINDOW - (self._hi - self._lo)
        self._build_above(min(STEP, room), deadline=time.perf_counter() + IDLE_BUDGET_S)

    def _extend_if_near(self) -> None:
        bar = self.verticalScrollBar()
        value = bar.value()
        if value < NEAR_PX:
            if self._lo > 0:
                self._hold_anchor()
                self._build_above(STEP)
                self._trim(keep_end=False, value=value)
                self._keep_anchor()
            elif self._has_older and not self._loading and self._loader and self._records:
                self._loading = True
                self._loader(self._records[0].id, PAGE)
        elif bar.maximum() - value < NEAR_PX and self._hi < len(self._records):
            self._hold_anchor()
            self._build_below(STEP)
            self._trim(keep_end=True, value=value)
            self._keep_anchor()

    def _update_regenerate(self) -> None:
        """Only the last message may offer Regenerate: two widgets touched at most."""
        last = self._records[-1].id if self._records else 0
        if last == self._regenerate_id:
            widget = self.widget_for(last)
            if widget is not None:
                widget.set_can_regenerate(True)
            return
        previous = self.widget_for(self._regenerate_id)
        if previous is not None:
            previous.set_can_regenerate(False)
        self._regenerate_id = last
        widget = self.widget_for(last)
        if widget is not None:
            widget.set_can_regenerate(True)

    def _index_of(self, message_id: int) -> int | None:
        # From the end: the messages acted on (regenerate, retry) are the latest.
        for index in range(len(self._records) - 1, -1, -1):
            if self._records[index].id == message_id:
                return index
        return None

    # --- scrolling ---------------------------------------------------------------------------

    @staticmethod
    def _copy(text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def _hold_anchor(self) -> None:
        """Remember which message is at the top of the view, and where, so it stays
        there while messages are built or released around it."""
        value = self.verticalScrollBar().value()
        for message in self._records[self._lo : self._hi]:
            widget = self._widgets[message.id]
            if widget.y() + widget.height() > value:
                self._anchor = (widget, widget.y() - value)
                return
        self._anchor = None

    def _keep_anchor(self) -> None:
        """After widgets were built or released: put the anchor back now, and again once
        the scroll area has caught up (the range may not change at all, when what came
        is exactly as tall as what went, so rangeChanged alone is not enough)."""
        self._layout.activate()
        self._restore_anchor()
        QTimer.singleShot(0, self, self._restore_anchor)

    def _restore_anchor(self) -> None:
        if self._anchor is None:
            return
        widget, offset = self._anchor
        if self._widgets.get(widget.message_id) is not widget:
            self._anchor = None
            return
        # Lay out now, so the anchor's position is where it will be painted.
        QCoreApplication.sendPostedEvents(self._inner, QEvent.Type.LayoutRequest)
        self._adjusting = True
        try:
            self.verticalScrollBar().setValue(widget.y() - offset)
        finally:
            self._adjusting = False

    def _range_changed(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(maximum)
        else:
            self._restore_anchor()

    def _scrolled(self, value: int) -> None:
        if self._adjusting:
            return
        bar = self.verticalScrollBar()
        self._follow = value >= bar.maximum() - FOLLOW_PX
        if self._follow:
            self._anchor = None
        else:
            self._hold_anchor()
        self._extend_if_near()
        self._update_jump()

    def _update_jump(self) -> None:
        show = not self.at_latest()
        if show != self.jump_button.isVisibleTo(self):
            self.jump_button.setVisible(show)
            if show:
                self._place_jump()
                self.jump_button.raise_()

    def _place_jump(self) -> None:
        self.jump_button.adjustSize()
        view = self.viewport().geometry()
        size = self.jump_button.size()
        self.jump_button.move(view.right() - size.width() - 16, view.bottom() - size.height() - 12)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_jump()
