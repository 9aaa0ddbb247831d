"""What the person sees when Ollama is not ready, each state with a way forward."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.engines.ollama_service import OllamaState, install_instructions


class OllamaPanel(QWidget):
    retry_requested = Signal()
    start_requested = Signal()
    library_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ollama_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.addStretch(1)
        self.title = QLabel(self)
        self.title.setObjectName("ollama_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.body = QLabel(self)
        self.body.setObjectName("ollama_body")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.body)
        self.steps = QPlainTextEdit(self)
        self.steps.setObjectName("ollama_steps")
        self.steps.setReadOnly(True)
        self.steps.setMaximumHeight(160)
        layout.addWidget(self.steps)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start Ollama"), self)
        self.start_button.setObjectName("start_ollama")
        self.start_button.clicked.connect(self.start_requested)
        row.addWidget(self.start_button)
        self.library_button = QPushButton(self.tr("Open the model library"), self)
        self.library_button.clicked.connect(self.library_requested)
        row.addWidget(self.library_button)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("retry_ollama")
        self.retry_button.clicked.connect(self.retry_requested)
        row.addWidget(self.retry_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_state(self, state: OllamaState, host: str, detail: str = "") -> None:
        self.start_button.setVisible(state is OllamaState.NOT_RUNNING)
        self.start_button.setEnabled(True)
        self.library_button.setVisible(state is OllamaState.NO_MODELS)
        self.steps.setVisible(state in (OllamaState.NOT_INSTALLED, OllamaState.NO_MODELS))
        if state is OllamaState.NOT_INSTALLED:
            self.title.setText(self.tr("Ollama is not installed"))
            self.body.setText(
                self.tr(
                    "Hearth chats through Ollama, which runs models on your own machine. "
                    "Install it, then press Retry."
                )
            )
            steps = install_instructions()
            self.steps.setPlainText(
                "\n\n".join(f"{system}:\n{text}" for system, text in steps.items())
            )
        elif state is OllamaState.NOT_RUNNING:
            self.title.setText(self.tr("Ollama is not running"))
            self.body.setText(
                self.tr("Ollama is installed but nothing answers at {host}.").format(host=host)
                + (f"\n{detail}" if detail else "")
            )
        elif state is OllamaState.NO_MODELS:
            self.title.setText(self.tr("No models yet"))
            self.body.setText(
                self.tr(
                    "Ollama is running at {host} but has no models. Download one from the "
                    "model library, or in a terminal:"
                ).format(host=host)
            )
            self.steps.setPlainText("ollama pull qwen2.5:7b")

    def set_starting(self) -> None:
        self.start_button.setEnabled(False)
        self.body.setText(self.tr("Starting Ollama…"))
