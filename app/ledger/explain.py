"""Words for the report: the plain summary, where each figure comes from, and how it is
computed. Amounts are formatted by the caller (QLocale in the GUI, plain in the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from app.core.i18n import translate
from app.ledger.money import rate_words
from app.ledger.reconcile import Reconciliation
from app.ledger.report import MIN_PAYBACK_DAYS, MonthReport

Formatter = Callable[[Decimal], str]


def summary(report: MonthReport, money: Formatter) -> str:
    t = report.totals
    c = report.counts
    text = translate(
        "Ledger",
        "In {month} you had {local} local and {cloud} billed cloud replies. On the baseline cloud "
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
    if c.failed_replies:
        text += " " + translate(
            "Ledger", "{count} attempts failed and are not counted as replies."
        ).format(count=c.failed_replies)
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


def provenance_labels() -> dict[str, str]:
    """The provenance keys (the JSON export's) in words, for every page a person reads."""
    return {
        "currency": translate("Ledger", "Currency"),
        "replies": translate("Ledger", "Replies"),
        "input_tokens": translate("Ledger", "Input tokens"),
        "output_tokens": translate("Ledger", "Output tokens"),
        "baseline_cost": translate("Ledger", "All-cloud baseline"),
        "cloud_spend": translate("Ledger", "Cloud spend"),
        "electricity_cost": translate("Ledger", "Electricity"),
        "amortization_cost": translate("Ledger", "Hardware amortization"),
        "payback_percent": translate("Ledger", "Payback"),
    }


def _watts(values: tuple[Decimal, ...]) -> str:
    return translate("Ledger", ", ").join(f"{value} W" for value in values)


def provenance(report: MonthReport) -> dict[str, str]:
    """Where each figure comes from, keyed like the JSON export; every count named is
    one the figures were actually computed from."""
    c, config = report.counts, report.config
    r = report.reconciliation or Reconciliation()
    rate = (
        translate("Ledger", "US dollars")
        if config.currency == "USD"
        else translate(
            "Ledger", "converted at your rate of {rate} {currency} per US dollar"
        ).format(rate=config.fx_rate, currency=config.currency)
    )
    estimated_energy = c.energy_configured - r.local_no_work
    energy = translate(
        "Ledger",
        "{measured} replies measured (NVIDIA energy counter or power samples, Apple's IOReport "
        "counters); "
        "at {price} per kWh.",
    ).format(measured=c.energy_measured, price=config.electricity_per_kwh)
    if estimated_energy > 0:
        energy += " " + translate(
            "Ledger",
            "{count} estimated at the wattage set when they were recorded ({watts}) × time.",
        ).format(count=estimated_energy, watts=_watts(r.recorded_watts) or "0 W")
    if c.energy_unmeasured:
        energy += " " + translate(
            "Ledger",
            "{count} recorded without an energy figure, estimated at your current {watts} W × "
            "time.",
        ).format(count=c.energy_unmeasured, watts=config.configured_watts)
    if r.local_no_work:
        energy += " " + translate(
            "Ledger", "{count} failed attempts used no energy (the engine produced nothing)."
        ).format(count=r.local_no_work)
    return {
        "currency": rate,
        "replies": translate(
            "Ledger",
            "{local} local replies ({stopped} stopped early) and {cloud} billed cloud replies "
            "({cut} cut streams billed by estimate); apart from them {cloud_failed} cloud "
            "attempts billed nothing (errors before any reply) and {local_failed} local "
            "attempts failed.",
        ).format(
            local=c.local_replies,
            stopped=r.local_stopped,
            cloud=c.cloud_replies,
            cut=r.cloud_cut,
            cloud_failed=c.cloud_failed,
            local_failed=c.local_failed,
        ),
        "input_tokens": translate(
            "Ledger",
            "Local: {local} tokens, the full context of every request (what a cloud bills "
            "each turn); {local_reported} as the server reported, {local_estimated} Hearth's "
            "estimate where the server counted less. Cloud: {cloud} tokens, "
            "{cloud_reported} as the provider reported, {cloud_estimated} estimated.",
        ).format(
            local=f"{c.local_input_tokens:,}",
            local_reported=f"{r.local.input_reported:,}",
            local_estimated=f"{r.local.input_estimated:,}",
            cloud=f"{c.cloud_input_tokens:,}",
            cloud_reported=f"{r.cloud.input_reported:,}",
            cloud_estimated=f"{r.cloud.input_estimated:,}",
        ),
        "output_tokens": translate(
            "Ledger",
            "Local: {local} tokens ({local_estimated} estimated from the text). Cloud: {cloud} "
            "tokens ({cloud_estimated} estimated).",
        ).format(
            local=f"{c.local_output_tokens:,}",
            local_estimated=f"{r.local.output_estimated:,}",
            cloud=f"{c.cloud_output_tokens:,}",
            cloud_estimated=f"{r.cloud.output_estimated:,}",
        ),
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
            "What each provider's reported usage cost at the time of the reply; {estimated} "
            "replies priced from Hearth's estimate (cut or stopped streams, no usage report); "
            "{unpriced} cloud replies had no known price.",
        ).format(estimated=r.cloud_estimated, unpriced=c.cloud_unpriced)
        + "".join(" " + rate_words(code, config) for code in report.cost_currencies),
        "electricity_cost": energy,
        "amortization_cost": (
            translate(
                "Ledger",
                "Hardware cost {cost} spread evenly over {months} months from {date}, "
                "counted up to {now}.",
            ).format(
                cost=config.hardware_cost,
                months=config.amortization_months,
                date=config.purchase_date,
                now=_moment(report),
            )
            if config.amortization_months and config.purchase_date
            else translate("Ledger", "Not included (no amortization period set).")
        ),
        "payback_percent": translate(
            "Ledger",
            "Savings before amortization since the purchase date, against the hardware cost; "
            "projected at the average of the last {days} days, today included.",
        ).format(days=f"{report.recent_days:.1f}"),
    }


def _moment(report: MonthReport) -> str:
    if report.as_of is None:
        return ""
    return report.as_of.strftime("%Y-%m-%d %H:%M")


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
