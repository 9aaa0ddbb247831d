"""Plain exports of a monthly report: JSON (the CLI's contract), CSV and text."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from app.core.i18n import translate
from app.ledger.explain import how_computed, provenance, provenance_labels, summary
from app.ledger.export_html import totals_rows
from app.ledger.money import as_json_number, format_money
from app.ledger.report import Amounts, Counts, MonthReport


def _amounts(amounts: Amounts) -> dict[str, float]:
    return {
        "baseline_cost": as_json_number(amounts.baseline),
        "local_baseline_cost": as_json_number(amounts.local_baseline),
        "cloud_spend": as_json_number(amounts.cloud_spend),
        "electricity_cost": as_json_number(amounts.electricity),
        "amortization_cost": as_json_number(amounts.amortization),
        "real_cost": as_json_number(amounts.real_cost),
        "net_saved": as_json_number(amounts.net_saved),
    }


def _counts(counts: Counts) -> dict[str, int]:
    return {
        "local_replies": counts.local_replies,
        "cloud_replies": counts.cloud_replies,
        "input_tokens": counts.input_tokens,
        "output_tokens": counts.output_tokens,
        "local_input_tokens": counts.local_input_tokens,
        "local_output_tokens": counts.local_output_tokens,
        "cloud_input_tokens": counts.cloud_input_tokens,
        "cloud_output_tokens": counts.cloud_output_tokens,
        "local_failed": counts.local_failed,
        "cloud_failed": counts.cloud_failed,
    }


def report_dict(report: MonthReport) -> dict[str, Any]:
    percent = report.payback_percent
    return {
        "month": report.month,
        "currency": report.currency,
        "timezone": report.timezone,
        **_counts(report.counts),
        "failed_replies": report.counts.failed_replies,
        **_amounts(report.totals),
        "cumulative_saved": as_json_number(report.cumulative_saved),
        "payback_percent": None if percent is None else round(float(percent), 2),
        "payback_status": report.payback_status,
        "payback_date": report.payback_date.isoformat() if report.payback_date else None,
        "baseline": report.baseline_description,
        "energy": {
            "measured_replies": report.counts.energy_measured,
            "estimated_replies": report.counts.energy_configured + report.counts.energy_unmeasured,
        },
        "provenance": provenance(report),
        "days": [
            {"date": day.day.isoformat(), **_counts(day.counts), **_amounts(day.amounts)}
            for day in report.days
        ],
        "models": [
            {
                "provider": m.provider,
                "model": m.model,
                "local": m.is_local,
                **_counts(m.counts),
                **_amounts(m.amounts),
            }
            for m in report.models
        ],
    }


def to_json(report: MonthReport) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2)


CSV_COLUMNS = (
    "date",
    "local_replies",
    "cloud_replies",
    "input_tokens",
    "output_tokens",
    "baseline_cost",
    "cloud_spend",
    "electricity_cost",
    "amortization_cost",
    "net_saved",
)


def to_csv(report: MonthReport) -> str:
    """One row per day and a ``total`` row; amounts in the report's currency."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    data = report_dict(report)
    for row in [*data["days"], {**data, "date": "total"}]:
        writer.writerow([row[column] for column in CSV_COLUMNS])
    return out.getvalue()


def to_text(report: MonthReport) -> str:
    def money(value: Any) -> str:
        return format_money(value, report.currency)

    rows = totals_rows(report, money)
    width = max(len(label) for label, _ in rows) + 2
    labels = provenance_labels()
    lines = [
        translate("Ledger", "Hearth savings report — {month}").format(month=report.month)
        + f" ({report.currency})",
        "",
        *(f"{label:<{width}}{value:>16}" for label, value in rows),
        "",
        summary(report, money),
        "",
        *(f"{labels.get(key, key)}: {text}" for key, text in provenance(report).items()),
        "",
        *how_computed(report),
    ]
    return "\n".join(lines) + "\n"
