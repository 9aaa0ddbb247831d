"""Reading the ledger: sums from ``ledger_rollup``, grouped the way a report needs them.

The rollup (migration 4) is kept by a trigger on ``usage``: one row per UTC half hour ×
local/cloud × provider × model × context-size band. ``ledger_daily`` holds the same sums
per UTC day, ``ledger_local_slots`` the billable local tokens per half hour. These
queries never scan the usage table, except to price the requests of a rare group whose
price is not constant (a price change inside a half hour, or a tier genai-prices added
after the bands were fixed). Reads may use their own read-only connection (WAL lets
them run beside the writer).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.storage.records import from_db_time, to_db_time

Position = tuple[str, int]
"""(UTC day YYYY-MM-DD, half-hour slot 0..47): where a moment falls in the rollup."""

BAND_STARTS = (32000, 100000, 128000, 199999, 200000, 256000, 272000, 512000, 524288)
"""The band edges baked into migration 4 (every long-context threshold genai-prices knew)."""


def position(moment: datetime) -> Position:
    """The first rollup position whose half hour starts at or after ``moment``."""
    text = to_db_time(moment)
    slot = int(text[11:13]) * 2 + (int(text[14:16]) >= 30)
    if not (text[14:16] in ("00", "30") and text[17:] == "00.000000Z"):
        slot += 1
    if slot == 48:
        return date.fromordinal(date.fromisoformat(text[:10]).toordinal() + 1).isoformat(), 0
    return text[:10], slot


def open_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection for report queries off the writer thread."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


@dataclass(frozen=True)
class Grouping:
    """How to group rollup rows: SQL expressions over ``day``/``slot`` and their parameters.

    ``period`` must put together only days on which the baseline's prices are the same.
    """

    bucket: str = "0"
    bucket_params: tuple[object, ...] = ()
    period: str = "0"
    period_params: tuple[object, ...] = ()
    by_slot: bool = False
    """The period expression depends on ``slot`` (off-peak prices): rows report their first
    slot as a representative, and ``ledger_daily`` cannot be used."""
    by_model: bool = False
    daily: bool = False
    """Read ``ledger_daily`` (whole UTC days, no model or slot) instead of the rollup."""


@dataclass(frozen=True)
class Cell:
    """Sums for one group of rollup rows."""

    bucket: object
    period: object
    day: str
    """The first UTC day of the group (a day with the group's prices)."""
    slot: int
    is_local: int
    provider: str
    model: str
    band: int
    replies: int
    failed: int
    context_tokens: int
    output_tokens: int
    cacheable_tokens: int
    ctx_min: int | None
    ctx_max: int | None
    output_estimated: int
    usage_estimated: int
    cost_pusd: int
    unpriced: int
    energy_measured_j: float
    measured: int
    energy_configured_j: float
    configured: int
    unmeasured_wall_ms: float
    unmeasured: int

    @property
    def billable(self) -> int:
        return self.replies - self.failed


_SUMS = """
    sum(replies), sum(failed), sum(context_tokens), sum(output_tokens), sum(cacheable_tokens),
    min(ctx_min), max(ctx_max), sum(output_estimated), sum(usage_estimated), sum(cost_pusd),
    sum(unpriced), total(energy_measured_j), sum(measured), total(energy_configured_j),
    sum(configured), total(unmeasured_wall_ms), sum(unmeasured)
"""


def _keys(grouping: Grouping) -> tuple[str, str, str]:
    slot = "min(slot)" if grouping.by_slot else "0"
    who = "provider, model" if grouping.by_model else "'', ''"
    return slot, who, ", provider, model" if grouping.by_model else ""


def aggregate(
    conn: sqlite3.Connection, start: Position | None, end: Position, grouping: Grouping
) -> list[Cell]:
    """Rollup sums for ``start <= (day, slot) < end`` (no start: from the beginning).

    With ``grouping.daily`` whole days come from ``ledger_daily`` and the part of ``end``'s
    day before ``end`` from the rollup.
    """
    if grouping.daily:
        if grouping.by_slot or grouping.by_model or start is not None:
            raise ValueError("ledger_daily has whole days only")
        cells = _select(conn, "ledger_daily", "day < ?", (end[0],), grouping)
        if end[1] > 0:
            where = "(day, slot) >= (?, 0) AND (day, slot) < (?, ?)"
            cells += _select(conn, "ledger_rollup", where, (end[0], *end), grouping)
        return cells
    lower = "(day, slot) >= (?, ?) AND " if start else ""
    return _select(
        conn, "ledger_rollup", f"{lower}(day, slot) < (?, ?)", (*(start or ()), *end), grouping
    )


def _select(
    conn: sqlite3.Connection,
    table: str,
    where: str,
    where_params: tuple[object, ...],
    grouping: Grouping,
) -> list[Cell]:
    slot, who, extra = _keys(grouping)
    sql = (
        f"SELECT {grouping.bucket} AS b, {grouping.period} AS p, min(day), {slot} AS s,"  # noqa: S608
        f" is_local, {who}, band, {_SUMS} FROM {table}"
        f" WHERE {where} GROUP BY b, p, is_local, band{extra}"
    )
    params = (*grouping.bucket_params, *grouping.period_params, *where_params)
    return [Cell(*row) for row in conn.execute(sql, params)]


def local_token_sums(conn: sqlite3.Connection, end: Position, grouping: Grouping) -> list[Cell]:
    """Billable local token sums before ``end`` from ``ledger_local_slots``, for pricing a
    baseline whose price depends on the half hour; the cells' other figures are zero."""
    sql = (
        f"SELECT {grouping.bucket} AS b, {grouping.period} AS p, min(day), min(slot), 1, '', '',"  # noqa: S608
        " band, sum(replies), 0, sum(context_tokens), sum(output_tokens),"
        " sum(cacheable_tokens), min(ctx_min), max(ctx_max), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0"
        " FROM ledger_local_slots WHERE (day, slot) < (?, ?) GROUP BY b, p, band"
    )
    params = (*grouping.bucket_params, *grouping.period_params, *end)
    return [Cell(*row) for row in conn.execute(sql, params)]


@dataclass(frozen=True)
class RawRequest:
    ts: datetime
    context_tokens: int
    output_tokens: int
    cacheable: int


def raw_requests(
    conn: sqlite3.Connection, start: datetime | None, end: datetime, grouping: Grouping, cell: Cell
) -> list[RawRequest]:
    """The billable local requests behind one ``aggregate`` cell."""
    sql = (
        "SELECT ts, context_tokens, output_tokens_estimate, cacheable FROM ledger_usage_facts"  # noqa: S608
        f" WHERE ts >= ? AND ts < ? AND is_local AND billable AND band = ?"
        f" AND {grouping.bucket} = ? AND {grouping.period} = ?"
    )
    params: list[object] = [
        to_db_time(start) if start else "",
        to_db_time(end),
        cell.band,
        *grouping.bucket_params,
        cell.bucket,
        *grouping.period_params,
        cell.period,
    ]
    if grouping.by_model:
        sql += " AND provider = ? AND model = ?"
        params += [cell.provider, cell.model]
    rows = conn.execute(sql, params).fetchall()
    return [RawRequest(from_db_time(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in rows]


@dataclass(frozen=True)
class OtherCost:
    """Cloud costs billed in a currency other than US dollars (``ledger_cost``)."""

    bucket: object
    provider: str
    model: str
    currency: str
    amount_pico: int
    replies: int


def other_costs(
    conn: sqlite3.Connection,
    start: Position | None,
    end: Position,
    bucket: str = "0",
    bucket_params: tuple[object, ...] = (),
    *,
    by_model: bool = False,
) -> list[OtherCost]:
    """Sums of ``ledger_cost`` for ``start <= (day, slot) < end``, per bucket × currency
    (× provider × model with ``by_model``)."""
    who = "provider, model" if by_model else "'', ''"
    lower = "(day, slot) >= (?, ?) AND " if start else ""
    group = "b, currency" + (", provider, model" if by_model else "")
    sql = (
        f"SELECT {bucket} AS b, {who}, currency, sum(amount_pico), sum(replies)"  # noqa: S608
        f" FROM ledger_cost WHERE {lower}(day, slot) < (?, ?) GROUP BY {group}"
    )
    params = (*bucket_params, *(start or ()), *end)
    return [OtherCost(*row) for row in conn.execute(sql, params)]
