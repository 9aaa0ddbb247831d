"""``hearth report --month YYYY-MM``: the savings report, the same numbers as the GUI."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.core import paths
from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.settings import Settings
from app.ledger.export_csv import to_csv, to_json, to_text
from app.ledger.localtime import local_timezone
from app.ledger.report import MonthReport, build_month_report
from app.ledger.settings import load_config
from app.storage.damage import describe
from app.storage.writer import SerialWriter

FORMATS = ("text", "json", "csv", "html", "pdf")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help=translate("Ledger", "what local AI saved you in a month"),
        description=translate(
            "Ledger",
            "The monthly savings report: local and cloud replies, the all-cloud baseline, "
            "real costs, net and cumulative savings, payback.",
        ),
    )
    parser.add_argument(
        "--month",
        default=datetime.now(UTC).astimezone(local_timezone()).strftime("%Y-%m"),
        help=translate("Ledger", "the month, YYYY-MM (default: this month)"),
    )
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument(
        "--out", type=Path, help=translate("Ledger", "write to this file instead of the screen")
    )
    parser.set_defaults(func=run)


class DamagedDatabaseError(KnownError):
    """The database was found damaged and recovered: no report from it this time."""


def load_report(month: str) -> MonthReport:
    paths.check_data_dir()
    config = load_config(Settings(paths.settings_path()))
    # The whole integrity check before anything is printed (~0.5 s on 100k messages):
    # a report must never be built from a damaged file as if all were well.
    writer = SerialWriter(paths.database_path(), background_check=False, check_budget_s=None)
    try:
        writer.opened().result(None)
        report = writer.call(
            lambda conn: build_month_report(conn, month, config, tz=local_timezone()), timeout=None
        )
    except ValueError as exc:
        raise KnownError(str(exc)) from exc
    finally:
        writer.close()
    damage = writer.damage_found()
    if damage:
        raise DamagedDatabaseError(
            describe(damage[-1], paths.database_path()),
            hint=translate(
                "Ledger",
                "No report was printed, because the recovered data may be incomplete. Run "
                "the same command again for the report from what was recovered.",
            ),
        )
    return report


def run(args: argparse.Namespace) -> int:
    report = load_report(args.month)
    if args.format == "pdf":
        if args.out is None:
            print(translate("Ledger", "hearth: --format pdf needs --out FILE"), file=sys.stderr)
            return 2
        write_pdf_headless(report, args.out)
        return 0
    # h14: the HTML page carries its charts, drawn with QtGui like the PDF's.
    html = html_headless
    text = {"text": to_text, "json": to_json, "csv": to_csv, "html": html}[args.format](report)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise KnownError(
            translate("Ledger", "Could not write {path}: {reason}").format(
                path=args.out, reason=exc.strerror or exc
            )
        ) from exc
    return 0


def html_headless(report: MonthReport) -> str:
    """The HTML page with its charts (drawn with QtGui; the offscreen platform)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from app.ui.ledger.pdf import html_with_charts

    app = QGuiApplication.instance() or QGuiApplication([])
    text = html_with_charts(report)
    del app
    return text


def write_pdf_headless(report: MonthReport, out: Path) -> None:
    """QPdfWriter needs a QGuiApplication; the offscreen platform needs no display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from app.ui.ledger.pdf import write_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    write_pdf(report, out)
    del app
