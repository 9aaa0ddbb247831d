"""The report as a standalone HTML page (also the source of the PDF export).

Charts are images the caller supplies (``images``: file name → ``src``), because drawing
them needs Qt and this module does not: the GUI and ``hearth report`` pass data: URLs
for a standalone page, the PDF writer passes resource names it has registered. Every
word on the page goes through translate(), provenance included (in words, not keys)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from html import escape

from app.core.i18n import translate
from app.ledger.explain import how_computed, provenance, provenance_labels, summary
from app.ledger.money import format_money
from app.ledger.report import MonthReport

CHARTS = ("chart-daily.png", "chart-share.png", "chart-models.png")


def _chart_alt() -> dict[str, str]:
    return {
        "chart-daily.png": translate("LedgerCharts", "Saved per day"),
        "chart-share.png": translate("LedgerCharts", "Replies: local and cloud"),
        "chart-models.png": translate("LedgerCharts", "Top models by replies"),
    }


def totals_rows(report: MonthReport, fmt: Callable[[Decimal], str]) -> list[tuple[str, str]]:
    t, c = report.totals, report.counts
    return [
        (translate("Ledger", "Local replies"), f"{c.local_replies:,}"),
        (translate("Ledger", "Cloud replies (billed)"), f"{c.cloud_replies:,}"),
        (translate("Ledger", "Failed attempts (billed nothing)"), f"{c.failed_replies:,}"),
        (
            translate("Ledger", "Local tokens (input / output)"),
            f"{c.local_input_tokens:,} / {c.local_output_tokens:,}",
        ),
        (
            translate("Ledger", "Cloud tokens (input / output)"),
            f"{c.cloud_input_tokens:,} / {c.cloud_output_tokens:,}",
        ),
        (translate("Ledger", "All-cloud baseline"), fmt(t.baseline)),
        (translate("Ledger", "Cloud spend"), fmt(t.cloud_spend)),
        (translate("Ledger", "Electricity"), fmt(t.electricity)),
        (translate("Ledger", "Hardware amortization"), fmt(t.amortization)),
        (translate("Ledger", "Net saved"), fmt(t.net_saved)),
        (translate("Ledger", "Cumulative saved"), fmt(report.cumulative_saved)),
    ]


def to_html(
    report: MonthReport,
    money: Callable[[Decimal], str] | None = None,
    images: Mapping[str, str] | None = None,
) -> str:
    fmt = money or (lambda value: format_money(value, report.currency))
    rows = "".join(
        f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in totals_rows(report, fmt)
    )
    day_rows = "".join(
        f"<tr><td>{d.day.isoformat()}</td><td>{d.counts.local_replies}</td>"
        f"<td>{d.counts.cloud_replies}</td><td>{escape(fmt(d.amounts.baseline))}</td>"
        f"<td>{escape(fmt(d.amounts.real_cost))}</td><td>{escape(fmt(d.amounts.net_saved))}</td></tr>"
        for d in report.days
    )
    model_rows = "".join(
        f"<tr><td>{escape(m.provider)}</td><td>{escape(m.model)}</td>"
        f"<td>{m.counts.local_replies + m.counts.cloud_replies}</td>"
        f"<td>{m.counts.input_tokens + m.counts.output_tokens:,}</td></tr>"
        for m in report.models
    )
    labels = provenance_labels()
    sources = "".join(
        f"<li><b>{escape(labels.get(key, key))}</b>: {escape(text)}</li>"
        for key, text in provenance(report).items()
    )
    method = "".join(f"<p>{escape(p)}</p>" for p in how_computed(report))
    alt = _chart_alt()
    charts = "".join(
        f'<p><img src="{escape(images[name])}" alt="{escape(alt[name])}" width="640"></p>'
        for name in CHARTS
        if images and name in images
    )
    title = translate("Ledger", "Hearth savings report — {month}").format(month=report.month)
    heads = [
        translate("Ledger", "Date"),
        translate("Ledger", "Local"),
        translate("Ledger", "Cloud"),
        translate("Ledger", "Baseline"),
        translate("Ledger", "Real cost"),
        translate("Ledger", "Saved"),
    ]
    model_heads = [
        translate("Ledger", "Provider"),
        translate("Ledger", "Model"),
        translate("Ledger", "Replies"),
        translate("Ledger", "Tokens"),
    ]
    # lupdate cannot see translate() calls inside an f-string: name the headings first.
    h_charts = translate("Ledger", "Charts")
    h_days = translate("Ledger", "Days")
    h_models = translate("Ledger", "Models")
    h_sources = translate("Ledger", "Where the figures come from")
    h_method = translate("Ledger", "How this is computed")
    charts_heading = f"<h2>{escape(h_charts)}</h2>{charts}" if charts else ""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:52em;margin:2em auto}}
table{{border-collapse:collapse}}td,th{{padding:2px 10px;text-align:left}}
td{{text-align:right}}</style></head><body>
<h1>{escape(title)}</h1>
<p>{escape(summary(report, fmt))}</p>
<table>{rows}</table>
{charts_heading}
<h2>{escape(h_days)}</h2>
<table><tr>{"".join(f"<th>{escape(h)}</th>" for h in heads)}</tr>{day_rows}</table>
<h2>{escape(h_models)}</h2>
<table><tr>{"".join(f"<th>{escape(h)}</th>" for h in model_heads)}</tr>{model_rows}</table>
<h2>{escape(h_sources)}</h2><ul>{sources}</ul>
<h2>{escape(h_method)}</h2>{method}
</body></html>
"""
