"""The Advanced options dialog with real widgets: what each engine takes, numbers in the
person's locale, bad input kept and explained."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.chat.options import ModelOptions
from app.engines.context import fixed_context, ollama_effective_context
from app.ui.chat.advanced_dialog import AdvancedDialog
from app.ui.chat.advanced_setup import (
    ANTHROPIC_KIND,
    OLLAMA_KIND,
    OPENAI_KIND,
    AdvancedSetup,
    count,
)


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def ok(dialog: AdvancedDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_llama_cpp_context_is_shown_and_cannot_be_changed(qtbot: QtBot) -> None:
    setup = AdvancedSetup("smollm2", "llama.cpp", OPENAI_KIND, fixed_context(4096, 8192))
    dialog = AdvancedDialog(setup, ModelOptions())
    qtbot.addWidget(dialog)
    assert not dialog.context.isEnabled()
    assert count(4096) in dialog.context.currentText()
    assert "cannot be changed from Hearth" in dialog.note.text()
    dialog.temperature.setText("0.2")
    dialog.seed.setText("9")
    ok(dialog)
    assert dialog.result() == AdvancedDialog.DialogCode.Accepted
    assert dialog.chosen() == ModelOptions(0.2, None, 9, None)


def test_claude_says_no_seed_and_the_temperature_range(qtbot: QtBot) -> None:
    setup = AdvancedSetup("claude-sonnet-4-5", "Anthropic", ANTHROPIC_KIND, None)
    dialog = AdvancedDialog(setup, ModelOptions(temperature=0.5))
    qtbot.addWidget(dialog)
    assert "no seed" in dialog.note.text() and "0 to 1" in dialog.note.text()
    assert dialog.temperature.text() == "0.5"


def test_numbers_in_the_persons_locale_and_bad_input_kept(qtbot: QtBot, german: None) -> None:
    context = ollama_effective_context(
        chosen=16384, modelfile=None, machine_default=4096, model_max=32768
    )
    setup = AdvancedSetup("qwen2.5:7b", "Ollama", OLLAMA_KIND, context, machine_default=4096)
    dialog = AdvancedDialog(setup, ModelOptions(temperature=0.7, num_ctx=16384))
    qtbot.addWidget(dialog)
    assert dialog.temperature.text() == "0,7"  # shown as a German writes it
    assert dialog.context.currentData() == 16384
    assert "4.096" in dialog.context.itemText(0)  # grouped the German way
    dialog.top_p.setText("1,5")
    ok(dialog)
    assert dialog.isVisible() is False or dialog.result() != AdvancedDialog.DialogCode.Accepted
    assert "Top P" in dialog.error.text() and dialog.top_p.text() == "1,5"
    dialog.top_p.setText("0,9")
    dialog.reset.click()  # "Engine defaults" clears everything, context back to default
    assert dialog.temperature.text() == "" and dialog.context.currentData() is None
    dialog.temperature.setText("1,2")
    ok(dialog)
    assert dialog.chosen() == ModelOptions(temperature=1.2)
