"""What a first start on a Chinese desktop sets up before the window opens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core import paths
from app.ledger.settings import CURRENCY, ELECTRICITY_PER_KWH
from app.ui.bootstrap import create_context


@pytest.fixture
def chinese_desktop() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(before)


def test_the_ledger_counts_in_yuan_on_a_chinese_desktop(
    qtbot: QtBot, qapp: QApplication, chinese_desktop: None
) -> None:
    ctx = create_context(qapp)
    try:
        assert ctx.settings.get(CURRENCY) == "CNY"
        assert str(ctx.settings.get(ELECTRICITY_PER_KWH)) == "0.6"
        saved = Path(paths.settings_path())
        qtbot.waitUntil(lambda: saved.exists() and "CNY" in saved.read_text(), timeout=3000)
    finally:
        ctx.tasks.shutdown()
        ctx.writer.close()
