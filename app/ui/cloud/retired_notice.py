"""A line under a model field saying the provider retired that model id, naming its
successor, with a button that switches to it. Shared by the escalate dialog and any
other place a cloud model id is typed or remembered."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.cloud.providers import retired_message, retired_model


class RetiredNotice(QWidget):
    switch = Signal(str)
    """The person chose the successor (its model id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retired_notice")
        self.label = QLabel(self)
        self.label.setObjectName("retired_label")
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("use_successor")
        self.button.setAutoDefault(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self._successor = ""
        self.button.clicked.connect(lambda: self.switch.emit(self._successor))
        self.hide()

    def show_for(self, provider_id: str, model: str) -> bool:
        """Show the notice when ``model`` is retired; True when it is."""
        entry = retired_model(provider_id, model)
        if entry is None:
            self._successor = ""
            self.hide()
            return False
        self._successor = entry.successor
        self.label.setText(retired_message(provider_id, model))
        self.button.setText(self.tr("Use %1").replace("%1", entry.successor))
        self.show()
        return True
