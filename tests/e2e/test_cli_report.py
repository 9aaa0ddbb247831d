"""``hearth report`` and ``hearth calc`` as a person runs them, on a real database."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import paths
from app.storage.writer import SerialWriter
from tests.unit.ledger_seed import at, cloud, local

JSON_KEYS = {
    "month",
    "currency",
    "local_replies",
    "cloud_replies",
    "input_tokens",
    "output_tokens",
    "baseline_cost",
    "cloud_spend",
    "electricity_cost",
    "amortization_cost",
    "net_saved",
    "cumulative_saved",
    "payback_percent",
}


def hearth(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TZ": "UTC", "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


@pytest.fixture
def ledger(data_dir: Path) -> Path:
    from app.storage import repo

    writer = SerialWriter(paths.database_path())
    for record in (
        # 10,000 × 3/1e6 + 1,000 × 15/1e6 = 0.045; 3,600 J = 0.001 kWh × 0.15 = 0.00015
        local(at("2025-05-01T10:00:00"), 10_000, 1_000, energy_j=3600.0),
        cloud(at("2025-05-02T10:00:00"), 2_000, 100, "0.0075"),
    ):
        writer.call(lambda conn, r=record: repo.record_usage(conn, r))
    writer.close()
    return data_dir


def test_report_json_has_the_documented_keys_and_numbers(ledger: Path) -> None:
    run = hearth("report", "--month", "2025-05", "--format", "json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data.keys() >= JSON_KEYS
    assert data["month"] == "2025-05"
    assert (data["local_replies"], data["cloud_replies"]) == (1, 1)
    assert (data["input_tokens"], data["output_tokens"]) == (12_000, 1_100)
    assert data["baseline_cost"] == pytest.approx(0.0525)  # 0.045 + 0.0075 as billed
    assert data["electricity_cost"] == pytest.approx(0.00015)
    assert data["net_saved"] == pytest.approx(0.04485)
    assert data["payback_percent"] is None


def test_report_csv_html_text_and_pdf(ledger: Path, tmp_path: Path) -> None:
    run = hearth("report", "--month", "2025-05", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [r["date"] for r in rows] == ["2025-05-01", "2025-05-02", "total"]
    assert float(rows[-1]["net_saved"]) == pytest.approx(0.04485)

    html = tmp_path / "report.html"
    assert (
        hearth("report", "--month", "2025-05", "--format", "html", "--out", str(html)).returncode
        == 0
    )
    assert "How this is computed" in html.read_text(encoding="utf-8")

    text = hearth("report", "--month", "2025-05").stdout
    assert "Net saved" in text and "$0.04" in text

    pdf = tmp_path / "report.pdf"
    run = hearth("report", "--month", "2025-05", "--format", "pdf", "--out", str(pdf))
    assert run.returncode == 0, run.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


def test_report_refuses_a_bad_month_in_plain_words(ledger: Path) -> None:
    run = hearth("report", "--month", "2025-5x")
    assert run.returncode == 1
    assert "YYYY-MM" in run.stderr


def test_calc_json_and_never(data_dir: Path) -> None:
    run = hearth(
        "calc", "--requests-per-day", "100", "--input-tokens", "2000", "--output-tokens", "500",
        "--baseline-model", "anthropic:claude-sonnet-4-5", "--hardware-cost", "2000",
        "--power-watts", "300", "--hours-per-day", "4", "--electricity-price", "0.2", "--json",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    # 0.0135 per request × 100 × 30 = 40.5; 0.3 kW × 4 h × 30 × 0.2 = 7.2
    assert data["monthly_cloud_cost"] == pytest.approx(40.5)
    assert data["monthly_electricity_cost"] == pytest.approx(7.2)
    assert data["monthly_net_saving"] == pytest.approx(33.3)
    assert data["break_even_months"] == pytest.approx(60.06)

    never = hearth(
        "calc", "--requests-per-day", "1", "--input-tokens", "10", "--output-tokens", "10",
        "--request-price", "0.001", "--hardware-cost", "900", "--power-watts", "400",
        "--hours-per-day", "8", "--electricity-price", "0.3", "--currency", "CNY", "--fx", "7",
        "--json",
    )  # fmt: skip
    assert json.loads(never.stdout)["break_even_months"] is None
    assert json.loads(never.stdout)["currency"] == "CNY"


def test_calc_refuses_a_zero_exchange_rate(data_dir: Path) -> None:
    run = hearth(
        "calc", "--requests-per-day", "1", "--input-tokens", "1", "--output-tokens", "1",
        "--currency", "CNY", "--fx", "0",
    )  # fmt: skip
    assert run.returncode == 1
    assert "exchange rate" in run.stderr


@pytest.mark.parametrize(
    ("lang", "typed"),
    [("en_US.UTF-8", "25,000"), ("zh_CN.UTF-8", "２５，０００"), ("C.UTF-8", "25 000")],
)
def test_calc_reads_a_grouped_hardware_cost(data_dir: Path, lang: str, typed: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "app", "calc", "--requests-per-day", "100", "--input-tokens",
         "2,000", "--output-tokens", "500", "--baseline-model", "anthropic:claude-sonnet-4-5",
         "--hardware-cost", typed, "--power-watts", "300", "--hours-per-day", "4",
         "--electricity-price", "0.2", "--json"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "LANG": lang, "LC_ALL": lang, "TZ": "UTC"},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    # 25,000 / 33.3 a month = 750.75 months (the old parser read "25,000" as 25: 0.75)
    assert json.loads(run.stdout)["break_even_months"] == pytest.approx(750.75)


def test_calc_refuses_an_ambiguous_amount(data_dir: Path) -> None:
    run = hearth(
        "calc", "--requests-per-day", "100", "--input-tokens", "2000", "--output-tokens", "500",
        "--hardware-cost", "25.000",
    )  # fmt: skip
    assert run.returncode != 0
    assert "25000" in run.stderr
    assert "Traceback" not in run.stderr
