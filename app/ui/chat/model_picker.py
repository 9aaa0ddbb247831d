"""The one model picker: every local engine's models, grouped by engine.

A ``QComboBox`` whose items are non-selectable engine headers ("Ollama", "LM Studio —
127.0.0.1:1234", …) each followed by that engine's models. The item data of a model row
is its **model reference**, ``"<engine_id>|<base_url>|<model>"`` (see
:mod:`app.engines.addresses`: build it with ``format_ref``, read it with ``parse_ref``),
so the chosen model also names the engine that serves it; store that string in the
conversation or the last-model setting. A bare name stored by an older Hearth
(``"qwen2.5:7b"``) still selects the Ollama model of that name.

The widget does no I/O: the caller runs :func:`app.engines.discovery.discover` on a
background lane and hands the result to :meth:`set_discovery`, at start and on refresh.
The current choice survives a refresh when the model is still there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from app.engines.addresses import OLLAMA, parse_ref
from app.engines.found import Discovery, FoundEngine, LocalModel
from app.privacy.egress import model_label, model_tooltip

REF_ROLE = Qt.ItemDataRole.UserRole
"""Item data role holding the model reference (None on header rows)."""


class ModelPicker(QComboBox):
    model_chosen = Signal(str)
    """The model reference the person picked (not emitted for programmatic changes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("model_picker")
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._discovery = Discovery()
        self.activated.connect(self._on_activated)
        self._show_empty()

    # --- filling -------------------------------------------------------------------------

    def set_discovery(self, discovery: Discovery) -> None:
        """Show what ``discover()`` found; keeps the current choice when it is still there."""
        keep = self.current_ref()
        self._discovery = discovery
        self.blockSignals(True)
        try:
            self._model.clear()
            for engine in discovery.engines:
                self._add_engine(engine)
            if not self.model_refs():
                self._show_empty()
            if keep is None or not self.select_ref(keep):
                self._select_first_model()
        finally:
            self.blockSignals(False)

    def _add_engine(self, engine: FoundEngine) -> None:
        header = QStandardItem(self._engine_title(engine))
        header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: cannot be chosen
        font = QFont(self.font())
        font.setBold(True)
        header.setFont(font)
        self._model.appendRow(header)
        if engine.problem:
            note = QStandardItem(engine.problem)
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            note.setToolTip(engine.problem)
            self._model.appendRow(note)
        for model in engine.models:
            item = QStandardItem(self._model_title(model))
            item.setData(engine.ref(model.name), REF_ROLE)
            # An Ollama cloud model is listed like the others but marked (☁, where it
            # runs), in the same words as everywhere else (app/privacy/egress.py); the
            # outbound gate checks what is sent to it.
            remote = (
                model_tooltip(model.name, remote_host=model.remote_host) if model.remote else ""
            )
            item.setToolTip(remote or self._model_tooltip(engine, model))
            self._model.appendRow(item)

    def _engine_title(self, engine: FoundEngine) -> str:
        if engine.kind is OLLAMA:
            return engine.name
        address = engine.base_url.split("://", 1)[-1]
        return self.tr("{engine} — {address}").format(engine=engine.name, address=address)

    def _model_title(self, model: LocalModel) -> str:
        if model.remote:
            return model_label(model.name, remote_host=model.remote_host or "ollama.com")
        extra = " · ".join(part for part in (model.parameter_size, model.quantization) if part)
        name = f"{model.name}  ({extra})" if extra else model.name
        return name + (self.tr(" (loaded)") if model.loaded else "")

    def _model_tooltip(self, engine: FoundEngine, model: LocalModel) -> str:
        lines = [
            self.tr("{model} on {engine} at {address}").format(
                model=model.name, engine=engine.name, address=engine.base_url
            )
        ]
        if model.context_length:
            lines.append(
                self.tr("Runs with a context of {tokens} tokens.").format(
                    tokens=f"{model.context_length:,}"
                )
            )
        if model.vision:
            lines.append(self.tr("Understands images."))
        return "\n".join(lines)

    def _show_empty(self) -> None:
        item = QStandardItem(self.tr("No local model found"))
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self._model.appendRow(item)

    def _select_first_model(self) -> None:
        """The first model on this machine; a cloud model only when there is no other."""
        rows = [r for r in range(self._model.rowCount()) if self._model.item(r).data(REF_ROLE)]
        local = [r for r in rows if not self._model.item(r).text().startswith("☁")]
        for row in local or rows:
            self.setCurrentIndex(row)
            return
        self.setCurrentIndex(-1 if not self._model.rowCount() else 0)

    # --- reading and choosing ------------------------------------------------------------

    def model_refs(self) -> list[str]:
        refs = (self._model.item(row).data(REF_ROLE) for row in range(self._model.rowCount()))
        return [ref for ref in refs if ref]

    def current_ref(self) -> str | None:
        """The chosen model's reference, or None when nothing choosable is selected."""
        ref = self.currentData(REF_ROLE)
        return str(ref) if ref else None

    def current_model(self) -> str | None:
        """Just the engine's model name of the current choice."""
        ref = self.current_ref()
        parsed = parse_ref(ref) if ref else None
        return parsed.model if parsed else None

    def select_ref(self, ref: str) -> bool:
        """Select ``ref`` (or, for a bare name, the Ollama model of that name); False
        when it is not in the list."""
        parsed = parse_ref(ref)
        for row in range(self._model.rowCount()):
            data = self._model.item(row).data(REF_ROLE)
            if not data:
                continue
            candidate = parse_ref(str(data))
            if data == ref or (
                parsed is None
                and candidate is not None
                and candidate.engine_id == OLLAMA.id
                and candidate.model in (ref, f"{ref}:latest")
            ):
                self.setCurrentIndex(row)
                return True
        return False

    def _on_activated(self, row: int) -> None:
        ref = self._model.item(row).data(REF_ROLE) if 0 <= row < self._model.rowCount() else None
        if ref:
            self.model_chosen.emit(str(ref))
