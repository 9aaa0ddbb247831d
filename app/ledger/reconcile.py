"""The month's figures taken apart, so every count in the report can be traced.

The rollup gives totals; this reads the month's usage rows once (by the ``usage_ts``
index) for what the words need: how many tokens the servers reported and how many
Hearth estimated, local and cloud apart; the cloud streams that were cut and billed by
estimate; the attempts that billed nothing; the local attempts that used no energy;
and the wattages estimated rows were recorded at (not today's setting).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from app.storage.records import to_db_time

NO_WORK_SOURCE = "no-work"
CONFIGURED_SOURCE = "configured-watts"
MACHINE_SOURCE = "machine-default"
CUT_REASON = "cut"


@dataclass(frozen=True)
class TokenSplit:
    input_reported: int = 0
    input_estimated: int = 0
    output_reported: int = 0
    output_estimated: int = 0


@dataclass(frozen=True)
class Reconciliation:
    local: TokenSplit = field(default_factory=TokenSplit)
    cloud: TokenSplit = field(default_factory=TokenSplit)
    cloud_cut: int = 0
    """Cloud streams cut after text arrived, billed by Hearth's estimate."""
    cloud_estimated: int = 0
    """Cloud replies priced from an estimate (cut, stopped, or no usage report)."""
    cloud_billed_nothing: int = 0
    local_stopped: int = 0
    local_no_work: int = 0
    """Local attempts that failed before the engine produced anything: no energy."""
    recorded_watts: tuple[Decimal, ...] = ()
    """The wattages rows estimated from configured watts were recorded at."""
    unmeasured: int = 0
    """Local rows with no energy figure at all (estimated at today's setting)."""


_SPLIT = """
SELECT is_local,
    total(CASE WHEN billable AND in_reported THEN context_tokens END),
    total(CASE WHEN billable AND NOT in_reported THEN context_tokens END),
    total(CASE WHEN billable AND out_reported THEN output_tokens_estimate END),
    total(CASE WHEN billable AND NOT out_reported THEN output_tokens_estimate END),
    sum(NOT is_local AND done_reason = ?),
    sum(NOT is_local AND billable AND usage_estimated),
    sum(NOT is_local AND NOT billable),
    sum(is_local AND outcome = 'stopped'),
    sum(is_local AND energy_source = ?),
    sum(is_local AND energy_j IS NULL)
FROM (
    SELECT *, outcome <> 'failed' AS billable,
        input_tokens IS NOT NULL AND NOT usage_estimated
        AND context_tokens = input_tokens + coalesce(cached_input_tokens, 0)
            + coalesce(cache_write_tokens, 0) AS in_reported,
        output_tokens IS NOT NULL AND NOT usage_estimated AS out_reported
    FROM usage WHERE ts >= ? AND ts < ?
) GROUP BY is_local
"""

_WATTS = """
SELECT DISTINCT round(energy_j * 1000.0 / wall_ms) FROM usage
WHERE ts >= ? AND ts < ? AND is_local AND energy_source IN (?, ?) AND wall_ms > 0
    AND energy_j > 0
ORDER BY 1
"""


def reconcile(conn: sqlite3.Connection, start: datetime, end: datetime) -> Reconciliation:
    span = (to_db_time(start), to_db_time(end))
    figures: dict[str, object] = {}
    for row in conn.execute(_SPLIT, (CUT_REASON, NO_WORK_SOURCE, *span)):
        split = TokenSplit(*(int(value or 0) for value in row[1:5]))
        if row[0]:
            figures.update(
                local=split,
                local_stopped=int(row[8] or 0),
                local_no_work=int(row[9] or 0),
                unmeasured=int(row[10] or 0),
            )
        else:
            figures.update(
                cloud=split,
                cloud_cut=int(row[5] or 0),
                cloud_estimated=int(row[6] or 0),
                cloud_billed_nothing=int(row[7] or 0),
            )
    watts = tuple(
        Decimal(int(row[0]))
        for row in conn.execute(_WATTS, (*span, CONFIGURED_SOURCE, MACHINE_SOURCE))
    )
    return Reconciliation(recorded_watts=watts, **figures)  # type: ignore[arg-type]
