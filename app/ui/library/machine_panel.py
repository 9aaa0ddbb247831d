"""The "This machine" panel: GPUs, unified memory, RAM and free disk, measured off the
GUI thread (NVML and the disk can take a moment)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from app.hardware import Machine, describe_machine, probe_machine
from app.ui.context import AppContext
from app.ui.library.named import named


class MachinePanel(QGroupBox):
    measured = Signal(object)  # Machine

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("This machine"), parent)
        self.setObjectName("machine_panel")
        self._ctx = ctx
        self.machine: Machine | None = None
        self.text = named(QLabel(self.tr("Measuring…")), "machine_text")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.refresh()

    def refresh(self) -> None:
        self._ctx.tasks.run(probe_machine, self._show, self._failed, owner=self)

    def _show(self, machine: Machine) -> None:
        self.machine = machine
        self.text.setText("\n".join(describe_machine(machine)))
        self.measured.emit(machine)

    def _failed(self, exc: BaseException) -> None:
        self.text.setText(self.tr("Could not measure this machine: {error}").format(error=exc))
