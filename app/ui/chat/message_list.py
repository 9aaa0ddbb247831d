"""The scrolling column of messages; keeps to the bottom while a reply streams."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.storage.records import Message
from app.ui.chat.message_widget import MessageWidget


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
        self._widgets: dict[int, MessageWidget] = {}
        self._follow = True
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._keep_bottom)
        bar.valueChanged.connect(self._track_follow)

    def clear(self) -> None:
        for widget in self._widgets.values():
            widget.setParent(None)
            widget.deleteLater()
        self._widgets.clear()
        self._follow = True

    def add(self, message: Message) -> MessageWidget:
        widget = MessageWidget(message, self._inner)
        widget.copy_requested.connect(self._copy)
        widget.regenerate_requested.connect(self.regenerate_requested)
        widget.retry_requested.connect(self.retry_requested)
        self._layout.insertWidget(self._layout.count() - 1, widget)
        self._widgets[message.id] = widget
        self._follow = True
        self._update_regenerate()
        return widget

    @staticmethod
    def _copy(text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def remove(self, message_id: int) -> None:
        widget = self._widgets.pop(message_id, None)
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        self._update_regenerate()

    def widget_for(self, message_id: int) -> MessageWidget | None:
        return self._widgets.get(message_id)

    def widgets(self) -> list[MessageWidget]:
        return list(self._widgets.values())

    def refresh_actions(self) -> None:
        self._update_regenerate()

    def _update_regenerate(self) -> None:
        widgets = list(self._widgets.values())
        for index, widget in enumerate(widgets):
            widget.set_can_regenerate(index == len(widgets) - 1)

    def _track_follow(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._follow = value >= bar.maximum() - 24

    def _keep_bottom(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(maximum)
