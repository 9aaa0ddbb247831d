"""The Think control in the chat panel's header (issue 16): an on/off check box for models
that take a bool (qwen3, deepseek-r1, DeepSeek, Claude), a Low/Medium/High menu for
gpt-oss, nothing for models that cannot think. Which applies, and what goes on the wire,
is decided in app/chat/thinking.py; the choice is kept per conversation
(``conversations.think``), the panel storing it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from app.chat.thinking import LEVELS, NO_THINKING, ThinkSupport, think_support, wire_think
from app.engines.addresses import parse_ref
from app.engines.base import ModelDetails
from app.storage.records import Conversation


def think_support_for(
    conversation: Conversation | None, model: str, details: ModelDetails | None
) -> ThinkSupport:
    """What the next reply's model takes: the cloud's when the conversation was sent
    there, else the chosen local model's (a bare name is the default Ollama)."""
    if conversation is not None and conversation.cloud_provider:
        return think_support(conversation.cloud_provider, conversation.cloud_model or "")
    ref = parse_ref(model)
    engine, name = (ref.engine_id, ref.model) if ref is not None else ("ollama", model)
    return think_support(engine, name, details.capabilities if details is not None else ())


class ThinkControl(QWidget):
    choice_changed = Signal(object)  # the person's choice: 'on', 'off' or a level

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._support = NO_THINKING
        self._choice: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # A check box, not a toggle button: its state reads the same in every theme.
        self.button = QCheckBox(self.tr("Think"), self)
        self.button.setObjectName("think_toggle")
        self.button.clicked.connect(self._toggled)
        layout.addWidget(self.button)
        self.levels = QComboBox(self)
        self.levels.setObjectName("think_level")
        names = {
            "low": self.tr("Think: low"),
            "medium": self.tr("Think: medium"),
            "high": self.tr("Think: high"),
        }
        for level in LEVELS:
            self.levels.addItem(names[level], level)
        self.levels.setToolTip(self.tr("How long the model thinks before it answers"))
        self.levels.activated.connect(self._level_chosen)
        layout.addWidget(self.levels)
        self._apply()

    @property
    def support(self) -> ThinkSupport:
        return self._support

    def choice(self) -> str | None:
        """The person's choice (None: they have not chosen; the model's default)."""
        return self._choice

    def wire(self) -> bool | str | None:
        """What the next request carries (None for a model that cannot think)."""
        return wire_think(self._support, self._choice)

    def set_support(self, support: ThinkSupport) -> None:
        self._support = support
        self._apply()

    def set_choice(self, choice: str | None) -> None:
        """The conversation's stored choice (no signal: nothing changed)."""
        self._choice = choice
        self._apply()

    def _toggled(self, checked: bool) -> None:
        self._choice = "on" if checked else "off"
        self._apply()
        self.choice_changed.emit(self._choice)

    def _level_chosen(self, index: int) -> None:
        self._choice = str(self.levels.itemData(index))
        self._apply()
        self.choice_changed.emit(self._choice)

    def _apply(self) -> None:
        mode = self._support.mode
        effective = self._support.effective(self._choice)
        self.button.setVisible(mode == "toggle")
        self.levels.setVisible(mode == "levels")
        self.setVisible(mode != "none")
        if mode == "toggle":
            self.button.setChecked(effective == "on")
            self.button.setToolTip(
                self.tr("The model thinks before it answers (click to turn off)")
                if effective == "on"
                else self.tr("The model answers without thinking first (click to turn on)")
            )
        elif mode == "levels":
            self.levels.setCurrentIndex(max(0, self.levels.findData(effective)))
