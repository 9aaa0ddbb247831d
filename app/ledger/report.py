"""The monthly savings report, built from the rollup in well under 200 ms.

Saved = all-cloud baseline − real cost. In the all-cloud world every local reply is
billed by the baseline model and every cloud reply costs what it cost; the real cost is
cloud spend + electricity + hardware amortization. Cloud spend is on both sides, so
net saved = local baseline − electricity − amortization.
"""

from __future__ import annotations

import bisect
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from app.core.i18n import translate
from app.ledger.baseline import (
    RAW,
    SLOT,
    Baseline,
    Tokens,
    make_baseline,
    slot_start,
    straddles,
    tier_of,
)
from app.ledger.money import convert
from app.ledger.reconcile import Reconciliation, reconcile
from app.ledger.settings import LedgerConfig
from app.ledger.store import (
    Cell,
    Grouping,
    OtherCost,
    aggregate,
    local_token_sums,
    other_costs,
    position,
    raw_requests,
)

J_PER_KWH = Decimal(3_600_000)
PICO = Decimal(10) ** -12
RECENT_DAYS = 30
MIN_PAYBACK_DAYS = 7
"""A projection from fewer days of use than this says "not enough data yet": one
morning's savings say nothing about a year."""


@dataclass
class Amounts:
    """Money in the person's currency."""

    local_baseline: Decimal = Decimal(0)
    cloud_spend: Decimal = Decimal(0)
    electricity: Decimal = Decimal(0)
    amortization: Decimal = Decimal(0)

    @property
    def baseline(self) -> Decimal:
        """The all-cloud world: local replies at the baseline price plus the cloud replies."""
        return self.local_baseline + self.cloud_spend

    @property
    def real_cost(self) -> Decimal:
        return self.cloud_spend + self.electricity + self.amortization

    @property
    def operating_saved(self) -> Decimal:
        """Saved before hardware amortization (what pays the hardware back)."""
        return self.baseline - self.cloud_spend - self.electricity

    @property
    def net_saved(self) -> Decimal:
        return self.baseline - self.real_cost

    def add(self, other: Amounts) -> None:
        self.local_baseline += other.local_baseline
        self.cloud_spend += other.cloud_spend
        self.electricity += other.electricity
        self.amortization += other.amortization


@dataclass
class Counts:
    """Replies that count (billed, or in the baseline) apart from attempts that failed:
    a 401 or a 429 billed nothing and is no reply (ledger issue 14)."""

    local_replies: int = 0
    cloud_replies: int = 0
    failed_replies: int = 0
    local_failed: int = 0
    cloud_failed: int = 0
    """Cloud attempts that billed nothing (errors before any reply came back)."""
    input_tokens: int = 0
    output_tokens: int = 0
    local_input_tokens: int = 0
    local_output_tokens: int = 0
    cloud_input_tokens: int = 0
    cloud_output_tokens: int = 0
    energy_measured: int = 0
    energy_configured: int = 0
    energy_unmeasured: int = 0
    output_estimated: int = 0
    usage_estimated: int = 0
    cloud_unpriced: int = 0

    def add_cell(self, cell: Cell) -> None:
        if cell.is_local:
            self.local_replies += cell.billable
            self.local_failed += cell.failed
            self.local_input_tokens += cell.context_tokens
            self.local_output_tokens += cell.output_tokens
        else:
            self.cloud_replies += cell.billable
            self.cloud_failed += cell.failed
            self.cloud_input_tokens += cell.context_tokens
            self.cloud_output_tokens += cell.output_tokens
        self.failed_replies += cell.failed
        self.input_tokens += cell.context_tokens
        self.output_tokens += cell.output_tokens
        self.energy_measured += cell.measured
        self.energy_configured += cell.configured
        self.energy_unmeasured += cell.unmeasured
        self.output_estimated += cell.output_estimated
        self.usage_estimated += cell.usage_estimated
        self.cloud_unpriced += cell.unpriced

    def add(self, other: Counts) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


@dataclass
class DayFigures:
    day: date
    counts: Counts = field(default_factory=Counts)
    amounts: Amounts = field(default_factory=Amounts)


@dataclass
class ModelFigures:
    provider: str
    model: str
    is_local: bool
    counts: Counts = field(default_factory=Counts)
    amounts: Amounts = field(default_factory=Amounts)


@dataclass
class MonthReport:
    month: str
    currency: str
    timezone: str
    config: LedgerConfig
    baseline_description: str
    days: list[DayFigures]
    models: list[ModelFigures]
    counts: Counts
    totals: Amounts
    cumulative_saved: Decimal
    payback_percent: Decimal | None
    payback_status: str
    """"none" (no hardware cost), "paid", "projected", "never" or "insufficient" (fewer
    than MIN_PAYBACK_DAYS days of use to project from)."""
    payback_date: date | None
    recent_daily_saving: Decimal
    cost_currencies: tuple[str, ...] = ()
    """Currencies other than US dollars that cloud costs were billed in this month."""
    reconciliation: Reconciliation | None = None
    """Reported vs estimated tokens, cut streams, recorded wattages: what the words in
    the report name."""
    as_of: datetime | None = None
    """The moment the figures run to: the month's end, or now for the current month
    (nothing after it is charged or listed)."""
    recent_days: Decimal = Decimal(0)
    """The length of the window the recent daily saving is averaged over, in days."""


def month_bounds(month: str, tz: tzinfo) -> tuple[datetime, datetime]:
    """The month ``YYYY-MM`` as [start, end) instants in ``tz``."""
    try:
        first = datetime.strptime(month, "%Y-%m").replace(tzinfo=tz)
    except ValueError as exc:
        raise ValueError(translate("Ledger", "Write the month as YYYY-MM, e.g. 2025-03.")) from exc
    nxt = first.replace(year=first.year + (first.month == 12), month=first.month % 12 + 1)
    return first, nxt


def electricity(
    config: LedgerConfig, measured_j: float, configured_j: float, wall_ms: float
) -> Decimal:
    """Energy → money: joules measured or estimated, plus configured watts × wall time for
    replies recorded without any energy figure."""
    joules = Decimal(repr(measured_j)) + Decimal(repr(configured_j))
    joules += Decimal(repr(wall_ms)) / 1000 * config.configured_watts
    return joules * config.electricity_per_kwh / J_PER_KWH


def cloud_spend(config: LedgerConfig, cost_pusd: int) -> Decimal:
    return Decimal(cost_pusd) * PICO * config.usd_rate


class AmortizationPlan:
    """The hardware cost spread evenly over the days from purchase to purchase + N months."""

    def __init__(self, config: LedgerConfig) -> None:
        self.start = config.purchase_date
        self.daily = Decimal(0)
        self.end = self.start
        if self.start and config.amortization_months > 0 and config.hardware_cost > 0:
            months = self.start.month - 1 + config.amortization_months
            year, month = self.start.year + months // 12, months % 12 + 1
            self.end = _clamped_date(year, month, self.start.day)
            self.daily = config.hardware_cost / (self.end - self.start).days

    def between(self, first: date, last_exclusive: date) -> Decimal:
        if not self.daily or self.start is None or self.end is None:
            return Decimal(0)
        lo, hi = max(first, self.start), min(last_exclusive, self.end)
        return self.daily * max(0, (hi - lo).days)


def _clamped_date(year: int, month: int, day: int) -> date:
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


class _Pricer:
    """Prices aggregate cells: one genai-prices call per same-price group."""

    def __init__(self, conn: sqlite3.Connection, baseline: Baseline) -> None:
        self.conn = conn
        self.baseline = baseline
        self.thresholds = baseline.thresholds()
        self.totals: dict[object, Decimal] = defaultdict(Decimal)

    def add(
        self,
        key: object,
        cell: Cell,
        grouping: Grouping,
        bounds: tuple[datetime | None, datetime],
    ) -> None:
        if not cell.is_local or cell.billable <= 0:
            return
        day = date.fromisoformat(cell.day)
        time_class = self.baseline.time_classes(day)[cell.slot]
        if time_class == RAW or straddles(self.thresholds, cell.ctx_min or 0, cell.ctx_max or 0):
            self._add_raw(key, cell, grouping, bounds)
            return
        tokens = Tokens(
            cell.billable, cell.context_tokens, cell.output_tokens, cell.cacheable_tokens
        )
        tier = tier_of(self.thresholds, cell.ctx_max or 0)
        self.totals[key] += self.baseline.price_group(day, time_class, tier, tokens)

    def _add_raw(
        self, key: object, cell: Cell, grouping: Grouping, bounds: tuple[datetime | None, datetime]
    ) -> None:
        """Request by request, where a group's price is not constant. A group never
        crosses a span of equal prices, so only that span's requests are read (the
        history before a month would otherwise be scanned whole)."""
        starts = self.baseline.period_starts()
        index = bisect.bisect_right(starts, cell.day)
        lo, hi = bounds
        if index > 0:
            first = datetime.combine(date.fromisoformat(starts[index - 1]), time(0), UTC)
            lo = first if lo is None else max(lo, first)
        if index < len(starts):
            hi = min(hi, datetime.combine(date.fromisoformat(starts[index]), time(0), UTC))
        for request in raw_requests(self.conn, lo, hi, grouping, cell):
            self.totals[key] += self.baseline.price_request(
                request.ts, request.context_tokens, request.output_tokens, request.cacheable
            )


def _period(baseline: Baseline) -> tuple[str, tuple[object, ...], bool]:
    """SQL that puts together rows sharing the baseline's prices, and whether it depends
    on the half hour (off-peak prices: then it also names the half hour's time class)."""
    starts = baseline.period_starts()
    index = " + ".join("(day >= ?)" for _ in starts) or "0"
    if not baseline.has_time_of_day:
        return index, starts, False
    # One CASE, newest span first: each row compares its day once per span until it finds
    # its own, and reads its half hour's class there.
    branches: list[tuple[str, list[object]]] = []
    for number, first in enumerate(("2000-01-01", *starts)):
        day = date.fromisoformat(first)
        weekend = baseline.weekend_classes(day)
        if weekend is None:
            value = f"'{number}:' || substr(?, slot + 1, 1)"
            values: list[object] = [baseline.time_classes(day)]
        else:
            # Peak hours on weekdays only: Saturdays and Sundays (UTC) read other classes.
            value = (
                f"'{number}:' || substr(CASE WHEN strftime('%w', day) IN ('0', '6')"
                " THEN ? ELSE ? END, slot + 1, 1)"
            )
            values = [weekend, _weekday_classes(baseline, day)]
        branches.append((value, values))
    sql = "CASE"
    params: list[object] = []
    for number in range(len(starts), 0, -1):
        value, values = branches[number]
        sql += f" WHEN day >= ? THEN {value}"
        params += [starts[number - 1], *values]
    value, values = branches[0]
    return f"{sql} ELSE {value} END", (*params, *values), True


def _weekday_classes(baseline: Baseline, day: date) -> str:
    """A weekday's classes in the span starting ``day`` (the first day may be a weekend;
    a span of weekend days only never reads them)."""
    if day.weekday() >= 5:
        day += timedelta(days=7 - day.weekday())
    return baseline.time_classes(day)


def _local_date_sql(start: datetime, end: datetime, tz: tzinfo) -> tuple[str, tuple[object, ...]]:
    """SQL for the local date of a rollup row, honouring offset changes (DST) in the month."""
    changes: list[tuple[tuple[str, int], int]] = []
    moment = start.astimezone(UTC)
    while moment < end:
        offset = moment.astimezone(tz).utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        if not changes or changes[-1][1] != minutes:
            changes.append((position(moment), minutes))
        moment += SLOT
    expr = str(changes[0][1])
    params: list[object] = []
    if len(changes) > 1:
        expr = "CASE"
        for where, minutes in reversed(changes[1:]):
            expr += f" WHEN (day, slot) >= (?, ?) THEN {minutes}"
            params += list(where)
        expr += f" ELSE {changes[0][1]} END"
    return f"date(day, printf('%+d minutes', slot * 30 + {expr}))", tuple(params)


def _by_model(
    conn: sqlite3.Connection,
    config: LedgerConfig,
    baseline: Baseline,
    span: tuple[tuple[str, int], tuple[str, int]],
    bounds: tuple[datetime, datetime],
) -> dict[tuple[str, str, bool], ModelFigures]:
    period, period_params, by_slot = _period(baseline)
    by_model = Grouping("0", (), period, period_params, by_slot, by_model=True)
    model_pricer = _Pricer(conn, baseline)
    models: dict[tuple[str, str, bool], ModelFigures] = {}
    for cell in aggregate(conn, *span, by_model):
        key = (cell.provider, cell.model, bool(cell.is_local))
        figures = models.setdefault(key, ModelFigures(*key))
        figures.counts.add_cell(cell)
        figures.amounts.add(_running_costs(config, cell))
        model_pricer.add(key, cell, by_model, bounds)
    for model_key, value in model_pricer.totals.items():
        models[model_key].amounts.local_baseline += value  # type: ignore[index]
    for cost in other_costs(conn, *span, by_model=True):
        key = (cost.provider, cost.model, False)
        figures = models.setdefault(key, ModelFigures(*key))
        _add_other(figures.amounts, figures.counts, cost, config)
    return models


def build_month_report(
    conn: sqlite3.Connection,
    month: str,
    config: LedgerConfig,
    *,
    tz: tzinfo = UTC,
    now: datetime | None = None,
) -> MonthReport:
    now = now or datetime.now(UTC)
    start, end = month_bounds(month, tz)
    start_pos, end_pos = position(start.astimezone(UTC)), position(end.astimezone(UTC))
    bounds = (start.astimezone(UTC), end.astimezone(UTC))
    baseline = make_baseline(config)
    period, period_params, by_slot = _period(baseline)

    local_date, local_params = _local_date_sql(start, end, tz)
    by_day = Grouping(local_date, local_params, period, period_params, by_slot)
    pricer = _Pricer(conn, baseline)
    days: dict[date, DayFigures] = {}
    for cell in aggregate(conn, start_pos, end_pos, by_day):
        day = date.fromisoformat(str(cell.bucket))
        figures = days.setdefault(day, DayFigures(day))
        figures.counts.add_cell(cell)
        figures.amounts.add(_running_costs(config, cell))
        pricer.add(day, cell, by_day, bounds)
    for day_key, value in pricer.totals.items():
        days[day_key].amounts.local_baseline += value  # type: ignore[index]
    currencies: set[str] = set()
    for cost in other_costs(conn, start_pos, end_pos, local_date, local_params):
        cost_day = date.fromisoformat(str(cost.bucket))
        figures = days.setdefault(cost_day, DayFigures(cost_day))
        _add_other(figures.amounts, figures.counts, cost, config)
        currencies.add(cost.currency)

    models = _by_model(conn, config, baseline, (start_pos, end_pos), bounds)

    plan = AmortizationPlan(config)
    first_day = start.date()
    local_now = now.astimezone(tz)
    for day, share in amortization_until(plan, start, end, local_now, tz).items():
        days.setdefault(day, DayFigures(day)).amounts.amortization += share

    totals, counts = Amounts(), Counts()
    for figures in days.values():
        totals.add(figures.amounts)
        counts.add(figures.counts)

    period_end = min(end, local_now) if local_now > start else end
    last_day = (period_end - timedelta(microseconds=1)).date()
    recent_from = (period_end - timedelta(days=RECENT_DAYS)).date()
    first_use = _first_use_day(conn)
    window_start = max(recent_from, first_use) if first_use else recent_from
    window_days = _days_between(_midnight(window_start, tz), period_end)
    history = _history(conn, config, baseline, start_pos, recent_from)
    cumulative = (
        history["all"].operating_saved - plan.between(date.min, first_day) + totals.net_saved
    )
    since_purchase = history["since_purchase"].operating_saved + sum(
        (f.amounts.operating_saved for f in days.values() if _after(f.day, config.purchase_date)),
        Decimal(0),
    )
    recent = history["recent"].operating_saved + sum(
        (f.amounts.operating_saved for f in days.values() if recent_from <= f.day <= last_day),
        Decimal(0),
    )
    rate = recent / window_days if window_days > 0 else Decimal(0)
    enough = window_days >= MIN_PAYBACK_DAYS
    percent, status, when = _payback(
        config.hardware_cost, since_purchase, rate, period_end.date(), enough=enough
    )
    return MonthReport(
        month=month,
        currency=config.currency,
        timezone=str(tz),
        config=config,
        baseline_description=baseline.describe(),
        days=[days[d] for d in sorted(days)],
        models=sorted(
            models.values(),
            key=lambda m: (-(m.counts.local_replies + m.counts.cloud_replies), m.model),
        ),
        counts=counts,
        totals=totals,
        cumulative_saved=cumulative,
        payback_percent=percent,
        payback_status=status,
        payback_date=when,
        recent_daily_saving=rate,
        cost_currencies=tuple(sorted(currencies)),
        reconciliation=reconcile(conn, bounds[0], min(bounds[1], now.astimezone(UTC))),
        as_of=period_end,
        recent_days=window_days,
    )


def _midnight(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0)).replace(tzinfo=tz)


def _days_between(start: datetime, end: datetime) -> Decimal:
    """Elapsed real time in days (UTC arithmetic: a DST day is 23 or 25 hours long)."""
    delta = end.astimezone(UTC) - start.astimezone(UTC)
    micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    return Decimal(micros) / Decimal(86_400_000_000)


def amortization_until(
    plan: AmortizationPlan, start: datetime, end: datetime, now: datetime, tz: tzinfo
) -> dict[date, Decimal]:
    """Each day's share of the hardware cost from ``start`` to ``min(end, now)``: whole
    days before today, today only the part that has passed, nothing after now."""
    shares: dict[date, Decimal] = {}
    day = start.date()
    while day < end.date():
        day_start, next_start = _midnight(day, tz), _midnight(day + timedelta(days=1), tz)
        if day_start.astimezone(UTC) >= now.astimezone(UTC):
            break
        share = plan.between(day, day + timedelta(days=1))
        if share and now.astimezone(UTC) < next_start.astimezone(UTC):
            share *= _days_between(day_start, now) / _days_between(day_start, next_start)
        if share:
            shares[day] = share
        day += timedelta(days=1)
    return shares


def _first_use_day(conn: sqlite3.Connection) -> date | None:
    row = conn.execute("SELECT min(day) FROM ledger_daily").fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def _running_costs(config: LedgerConfig, cell: Cell) -> Amounts:
    return Amounts(
        cloud_spend=cloud_spend(config, cell.cost_pusd),
        electricity=electricity(
            config, cell.energy_measured_j, cell.energy_configured_j, cell.unmeasured_wall_ms
        ),
    )


def _add_other(amounts: Amounts, counts: Counts, cost: OtherCost, config: LedgerConfig) -> None:
    """A cost billed in another currency: converted for display only, and no longer
    "unpriced" (the rollup counts it so, as its cost_usd is empty)."""
    amounts.cloud_spend += convert(Decimal(cost.amount_pico) * PICO, cost.currency, config)
    counts.cloud_unpriced -= cost.replies


def _after(day: date, purchase: date | None) -> bool:
    return purchase is None or day >= purchase


def _payback(
    cost: Decimal, saved: Decimal, daily_rate: Decimal, today: date, *, enough: bool = True
) -> tuple[Decimal | None, str, date | None]:
    if cost <= 0:
        return None, "none", None
    percent = saved / cost * 100
    if saved >= cost:
        return percent, "paid", None
    if not enough:
        return percent, "insufficient", None
    if daily_rate <= 0:
        return percent, "never", None
    days_left = math.ceil((cost - saved) / daily_rate)
    if days_left > 365 * 200:
        return percent, "never", None
    return percent, "projected", today + timedelta(days=days_left)


def _history(
    conn: sqlite3.Connection,
    config: LedgerConfig,
    baseline: Baseline,
    end_pos: tuple[str, int],
    recent_from: date,
) -> dict[str, Amounts]:
    """Everything before the month, summed into the spans payback needs."""
    purchase = config.purchase_date.isoformat() if config.purchase_date else ""
    period, period_params, by_slot = _period(baseline)
    bucket = "(day >= ?) * 2 + (day >= ?)"
    bucket_params = (purchase, recent_from.isoformat())
    end = slot_start(date.fromisoformat(end_pos[0]), end_pos[1])
    pricer = _Pricer(conn, baseline)
    spans: dict[object, Amounts] = defaultdict(Amounts)
    # Running costs never depend on the half hour, so whole days serve; so does the
    # baseline unless its price changes within a day (off-peak hours).
    day_period, day_params = ("0", ()) if by_slot else (period, period_params)
    daily = Grouping(bucket, bucket_params, day_period, day_params, daily=True)
    for cell in aggregate(conn, None, end_pos, daily):
        spans[cell.bucket].add(_running_costs(config, cell))
        if not by_slot:
            pricer.add(cell.bucket, cell, daily, (None, end))
    if by_slot:
        slots = Grouping(bucket, bucket_params, period, period_params, by_slot=True)
        for cell in local_token_sums(conn, end_pos, slots):
            pricer.add(cell.bucket, cell, slots, (None, end))
    for span, value in pricer.totals.items():
        spans[span].local_baseline += value
    for cost in other_costs(conn, None, end_pos, bucket, bucket_params):
        _add_other(spans[cost.bucket], Counts(), cost, config)
    result = {"all": Amounts(), "since_purchase": Amounts(), "recent": Amounts()}
    for span, amounts in spans.items():
        result["all"].add(amounts)
        if int(str(span)) >= 2:
            result["since_purchase"].add(amounts)
        if int(str(span)) % 2:
            result["recent"].add(amounts)
    return result
