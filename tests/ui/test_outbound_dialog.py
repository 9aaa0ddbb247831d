"""The findings dialog: what it shows, and that every choice is one real click or key away."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.engines.base import ChatMessage, ChatRequest
from app.privacy.detectors import cn_id_check_char
from app.privacy.egress import ollama_destination
from app.privacy.gate import Action, Check, apply_decision, check_outbound
from app.ui.chat.escalation import OutboundDialog, ask_outbound

AWS = "AKIAIOSFODNN7EXAMPLE"
FIRST17 = "44030619900307123"
CN_ID = FIRST17 + cn_id_check_char(FIRST17)
CLOUD = ollama_destination("http://127.0.0.1:11434", "gpt-oss:120b-cloud")


def a_check() -> Check:
    request = ChatRequest(
        "gpt-oss:120b-cloud",
        (
            ChatMessage("system", "You help with taxes."),
            ChatMessage("user", f"我的身份证号是{CN_ID}，AWS密钥{AWS}。"),
        ),
    )
    return check_outbound(request, CLOUD, local_only=False)


def open_dialog(qtbot: QtBot) -> OutboundDialog:
    dialog = OutboundDialog(a_check())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_it_shows_what_and_where(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    assert "ollama.com" in dialog.where_label.text()
    text = dialog.findings_view.toPlainText()
    assert "Resident ID number" in text and "API key or token" in text
    assert "Message 1" in text  # the system prompt is not counted as a message
    assert CN_ID in text and AWS in text


def test_enter_redacts_and_sends_never_the_values(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    with qtbot.waitSignal(dialog.decided) as signal:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    decision = signal.args[0]
    assert decision.action is Action.REDACT and not decision.remember
    sent = apply_decision(dialog.check, decision).request.messages[1].content
    assert CN_ID not in sent and AWS not in sent


def test_send_anyway_with_dont_ask_again(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.mouseClick(dialog.remember_box, Qt.MouseButton.LeftButton)
    assert dialog.remember_box.isChecked()
    with qtbot.waitSignal(dialog.decided) as signal:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    decision = signal.args[0]
    assert decision.action is Action.SEND and decision.remember
    out = apply_decision(dialog.check, decision)
    assert set(out.remember.values()) == {Action.SEND} and len(out.remember) == 2


def test_escape_and_cancel_decide_nothing(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    with qtbot.waitSignal(dialog.decided) as signal:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert signal.args[0] is None and dialog.decision() is None
    other = open_dialog(qtbot)
    with qtbot.waitSignal(other.decided) as signal:
        qtbot.mouseClick(other.cancel_button, Qt.MouseButton.LeftButton)
    assert signal.args[0] is None


def test_ask_outbound_returns_the_choice(qtbot: QtBot) -> None:
    def click_redact() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OutboundDialog):
            QTimer.singleShot(20, click_redact)
            return
        qtbot.mouseClick(dialog.redact_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, click_redact)
    decision = ask_outbound(None, a_check())
    assert decision is not None and decision.action is Action.REDACT
