"""Words for the report: the plain summary, where each figure comes from, and how it is
computed. Amounts are formatted by the caller (QLocale in the GUI, plain in the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from app.core.i18n import translate
from app.ledger.report import MIN_PAYBACK_DAYS, MonthReport

Formatter = Callable[[Decimal], str]


def summary(report: MonthReport, money: Formatter) -> str:
    t = report.totals
    c = report.counts
    text = translate(
        "Ledger",
        "In {month} you had {local} local and {cloud} cloud replies. On the baseline cloud "
        "model the same work would have cost {baseline}; you spent {cloud_spend} on cloud "
        "replies, {electricity} on electricity and {amortization} on hardware amortization, "
        "so you saved {saved}. Saved so far in all: {cumulative}.",
    ).format(
        month=report.month,
        local=c.local_replies,
        cloud=c.cloud_replies,
        baseline=money(t.baseline),
        cloud_spend=money(t.cloud_spend),
        electricity=money(t.electricity),
        amortization=money(t.amortization),
        saved=money(t.net_saved),
        cumulative=money(report.cumulative_saved),
    )
    return text + " " + payback_words(report)


def payback_words(report: MonthReport) -> str:
    if report.payback_status == "none":
        return translate("Ledger", "Enter the hardware cost in Savings settings to see payback.")
    percent = f"{report.payback_percent or 0:.1f}"
    if report.payback_status == "paid":
        return translate("Ledger", "Your hardware has paid for itself ({percent}%).").format(
            percent=percent
        )
    if report.payback_status == "insufficient":
        return translate(
            "Ledger",
            "Your hardware is {percent}% paid back; not enough data yet to project when it "
            "will be (a projection needs {days} days of use).",
        ).format(percent=percent, days=MIN_PAYBACK_DAYS)
    if report.payback_status == "never":
        return translate(
            "Ledger",
            "Your hardware is {percent}% paid back; at the recent rate it never will be.",
        ).format(percent=percent)
    return translate(
        "Ledger",
        "Your hardware is {percent}% paid back; at the recent rate it will be on {date}.",
    ).format(percent=percent, date=report.payback_date)


def provenance(report: MonthReport) -> dict[str, str]:
    """Where each figure comes from, keyed like the JSON export."""
    c, config = report.counts, report.config
    rate = (
        translate("Ledger", "US dollars")
        if config.currency == "USD"
        else translate(
            "Ledger", "converted at your rate of {rate} {currency} per US dollar"
        ).format(rate=config.fx_rate, currency=config.currency)
    )
    return {
        "currency": rate,
        "input_tokens": translate(
            "Ledger",
            "Full context of every request (what a cloud bills each turn), the larger of the "
            "server's count and Hearth's estimate; {estimated} replies had estimated usage.",
        ).format(estimated=c.usage_estimated),
        "output_tokens": translate(
            "Ledger", "As reported by the server; {estimated} replies estimated from their text."
        ).format(estimated=c.output_estimated),
        "baseline_cost": translate(
            "Ledger", "Local replies priced at {baseline}; cloud replies as billed."
        ).format(baseline=report.baseline_description)
        + " "
        + (
            translate("Ledger", "Prompt-cache discount: modelled.")
            if config.cache_discount and config.baseline_kind == "model"
            else translate("Ledger", "Prompt-cache discount: not modelled.")
        ),
        "cloud_spend": translate(
            "Ledger",
            "What each provider's reported usage cost at the time of the reply; {unpriced} "
            "cloud replies had no known price.",
        ).format(unpriced=c.cloud_unpriced),
        "electricity_cost": translate(
            "Ledger",
            "{measured} replies measured with the NVIDIA energy counter or power samples, "
            "{estimated} estimated at your configured {watts} W × time; at {price} per kWh.",
        ).format(
            measured=c.energy_measured,
            estimated=c.energy_configured + c.energy_unmeasured,
            watts=config.configured_watts,
            price=config.electricity_per_kwh,
        ),
        "amortization_cost": (
            translate(
                "Ledger", "Hardware cost {cost} spread evenly over {months} months from {date}."
            ).format(
                cost=config.hardware_cost,
                months=config.amortization_months,
                date=config.purchase_date,
            )
            if config.amortization_months and config.purchase_date
            else translate("Ledger", "Not included (no amortization period set).")
        ),
        "payback_percent": translate(
            "Ledger",
            "Savings before amortization since the purchase date, against the hardware cost; "
            "projected at the average of the last 30 days.",
        ),
    }


def how_computed(report: MonthReport) -> list[str]:
    return [
        translate(
            "Ledger",
            "All-cloud baseline: every local reply is priced as if the baseline cloud model "
            "had answered it. A cloud bills the whole conversation as input on every turn, so "
            "the input is the full context Hearth sent, not the smaller count a local server "
            "may report after its prompt cache. Prices are genai-prices' at each request's own "
            "time (prices change, long contexts cost more per token). Failed replies are not "
            "in the baseline; cloud replies count at what they cost.",
        ),
        translate(
            "Ledger",
            "Real cost: cloud replies as billed, plus electricity for local replies (energy "
            "measured by the GPU when possible, else your configured watts × the reply's "
            "time, marked as estimated), plus hardware amortization if you set it.",
        ),
        translate(
            "Ledger",
            "Saved = baseline − real cost, per reply, per day and per month; the cumulative "
            "figure adds every month so far. Payback compares savings before amortization "
            "with the hardware cost.",
        ),
        translate("Ledger", "Days are counted in the time zone {zone}.").format(
            zone=report.timezone
        ),
    ]
