"""PDF and HTML exports carry the charts, label every figure in words, and a Chinese
export is Chinese throughout (real catalogue, real QPdfWriter, real PNGs)."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QImage

from app.core import paths
from app.core.i18n import install_translator
from app.ledger.export_csv import to_text
from app.ledger.report import build_month_report
from app.ledger.settings import LedgerConfig
from app.ui.ledger.pdf import html_with_charts, write_pdf
from tests.unit.ledger_seed import at, cloud, local, seeded


@pytest.fixture
def report(tmp_path: Path, qapp: object):  # type: ignore[no-untyped-def]
    conn = seeded(
        tmp_path / "db.sqlite3",
        [
            local(at("2026-11-02T10:00:00"), 10_000, 1_000, energy_j=3600.0),
            local(at("2026-11-03T10:00:00"), 20_000, 500, energy_j=1800.0, model="qwen3:8b"),
            cloud(at("2026-11-04T10:00:00"), 2_000, 100, "0.0075"),
        ],
    )
    yield build_month_report(conn, "2026-11", LedgerConfig(), now=at("2026-12-01T08:00:00"))
    conn.close()


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    folder = paths.translations_dir()
    assert folder is not None
    translator = QTranslator()
    assert translator.load("hearth_zh_CN", str(folder))
    QCoreApplication.installTranslator(translator)
    install_translator(QCoreApplication.translate)
    yield
    QCoreApplication.removeTranslator(translator)
    install_translator(lambda _context, text: text)


def _images(html: str) -> list[QImage]:
    found = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    return [QImage.fromData(base64.b64decode(data)) for data in found]


def _coloured(image: QImage) -> bool:
    """Something was drawn: not every sampled pixel is white."""
    return any(
        image.pixelColor(x, y).name() != "#ffffff"
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    )


PROVENANCE_KEYS = (
    "currency",
    "replies",
    "input_tokens",
    "output_tokens",
    "baseline_cost",
    "cloud_spend",
    "electricity_cost",
    "amortization_cost",
    "payback_percent",
)


def test_html_export_carries_three_charts_and_words_not_keys(report) -> None:  # type: ignore[no-untyped-def]
    html = html_with_charts(report)
    images = _images(html)
    assert len(images) == 3
    assert all(not image.isNull() and image.width() == 900 for image in images)
    assert all(_coloured(image) for image in images)
    for key in PROVENANCE_KEYS:
        assert f"<b>{key}</b>" not in html
    assert "<b>Electricity</b>" in html and "<b>Input tokens</b>" in html
    text = to_text(report)
    assert not any(
        line.startswith(f"{key}:") for key in PROVENANCE_KEYS for line in text.split("\n")
    )


def test_pdf_export_embeds_the_charts(report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.pdf"
    write_pdf(report, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Subtype /Image") >= 3


def test_a_chinese_export_is_chinese(chinese: None, report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # translator first: the report is worded when built
    html = html_with_charts(report)
    body = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    visible = re.sub(r"<[^>]+>", "\n", re.sub(r'(src|alt)="[^"]+"', "", body))
    # Names stay as they are: products, models, providers, "token" (as Chinese writes it)
    names = {"Hearth", "Anthropic", "Claude", "Sonnet", "genai", "prices", "NVIDIA", "Apple",
             "IOReport", "DOCTYPE", "html", "anthropic", "claude", "sonnet", "ollama", "llama",
             "qwen", "token", "tokens", "Token", "Tokens"}  # fmt: skip
    english_words = {w for w in re.findall(r"[A-Za-z]{4,}", visible) if w not in names}
    assert english_words == set(), sorted(english_words)
    assert "数据来源" in html or "来源" in html
    write_pdf(report, tmp_path / "zh.pdf")
    assert (tmp_path / "zh.pdf").read_bytes().count(b"/Subtype /Image") >= 3
