"""What the person sees when no local engine is ready, each state with a way forward.

With nothing reachable there are two ways on, both offered: install or start Ollama, or
point Hearth at another local server (LM Studio, llama.cpp, Jan, vLLM,
text-generation-webui, or anything OpenAI-compatible on this machine or the LAN). The
address is checked (a local address, a valid port) before it is saved to
``engines/extra_addresses``; ``server_added`` then asks the window to look again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.core.settings import Settings
from app.engines.addresses import (
    EXTRA_ADDRESSES,
    LLAMACPP,
    add_address,
    address_problem,
    normalize_url,
)
from app.engines.ollama_service import OllamaState, install_instructions


class OllamaPanel(QWidget):
    retry_requested = Signal()
    start_requested = Signal()
    library_requested = Signal()
    server_added = Signal(str)
    """A local server address the person entered, checked and saved (normalized URL)."""

    def __init__(self, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
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
        layout.addSpacing(24)
        self.other_title = QLabel(self.tr("Or use another local server"), self)
        self.other_title.setObjectName("other_server_title")
        bold = self.other_title.font()
        bold.setBold(True)
        self.other_title.setFont(bold)
        layout.addWidget(self.other_title)
        self.other_body = QLabel(
            self.tr(
                "Hearth looks for LM Studio, llama.cpp, Jan, vLLM and text-generation-webui "
                "on their usual ports. If yours runs elsewhere, enter its address:"
            ),
            self,
        )
        self.other_body.setWordWrap(True)
        layout.addWidget(self.other_body)
        address_row = QHBoxLayout()
        self.address = QLineEdit(self)
        self.address.setObjectName("server_address")
        self.address.setPlaceholderText(LLAMACPP.default_url)  # a URL: the same in every language
        self.address.returnPressed.connect(self._add_server)
        address_row.addWidget(self.address, 1)
        self.add_button = QPushButton(self.tr("Use this server"), self)
        self.add_button.setObjectName("add_server")
        self.add_button.clicked.connect(self._add_server)
        address_row.addWidget(self.add_button)
        layout.addLayout(address_row)
        self.address_error = QLabel(self)
        self.address_error.setObjectName("server_address_error")
        self.address_error.setWordWrap(True)
        self.address_error.setStyleSheet("color: #b3261e;")
        self.address_error.hide()
        layout.addWidget(self.address_error)
        layout.addStretch(2)

    def _add_server(self) -> None:
        text = self.address.text().strip()
        problem = address_problem(text) if text else self.tr("Enter the server's address.")
        if problem is not None:
            self.address_error.setText(problem)
            self.address_error.show()
            self.address.setFocus()
            return
        url = normalize_url(text)
        if self._settings is not None:
            try:
                self._settings.set(
                    EXTRA_ADDRESSES, add_address(self._settings.get(EXTRA_ADDRESSES), url)
                )
                self._settings.save()
            except (KnownError, ValueError) as exc:
                self.address_error.setText(str(exc))
                self.address_error.show()
                return
        self.address_error.hide()
        self.address.clear()
        self.server_added.emit(url)

    def show_state(self, state: OllamaState, host: str, detail: str = "") -> None:
        self.start_button.setVisible(state is OllamaState.NOT_RUNNING)
        self.start_button.setEnabled(True)
        self.library_button.setVisible(state is OllamaState.NO_MODELS)
        self.steps.setVisible(state in (OllamaState.NOT_INSTALLED, OllamaState.NO_MODELS))
        no_engine = state in (OllamaState.NOT_INSTALLED, OllamaState.NOT_RUNNING)
        for widget in (self.other_title, self.other_body, self.address, self.add_button):
            widget.setVisible(no_engine)
        if not no_engine:
            self.address_error.hide()
        if state is OllamaState.NOT_INSTALLED:
            self.title.setText(self.tr("Ollama is not installed"))
            self.body.setText(
                self.tr(
                    "Hearth chats with models that run on your own machine. The easiest way "
                    "is Ollama: install it, then press Retry."
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
