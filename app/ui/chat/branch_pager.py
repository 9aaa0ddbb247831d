"""Edit and branches in the view (issue 16): the version pager ◀ n/m ▶, Edit on the
person's messages, Delete on a message's context menu.

``BranchControls`` decorates each message widget as the list builds it (the list calls
``decorate``) and keeps the versions of the messages shown (``app.storage.tree
.Alternatives``, by message id), so a widget built later, or rebuilt after scrolling,
shows its pager too. It decides nothing: it asks, through signals the panel answers —
``switch_requested(message_id)`` (make that version active), ``edit_submitted(message_id,
text)``, ``delete_requested(message_id)``.

The person's edited words are never lost: the edit dialog stays open until the panel
says they are stored (``edit_stored``); a dialog closed with Esc keeps its text as a draft
that Edit brings back.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.storage.tree import Alternatives
from app.ui.chat.message_widget import MessageWidget

Watch = Callable[[Future[Any], Callable[[Any], None]], None]


class BranchPager(QWidget):
    """◀ n/m ▶ on a message that has other versions."""

    switch_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("branch_pager")
        self._versions: Alternatives | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.previous = QToolButton(self)
        self.previous.setObjectName("branch_previous")
        self.previous.setText("◀")
        self.previous.setAutoRaise(True)
        self.previous.setToolTip(self.tr("Previous version"))
        self.previous.setAccessibleName(self.tr("Previous version"))
        self.previous.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.previous.clicked.connect(lambda: self._go(-1))
        self.label = QLabel(self)
        self.label.setObjectName("branch_position")
        self.next = QToolButton(self)
        self.next.setObjectName("branch_next")
        self.next.setText("▶")
        self.next.setAutoRaise(True)
        self.next.setToolTip(self.tr("Next version"))
        self.next.setAccessibleName(self.tr("Next version"))
        self.next.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.next.clicked.connect(lambda: self._go(1))
        for part in (self.previous, self.label, self.next):
            layout.addWidget(part)

    def set_versions(self, versions: Alternatives) -> None:
        self._versions = versions
        self.label.setText(f"{versions.position}/{versions.count}")
        tip = self.tr("Version {position} of {count}").format(
            position=versions.position, count=versions.count
        )
        self.label.setToolTip(tip)
        self.setAccessibleName(tip)
        self.previous.setEnabled(versions.previous is not None)
        self.next.setEnabled(versions.next is not None)

    def text(self) -> str:
        return self.label.text()

    def _go(self, step: int) -> None:
        versions = self._versions
        if versions is None:
            return
        target = versions.previous if step < 0 else versions.next
        if target is not None:
            self.switch_requested.emit(target)


class EditDialog(QDialog):
    """Edit a sent message: Enter sends it again, Shift+Enter starts a new line, Esc
    cancels (the text stays as a draft)."""

    submitted = Signal(str)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("edit_message")
        self.setWindowTitle(self.tr("Edit message"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Send it again as a new version. The earlier version and its replies stay "
                "one click away (◀ ▶)."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("edit_text")
        self.edit.setPlainText(text)
        self.edit.installEventFilter(self)
        layout.addWidget(self.edit, 1)
        self.problem = QLabel(self)
        self.problem.setObjectName("edit_problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.send_button = buttons.addButton(
            self.tr("Send again"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.setFocus()
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)

    def text(self) -> str:
        return self.edit.toPlainText()

    def submit(self) -> None:
        if not self.text().strip():
            self.show_problem(self.tr("Type the message to send, or press Esc to cancel."))
            return
        self.send_button.setEnabled(False)  # until the panel answers: sent once
        self.submitted.emit(self.text())

    def show_problem(self, text: str) -> None:
        """Not stored: say why, keep the words, let the person try again."""
        self.problem.setText(text)
        self.problem.show()
        self.send_button.setEnabled(True)

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            if self.send_button.isEnabled():
                self.submit()
            return True
        return super().eventFilter(watched, event)


def confirm_delete(parent: QWidget, count: int) -> bool:
    """Ask before deleting; ``count`` is how many messages go (the branch after a
    version goes with it)."""
    text = (
        QCoreApplication.translate(
            "BranchControls", "Delete this message? The messages after it stay."
        )
        if count <= 1
        else QCoreApplication.translate(
            "BranchControls",
            "Delete this version and what followed it ({count} messages in all)? "
            "The other versions stay.",
        ).format(count=count)
    )
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("BranchControls", "Delete message"),
        text
        + "\n"
        + QCoreApplication.translate(
            "BranchControls", "Usage already recorded stays in the savings ledger."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class BranchControls(QObject):
    switch_requested = Signal(int)
    edit_submitted = Signal(int, str)
    delete_requested = Signal(int)

    def __init__(self, view: Any, watch: Watch, parent: QWidget) -> None:
        """``view``: the MessageList (``widget_for``); ``watch(future, on_done)`` calls
        back on the GUI thread (failures are the caller's to show)."""
        super().__init__(parent)
        self._view = view
        self._watch = watch
        self._parent = parent
        self._versions: dict[int, Alternatives] = {}
        self._pagers: dict[int, BranchPager] = {}
        self._drafts: dict[int, str] = {}
        self.dialog: EditDialog | None = None
        self._editing = 0

    # --- what the view shows ------------------------------------------------------------

    def set_versions(self, versions: dict[int, Alternatives]) -> None:
        """A conversation was (re)opened: these are the versions of what it shows."""
        self._versions = dict(versions)
        self._pagers.clear()

    def add_versions(self, versions: dict[int, Alternatives]) -> None:
        self._versions.update(versions)
        for message_id in versions:
            widget = self._view.widget_for(message_id)
            if widget is not None:
                self._show_pager(widget)

    def refresh(self, lookup: Future[dict[int, Alternatives]]) -> None:
        self._watch(lookup, self.add_versions)

    def versions(self, message_id: int) -> Alternatives | None:
        return self._versions.get(message_id)

    def pager(self, message_id: int) -> BranchPager | None:
        return self._pagers.get(message_id)

    def decorate(self, widget: MessageWidget) -> None:
        """Called by the list for each widget it builds."""
        message_id = widget.message_id
        if widget.role == "user":
            edit = QToolButton(widget)
            edit.setObjectName("edit_message_button")
            edit.setText(self.tr("Edit"))
            edit.setToolTip(self.tr("Edit this message and send it again"))
            edit.setAutoRaise(True)
            edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            edit.clicked.connect(lambda: self.edit(message_id, widget.text))
            widget.add_control(edit)
        for target in (widget, widget.body):
            target.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            target.customContextMenuRequested.connect(
                lambda pos, t=target: self._context_menu(widget, t, pos)
            )
        self._show_pager(widget)

    def _show_pager(self, widget: MessageWidget) -> None:
        versions = self._versions.get(widget.message_id)
        if versions is None:
            return
        pager = widget.findChild(BranchPager)
        if pager is None:
            pager = BranchPager(widget)
            pager.switch_requested.connect(self.switch_requested)
            widget.add_control(pager, leading=True)
        pager.set_versions(versions)
        self._pagers[widget.message_id] = pager
        pager.destroyed.connect(lambda _obj=None, i=widget.message_id: self._forget_pager(i, pager))

    def _forget_pager(self, message_id: int, pager: BranchPager) -> None:
        if self._pagers.get(message_id) is pager:
            del self._pagers[message_id]

    def _context_menu(self, widget: MessageWidget, target: QWidget, pos: QPoint) -> None:
        menu = (
            widget.body.createStandardContextMenu(pos) if target is widget.body else QMenu(widget)
        )
        menu.setObjectName("message_menu")
        if not menu.isEmpty():
            menu.addSeparator()
        if widget.role == "user":
            menu.addAction(self.tr("Edit…"), lambda: self.edit(widget.message_id, widget.text))
        menu.addAction(
            self.tr("Delete message…"), lambda: self.delete_requested.emit(widget.message_id)
        )
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(target.mapToGlobal(pos))

    # --- editing --------------------------------------------------------------------------

    def edit(self, message_id: int, text: str) -> EditDialog:
        if self.dialog is not None:
            self.dialog.reject()
        dialog = EditDialog(self._drafts.get(message_id, text), self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda words: self.edit_submitted.emit(message_id, words))
        dialog.rejected.connect(lambda: self._keep_draft(message_id, dialog, text))
        self.dialog, self._editing = dialog, message_id
        dialog.open()
        return dialog

    def _keep_draft(self, message_id: int, dialog: EditDialog, original: str) -> None:
        if dialog.text() != original:
            self._drafts[message_id] = dialog.text()
        if self.dialog is dialog:
            self.dialog = None

    def edit_stored(self, message_id: int) -> None:
        """The edit is on disk: the dialog may go, and its draft with it."""
        self._drafts.pop(message_id, None)
        if self.dialog is not None and self._editing == message_id:
            dialog, self.dialog = self.dialog, None
            dialog.accept()

    def edit_failed(self, message_id: int, reason: str) -> None:
        if self.dialog is not None and self._editing == message_id:
            self.dialog.show_problem(reason)
