"""Editing system prompts: this conversation's, and the default new conversations start with.

``SystemPromptDialog`` is what the panel's "System prompt…" opens: the conversation's
prompt, plus "Use for new conversations" to make it the default. ``DefaultPromptEditor``
edits the default alone and can be embedded anywhere (a Preferences page): ``load`` from
settings, ``apply`` validates and sets (the caller saves the settings file).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.chat.system_prompt import DEFAULT_SYSTEM_PROMPT
from app.core.settings import SettingError, Settings


class DefaultPromptEditor(QWidget):
    """The default system prompt for new conversations; existing ones keep theirs."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(
            self.tr(
                "New conversations start with this system prompt (empty: none). "
                "Conversations you already have keep their own."
            ),
            self,
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("default_system_prompt")
        self.edit.setPlaceholderText(self.tr("For example: Answer briefly, in Chinese."))
        layout.addWidget(self.edit)
        self.load()

    def load(self) -> None:
        self.edit.setPlainText(self._settings.get(DEFAULT_SYSTEM_PROMPT))

    def value(self) -> str:
        return self.edit.toPlainText().strip()

    def apply(self) -> None:
        """Set the value (``SettingError`` with a message when it cannot be used)."""
        self._settings.set(DEFAULT_SYSTEM_PROMPT, self.value())


class SystemPromptDialog(QDialog):
    def __init__(
        self, settings: Settings, current: str, new: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("system_prompt_dialog")
        self.setWindowTitle(self.tr("System prompt"))
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Instructions the model follows throughout this conversation:"), self)
        )
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("system_prompt")
        self.edit.setPlainText(current)
        layout.addWidget(self.edit)
        default = settings.get(DEFAULT_SYSTEM_PROMPT)
        self.use_for_new = QCheckBox(self.tr("Use for new conversations"), self)
        self.use_for_new.setObjectName("use_for_new_conversations")
        self.use_for_new.setChecked(bool(default) and default == current)
        self.use_for_new.setToolTip(
            self.tr("New conversations start with this prompt; existing ones keep their own.")
        )
        layout.addWidget(self.use_for_new)
        if new and default and current == default:
            note = QLabel(self.tr("This new conversation starts with your default prompt."), self)
            note.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 360)
        self._was_default = self.use_for_new.isChecked()

    def text(self) -> str:
        return self.edit.toPlainText()

    def default_changed(self) -> bool:
        """Whether accepting changed the default (the caller saves the settings file)."""
        return self._default_changed

    def _accept(self) -> None:
        self._default_changed = False
        try:
            if self.use_for_new.isChecked():
                if self._settings.get(DEFAULT_SYSTEM_PROMPT) != self.text().strip():
                    self._settings.set(DEFAULT_SYSTEM_PROMPT, self.text().strip())
                    self._default_changed = True
            elif self._was_default:
                self._settings.set(DEFAULT_SYSTEM_PROMPT, "")  # unticked: no default any more
                self._default_changed = True
        except SettingError as exc:
            QMessageBox.warning(self, self.tr("System prompt"), str(exc))
            return
        self.accept()

    _default_changed = False
